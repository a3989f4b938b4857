/**
 * The top of the message page: back to the list, the name with its status, the channel, "Unsaved
 * changes", and the page-level actions (analytics, pause or resume, save).
 */
import styled from 'styled-components';
import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { Paragraph, XXL } from '@zendeskgarden/react-typography';
import type { Message } from '@proactive/contract/admin';
import { t } from '../i18n.ts';
import { StatusTag } from '../messages/status.tsx';
import { Muted } from '../shell/Muted.tsx';
import { navigate } from '../shell/router.ts';
import type { MessageAction } from './message-actions.ts';
import { StepActions } from './EditorStep.tsx';

const Header = styled.div`
  display: flex;
  align-items: center;
  justify-content: space-between;
  gap: 16px;
  margin-bottom: 16px;
  flex-wrap: wrap;
`;

export interface EditorHeaderProps {
  name: string;
  message: Message;
  channelName: string;
  dirty: boolean;
  busy: boolean;
  onAction: (action: MessageAction) => void;
}

/**
 * The header.
 *
 * @example <EditorHeader name={draft.name} message={message} channelName="Acme" dirty busy={false} onAction={run} />
 */
export function EditorHeader({ name, message, channelName, dirty, busy, onAction }: EditorHeaderProps) {
  return (
    <Header>
      <div>
        <Anchor
          href="#/messages"
          onClick={(event) => {
            event.preventDefault();
            navigate({ page: 'messages' });
          }}
        >
          {t('editor.back')}
        </Anchor>
        <XXL tag="h1" isBold>
          {name || t('editor.untitled')} <StatusTag status={message.status} />
        </XXL>
        <Paragraph>
          {t('editor.channel', { channel: channelName })}
          {dirty && (
            <Muted data-testid="unsaved">
              {' · '}
              {t('editor.unsaved')}
            </Muted>
          )}
        </Paragraph>
      </div>
      <StepActions>
        <Button isBasic onClick={() => navigate({ page: 'analytics', id: message.id })}>
          {t('editor.analytics')}
        </Button>
        {message.status === 'live' && (
          <Button onClick={() => onAction('pause')} disabled={busy}>
            {t('list.action.pause')}
          </Button>
        )}
        {message.status === 'paused' && (
          <Button onClick={() => onAction('resume')} disabled={busy}>
            {t('list.action.resume')}
          </Button>
        )}
        <Button onClick={() => onAction('save')} disabled={busy}>
          {t('common.save')}
        </Button>
      </StepActions>
    </Header>
  );
}
