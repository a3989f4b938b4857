// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import type { MessageListItem } from '@proactive/contract/admin';
import { createApi } from '../api/client.ts';
import { QueryClientProvider } from '@tanstack/react-query';
import { ApiContext } from '../shell/context.tsx';
import { createQueryClient } from '../shell/queries.ts';
import { MessageList, pageSize } from './MessageList.tsx';

afterEach(cleanup);

const at = '2026-11-25T15:00:00.000Z';
const item = (index: number): MessageListItem => ({
  id: `msg_${index}`,
  name: `Message ${index}`,
  brand_id: 'acme',
  channel_id: 'demo',
  status: 'live',
  greeting: 'Hi',
  response: { type: 'agent', follow_up: '', customer_details: ['name', 'email'] },
  rules: '',
  rule: null,
  diagnostics: [],
  tags: [],
  time_of_day: { kind: 'anytime' },
  frequency: 'once_per_visit',
  timing: { kind: 'page_load' },
  order: index,
  version: 1,
  sent: index,
  opened: 0,
  dismissed: 0,
  replied: 0,
  created_at: at,
  updated_at: at,
  channel: { id: 'demo', name: 'Demo site' },
});

/** A server of 60 messages answering pages, recording each query it got. */
function renderList() {
  const queries: URLSearchParams[] = [];
  const send = async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://app.test');
    queries.push(url.searchParams);
    const page = Number(url.searchParams.get('page'));
    const perPage = Number(url.searchParams.get('per_page'));
    const items = Array.from({ length: 60 }, (_, index) => item(index)).slice(
      (page - 1) * perPage,
      page * perPage,
    );
    return Response.json({ items, total: 60, page, per_page: perPage });
  };
  render(
    <ThemeProvider theme={DEFAULT_THEME}>
      <QueryClientProvider client={createQueryClient()}>
        <ApiContext.Provider value={createApi(send)}>
          <MessageList />
        </ApiContext.Provider>
      </QueryClientProvider>
    </ThemeProvider>,
  );
  return queries;
}

describe('MessageList', () => {
  it('asks the server for one sorted page and shows Garden pagination over the total', async () => {
    const queries = renderList();
    await screen.findByText('Message 0');
    expect(Object.fromEntries(queries[0]!)).toEqual({
      page: '1',
      per_page: String(pageSize),
      sort: 'updated_at',
      direction: 'desc',
    });
    expect(document.querySelectorAll('[data-message-id]')).toHaveLength(pageSize);
    expect(screen.getAllByText('Demo site', { selector: 'td' })).toHaveLength(pageSize);
    fireEvent.click(screen.getByRole('button', { name: 'Page 2' }));
    await screen.findByText('Message 25');
    expect(queries.at(-1)!.get('page')).toBe('2');
  });

  it('sorts on the server: a column header asks for page 1 of the new order', async () => {
    const queries = renderList();
    await screen.findByText('Message 0');
    fireEvent.click(screen.getByRole('button', { name: 'Page 3' }));
    await screen.findByText('Message 50');
    fireEvent.click(screen.getByText('Name'));
    await waitFor(() => expect(queries.at(-1)!.get('sort')).toBe('name'));
    expect(Object.fromEntries(queries.at(-1)!)).toMatchObject({ page: '1', sort: 'name', direction: 'asc' });
  });
});
