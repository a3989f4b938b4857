// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import type { ConversationWithMessages } from '@proactive/contract/admin';
import { createApi } from '../api/client.ts';
import { QueryClientProvider } from '@tanstack/react-query';
import { ApiContext } from '../shell/context.tsx';
import { createQueryClient } from '../shell/queries.ts';
import ConversationsPage from './ConversationsPage.tsx';
import { authorLabel } from './Transcript.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const at = '2026-11-25T15:00:00.000Z';
const conversation: ConversationWithMessages = {
  id: 'cv1',
  channel_id: 'demo',
  message_id: 'm1',
  visitor_id: 'v1',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  tags: ['pricing'],
  status: 'open',
  created_at: at,
  updated_at: at,
  message_name: 'Pricing',
  messages: [
    {
      id: 'a',
      conversation_id: 'cv1',
      author: 'system',
      text: 'Hi 👋 Questions about [our plans](https://acme.test/pricing)?',
      created_at: at,
    },
    {
      id: 'b',
      conversation_id: 'cv1',
      author: 'system',
      text: 'An agent will be right with you.',
      created_at: at,
    },
    { id: 'c', conversation_id: 'cv1', author: 'visitor', text: 'Is there a **free** plan?', created_at: at },
    { id: 'd', conversation_id: 'cv1', author: 'agent', text: 'Yes: https://acme.test/free', created_at: at },
  ],
};

function renderPage(id?: string) {
  const send = async (input: RequestInfo | URL) =>
    Response.json(
      new URL(String(input), 'http://app.test').pathname === '/api/v1/conversations'
        ? [conversation]
        : conversation,
    );
  return render(
    <ThemeProvider theme={DEFAULT_THEME}>
      <QueryClientProvider client={createQueryClient()}>
        <ApiContext.Provider value={createApi(send)}>
          <ConversationsPage {...(id ? { id } : {})} />
        </ApiContext.Provider>
      </QueryClientProvider>
    </ThemeProvider>,
  );
}

describe('the conversation transcript', () => {
  it('renders links as links (the widget renderer), never raw markdown', async () => {
    renderPage('cv1');
    const link = await screen.findByRole('link', { name: 'our plans' });
    expect(link.getAttribute('href')).toBe('https://acme.test/pricing');
    expect(screen.getByRole('link', { name: 'https://acme.test/free' })).toBeTruthy();
    expect(document.body.textContent).not.toContain('[our plans](');
  });

  it('labels the greeting, the follow-up, the customer by name and the agent, each with its time', async () => {
    renderPage('cv1');
    await screen.findByRole('link', { name: 'our plans' });
    const items = screen.getByRole('list', { name: 'Messages' }).querySelectorAll('li');
    const labels = [...items].map((item) => item.querySelector('span')?.textContent);
    expect(labels).toEqual(['Proactive message', 'Follow-up message', 'Ada Lovelace', 'Agent']);
    for (const item of items) expect(item.querySelector('time')?.getAttribute('datetime')).toBe(at);
    expect(
      authorLabel([...conversation.messages!, { ...conversation.messages![0]!, id: 'e' }], 4, conversation),
    ).toBe('Automatic message');
    expect(authorLabel(conversation.messages!, 2, { name: null })).toBe('Customer');
  });

  it('unmounts cleanly where scrollIntoView returns a promise (Chromium): leaving an open conversation never crashes', async () => {
    // Chromium's scrollIntoView returns a promise; an effect that returned it made React call it on unmount.
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(
      () => Promise.resolve() as unknown as undefined,
    );
    const page = renderPage('cv1');
    await screen.findByText(/Is there a/);
    expect(() => act(() => page.unmount())).not.toThrow();
  });
});
