/**
 * A conversation's messages as the visitor saw them: text rendered by the widget's renderer (links, not
 * raw markdown), each with who wrote it and when. The greeting and follow-up the widget showed are stored
 * as `system` messages, so they are labelled by their place in the opening.
 */
import { useEffect, useRef } from 'react';
import styled from 'styled-components';
import { Span } from '@zendeskgarden/react-typography';
import type {
  ConversationMessage,
  ConversationWithMessages as Conversation,
} from '@proactive/contract/admin';
import { t } from '../i18n.ts';
import { palette } from '../shell/palette.ts';
import { RichText } from '../shell/RichText.tsx';

const Thread = styled.ol`
  list-style: none;
  margin: 16px 0;
  padding: 0;
  display: flex;
  flex-direction: column;
  gap: 8px;
  max-height: 420px;
  overflow: auto;
`;

const Bubble = styled.li<{ $agent: boolean }>`
  align-self: ${(p) => (p.$agent ? 'flex-end' : 'flex-start')};
  max-width: 80%;
  padding: 8px 12px;
  border-radius: 8px;
  background: ${(p) => (p.$agent ? palette.blue700 : palette.grey100)};
  color: ${(p) => (p.$agent ? '#fff' : palette.grey800)};
  overflow-wrap: anywhere;
  a {
    color: inherit;
    text-decoration: underline;
  }
`;

const Meta = styled.div`
  display: flex;
  gap: 8px;
  align-items: baseline;
  font-size: ${(p) => p.theme.fontSizes.sm};
`;

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Who wrote `messages[index]`: the customer by name, Agent, Bot, or for the opening `system` messages
 * "Proactive message" then "Follow-up message".
 *
 * @example authorLabel([{ author: 'system', ... }], 0, conversation) // 'Proactive message'
 */
export function authorLabel(
  messages: readonly ConversationMessage[],
  index: number,
  conversation: Pick<Conversation, 'name'>,
): string {
  const message = messages[index];
  if (!message) return '';
  if (message.author === 'visitor') return conversation.name || t('conversations.author.visitor');
  if (message.author !== 'system') return t(`conversations.author.${message.author}`);
  const systemBefore = messages.slice(0, index).filter((earlier) => earlier.author === 'system').length;
  const opening = messages.slice(0, index).every((earlier) => earlier.author === 'system');
  if (opening && systemBefore === 0) return t('conversations.author.greeting');
  if (opening && systemBefore === 1) return t('conversations.author.followUp');
  return t('conversations.author.system');
}

/**
 * The thread.
 *
 * @example <Transcript conversation={conversation} />
 */
export function Transcript({ conversation }: { conversation: Conversation }) {
  const messages = conversation.messages ?? [];
  const thread = useRef<HTMLOListElement>(null);
  // New messages scroll into view inside the thread (never the page).
  useEffect(() => {
    const list = thread.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [messages.length]);
  return (
    <Thread ref={thread} aria-label={t('conversations.thread')} aria-live="polite">
      {messages.map((message, index) => (
        <Bubble key={message.id} $agent={message.author === 'agent'} data-author={message.author}>
          <Meta>
            <Span isBold>{authorLabel(messages, index, conversation)}</Span>
            <time dateTime={message.created_at}>{timeFormat.format(new Date(message.created_at))}</time>
          </Meta>
          <RichText text={message.text} data-message-text="" />
        </Bubble>
      ))}
    </Thread>
  );
}
