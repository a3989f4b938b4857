/**
 * The conversation panel, a dialog above the launcher. For an agent response: the visitor replies to the
 * greeting, the follow-up message appears with the requested details form (if any), then the
 * conversation is handed to a live agent and the agent's replies appear here. For a bot response: the
 * chosen answer is the follow-up, and "Talk to a person" hands over to an agent the same way.
 */
import type { ActiveConversation } from '../conversation.ts';
import type { ConversationMessage } from '@proactive/contract/widget';
import { createConversationApi } from './conversation-api.ts';
import type { MountPanel, PanelInstance, PanelOptions } from './contract.ts';
import { createDetailsForm } from './details-form.ts';
import { startPolling, type Poller } from './poller.ts';
import { createTranscript } from './transcript.ts';

let panelCount = 0;

function button(text: string, className: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}

/**
 * Mounts the panel (hidden until `show()`).
 *
 * @example const panel = mountPanel(options); panel.show();
 */
export const mountPanel: MountPanel = (options: PanelOptions): PanelInstance => {
  const { message } = options;
  const api = createConversationApi(options.origin);
  const titleId = `pw-panel-title-${++panelCount}`;
  const dialog = document.createElement('div');
  dialog.className = 'pw-panel';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-labelledby', titleId);
  dialog.hidden = true;

  const head = document.createElement('div');
  head.className = 'pw-head';
  const title = document.createElement('h2');
  title.id = titleId;
  title.textContent = options.brandName || 'Chat';
  const endButton = button('End chat', 'pw-end', () => endChat());
  endButton.hidden = true;
  const closeButton = button('×', 'pw-x', () => options.onClose());
  closeButton.setAttribute('aria-label', 'Close chat');
  head.append(title, endButton, closeButton);

  const transcript = createTranscript();
  const actions = document.createElement('div');
  actions.className = 'pw-actions';
  actions.hidden = true;
  const formSlot = document.createElement('div');

  const composer = document.createElement('form');
  composer.className = 'pw-composer';
  const textarea = document.createElement('textarea');
  textarea.id = `${titleId}-input`;
  textarea.placeholder = 'Type a message';
  textarea.setAttribute('aria-label', 'Type a message');
  textarea.maxLength = 5000;
  const send = document.createElement('button');
  send.type = 'submit';
  send.className = 'pw-btn pw-primary';
  send.textContent = 'Send';
  composer.append(textarea, send);

  dialog.append(head, transcript.element, actions, formSlot, composer);
  options.container.appendChild(dialog);

  let conversation: ActiveConversation | null = options.conversation;
  let firstReply: string | null = null;
  let poller: Poller | null = null;
  let unread = 0;
  let identity = { ...options.identity };
  const seen = new Set<string>();
  const brand = options.brandName || 'Support';

  const focusFirst = () => {
    const candidates: Array<HTMLElement | null> = [
      formSlot.querySelector('input'),
      actions.hidden ? null : actions.querySelector('button'),
      composer.hidden ? null : textarea,
    ];
    (candidates.find((element) => element !== null) ?? closeButton).focus();
  };

  const showServerMessages = (messages: ConversationMessage[], includeVisitor: boolean) => {
    for (const item of messages) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      if (item.author === 'visitor' && !includeVisitor) continue;
      const who = { agent: 'Agent', bot: 'Bot', visitor: 'You', system: brand }[item.author] ?? '';
      transcript.add(item.author === 'system' ? 'business' : item.author, item.text, { who });
      if (item.author !== 'visitor' && dialog.hidden && !includeVisitor) {
        unread += 1;
        options.onUnread(unread);
      }
      if (item.author === 'agent') options.onConversationActivity();
    }
  };

  /** `withHistory`: the visitor's own earlier messages are shown too (resuming on another page). */
  const startLive = (withHistory: boolean) => {
    if (!conversation || poller) return;
    endButton.hidden = false;
    const id = conversation.id;
    let includeVisitor = withHistory;
    poller = startPolling({
      fetch: (after) => api.fetchMessages(id, after),
      onMessages: (messages) => {
        showServerMessages(messages, includeVisitor);
        includeVisitor = false;
      },
      isOpen: () => !dialog.hidden,
    });
  };

  const handOver = async (text: string) => {
    composer.hidden = true;
    formSlot.replaceChildren();
    const waiting = transcript.add('system', 'Connecting you with an agent…');
    const started = await api.startConversation({
      channel_id: options.channelId,
      message_id: message?.id ?? '',
      visitor_id: options.visitorId,
      ...(identity.name ? { name: identity.name } : {}),
      ...(identity.email ? { email: identity.email } : {}),
      text,
    });
    waiting.remove();
    if (!started) {
      transcript.add('system', 'We couldn’t reach support. Check your connection and try again.');
      actions.replaceChildren(button('Try again', 'pw-btn', () => void handOver(text)));
      actions.hidden = false;
      focusFirst();
      return;
    }
    actions.hidden = true;
    for (const recorded of started.messages) seen.add(recorded.id);
    conversation = { id: started.id, message_id: message?.id ?? '', updated_at: Date.now() };
    options.onConversationStarted(conversation);
    transcript.add('system', 'You’re connected. An agent will reply here.');
    composer.hidden = false;
    textarea.focus();
    startLive(false);
  };

  const askDetailsThenHandOver = (text: string) => {
    if (message?.response.type !== 'agent') return void handOver(text);
    const fields = message.response.customer_details;
    if (fields.length === 0) return void handOver(text);
    composer.hidden = true;
    const form = createDetailsForm(fields, identity, (details) => {
      identity = { ...identity, ...details };
      options.onIdentify(details);
      void handOver(text);
    });
    formSlot.replaceChildren(form.element);
    form.focus();
  };

  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = textarea.value.trim();
    if (!text) return textarea.focus();
    textarea.value = '';
    transcript.add('visitor', text, { who: 'You' });
    if (conversation) {
      options.onConversationActivity();
      void api.sendVisitorMessage(conversation.id, options.visitorId, text).then((ok) => {
        if (!ok) transcript.add('system', 'Not delivered. Check your connection and send it again.');
      });
      return;
    }
    if (firstReply !== null) return;
    firstReply = text;
    options.onReplied();
    if (message?.response.type === 'agent') {
      transcript.add('business', message.response.follow_up, { who: brand });
      askDetailsThenHandOver(text);
    } else {
      void handOver(text);
    }
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      options.onClose();
    }
  });

  const endChat = () => {
    poller?.stop();
    poller = null;
    conversation = null;
    endButton.hidden = true;
    composer.hidden = true;
    transcript.add('system', 'Chat ended.');
    options.onConversationEnded();
  };

  if (conversation && !message) {
    startLive(true);
  } else if (message) {
    transcript.add('business', options.greeting, { who: brand });
    if (message.response.type === 'bot') {
      const { bot, answer } = message.response;
      transcript.add('bot', answer.body, { who: bot.name || 'Bot', title: answer.title });
      composer.hidden = true;
      actions.replaceChildren(
        button('Talk to a person', 'pw-btn', () => {
          actions.hidden = true;
          transcript.add('system', 'Tell us what you need and we’ll connect you with an agent.');
          composer.hidden = false;
          textarea.focus();
        }),
      );
      actions.hidden = false;
    }
  }

  return {
    show() {
      dialog.hidden = false;
      unread = 0;
      options.onUnread(0);
      poller?.wake();
      focusFirst();
    },
    hide() {
      dialog.hidden = true;
    },
    isOpen: () => !dialog.hidden,
    destroy() {
      poller?.stop();
      dialog.remove();
    },
  };
};
