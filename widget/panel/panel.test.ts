// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActiveConversation } from '../conversation.ts';
import type { WidgetMessage } from '@proactive/contract/widget';
import type { PanelOptions } from './contract.ts';
import { mountPanel } from './panel.ts';

const agentMessage: WidgetMessage = {
  id: 'm1',
  name: 'Pricing',
  greeting: 'Comparing plans?',
  response: { type: 'agent', follow_up: 'Let me get sales.', customer_details: ['name', 'email'] },
  tags: ['sales'],
  rule: {} as WidgetMessage['rule'],
};
const botMessage: WidgetMessage = {
  ...agentMessage,
  id: 'm2',
  response: {
    type: 'bot',
    bot: { id: 'b', name: 'Helper' },
    answer: { id: 'a', title: 'Getting started', body: 'Read the guide.' },
  },
};

let requests: Array<{ url: string; body: unknown }>;
let agentMessages: Array<{ id: string; author: string; text: string; created_at: string }>;

beforeEach(() => {
  document.body.replaceChildren();
  requests = [];
  agentMessages = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    requests.push({ url, body: init.body ? JSON.parse(String(init.body)) : undefined });
    if (url.endsWith('/widget/v1/conversations')) {
      return new Response(
        JSON.stringify({
          conversation_id: 'conv1',
          messages: [{ id: 'cm1', author: 'visitor', text: 'x', created_at: '' }],
        }),
        { status: 201 },
      );
    }
    if (url.includes('/messages') && (init.method ?? 'GET') === 'GET') {
      return new Response(JSON.stringify({ messages: agentMessages }), { status: 200 });
    }
    return new Response('{}', { status: 201 });
  });
});
afterEach(() => vi.unstubAllGlobals());

function mount(message: WidgetMessage | null, conversation: ActiveConversation | null = null) {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const calls: string[] = [];
  const options: PanelOptions = {
    container,
    root: document.createElement('div').attachShadow({ mode: 'open' }),
    origin: 'https://api.test',
    channelId: 'demo',
    visitorId: 'v1',
    brandName: 'Acme',
    message,
    greeting: message?.greeting ?? '',
    conversation,
    identity: { email: 'known@example.com' },
    onClose: () => calls.push('close'),
    onReplied: () => calls.push('replied'),
    onIdentify: (identity) => calls.push(`identify:${identity.name}`),
    onConversationStarted: (started) => calls.push(`started:${started.id}`),
    onConversationActivity: () => calls.push('activity'),
    onConversationEnded: () => calls.push('ended'),
    onUnread: (count) => calls.push(`unread:${count}`),
  };
  const panel = mountPanel(options);
  const dialog = container.querySelector<HTMLElement>('[role="dialog"]')!;
  const send = async (text: string) => {
    dialog.querySelector('textarea')!.value = text;
    dialog.querySelector<HTMLFormElement>('form.pw-composer')!.requestSubmit();
    await Promise.resolve();
  };
  return { panel, dialog, calls, send, text: () => dialog.textContent ?? '' };
}

describe('agent response', () => {
  it('reply, then follow-up and details form (validated), then hand-over with the details', async () => {
    const { panel, dialog, calls, send, text } = mount(agentMessage);
    panel.show();
    expect(dialog.hidden).toBe(false);
    expect(text()).toContain('Comparing plans?');
    await send('Is there a discount?');
    expect(text()).toContain('Let me get sales.');
    expect(calls).toContain('replied');
    const form = dialog.querySelector<HTMLFormElement>('form.pw-form')!;
    const [name, email] = [...form.querySelectorAll('input')];
    expect(email!.value).toBe('known@example.com'); // prefilled from what is known
    email!.value = 'not-an-email';
    form.requestSubmit();
    expect(form.textContent).toContain('Enter your name.');
    expect(form.textContent).toContain('valid email');
    expect(requests.some((request) => request.url.endsWith('/conversations'))).toBe(false);
    name!.value = 'Ada Lovelace';
    email!.value = 'ada@example.com';
    form.requestSubmit();
    await vi.waitFor(() => expect(calls).toContain('started:conv1'));
    expect(requests.find((request) => request.url.endsWith('/widget/v1/conversations'))?.body).toEqual({
      channel_id: 'demo',
      message_id: 'm1',
      visitor_id: 'v1',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      text: 'Is there a discount?',
    });
    expect(calls).toContain('identify:Ada Lovelace');

    // Agent replies show up; the visitor's own messages are not repeated.
    agentMessages = [{ id: 'cm2', author: 'agent', text: 'Yes, 20% off yearly.', created_at: '' }];
    panel.show(); // wakes the poller
    await vi.waitFor(() => expect(text()).toContain('Yes, 20% off yearly.'));
    await send('Great');
    expect(requests.at(-1)).toEqual({
      url: 'https://api.test/widget/v1/conversations/conv1/messages',
      body: { visitor_id: 'v1', text: 'Great' },
    });
    panel.destroy();
  });

  it('says so and offers a retry when the hand-over fails', async () => {
    vi.stubGlobal('fetch', async () => new Response('oops', { status: 500 }));
    const { panel, dialog, send, text } = mount({
      ...agentMessage,
      response: { type: 'agent', follow_up: 'OK', customer_details: [] },
    });
    panel.show();
    await send('Hello');
    await vi.waitFor(() => expect(text()).toContain('couldn’t reach support'));
    expect([...dialog.querySelectorAll('button')].some((button) => button.textContent === 'Try again')).toBe(
      true,
    );
  });
});

describe('bot response', () => {
  it('shows the answer; "Talk to a person" opens the composer and hands over', async () => {
    const { panel, dialog, calls, send, text } = mount(botMessage);
    panel.show();
    expect(text()).toContain('Getting started');
    expect(text()).toContain('Read the guide.');
    expect(dialog.querySelector<HTMLElement>('form.pw-composer')!.hidden).toBe(true);
    const talk = [...dialog.querySelectorAll('button')].find(
      (button) => button.textContent === 'Talk to a person',
    )!;
    expect(document.activeElement).toBe(talk);
    talk.click();
    expect(dialog.querySelector<HTMLElement>('form.pw-composer')!.hidden).toBe(false);
    await send('I need a human');
    await vi.waitFor(() => expect(calls).toContain('started:conv1'));
    panel.destroy();
  });
});

describe('dialog behaviour', () => {
  it('Escape and the close button ask to close; resuming shows the whole history', async () => {
    agentMessages = [
      { id: 'a', author: 'system', text: 'Greeting', created_at: '' },
      { id: 'b', author: 'visitor', text: 'My question', created_at: '' },
      { id: 'c', author: 'agent', text: 'My answer', created_at: '' },
    ];
    const { panel, dialog, calls, text } = mount(null, { id: 'conv9', message_id: 'm1', updated_at: 0 });
    panel.show();
    await vi.waitFor(() => expect(text()).toContain('My answer'));
    expect(text()).toContain('My question');
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    dialog.querySelector<HTMLButtonElement>('.pw-x')!.click();
    expect(calls.filter((call) => call === 'close')).toHaveLength(2);
    [...dialog.querySelectorAll('button')].find((button) => button.textContent === 'End chat')!.click();
    expect(calls).toContain('ended');
    panel.destroy();
  });
});
