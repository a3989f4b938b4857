// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import type { Attribute, Brand } from '@proactive/contract/admin';
import { ApiError, createApi } from '../api/client.ts';
import { ApiContext } from '../shell/context.tsx';
import { createQueryClient } from '../shell/queries.ts';
import { fieldError, keyProblem } from './AttributeForm.tsx';
import AttributesPage from './AttributesPage.tsx';

afterEach(cleanup);

const at = '2026-12-01T10:00:00.000Z';
const brands: Brand[] = [
  { id: 'b1', name: 'Acme', created_at: at, updated_at: at },
  { id: 'b2', name: 'Globex', created_at: at, updated_at: at },
];

/** The attributes routes over an in-memory list, answering as the server does (409 for a taken key). */
function fakeServer(initial: Attribute[]) {
  const rows = [...initial];
  const requests: string[] = [];
  const send = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://app.test');
    const method = init?.method ?? 'GET';
    requests.push(`${method} ${url.pathname}${url.search}`);
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    if (url.pathname === '/api/v1/brands') return Response.json(brands);
    if (url.pathname === '/api/v1/attributes' && method === 'GET')
      return Response.json(rows.filter((row) => row.brand_id === url.searchParams.get('brand_id')));
    const taken = (brandId: string, key: string, id?: string) =>
      rows.some((row) => row.brand_id === brandId && row.key === key && row.id !== id);
    const conflict = () =>
      Response.json(
        {
          error: {
            code: 'duplicate_name',
            message: 'The attribute "plan" is already declared.',
            details: { field: 'key' },
          },
        },
        { status: 409 },
      );
    if (url.pathname === '/api/v1/attributes' && method === 'POST') {
      if (taken(body.brand_id, body.key)) return conflict();
      const row: Attribute = {
        id: `a${rows.length + 1}`,
        label: body.key,
        ...body,
        created_at: at,
        updated_at: at,
      };
      rows.push(row);
      return Response.json(row, { status: 201 });
    }
    const id = url.pathname.split('/').pop()!;
    const index = rows.findIndex((row) => row.id === id);
    if (method === 'PATCH') {
      if (body.key && taken(rows[index]!.brand_id, body.key, id)) return conflict();
      rows[index] = { ...rows[index]!, ...body };
      return Response.json(rows[index]);
    }
    rows.splice(index, 1);
    return new Response(null, { status: 204 });
  };
  return { send, rows, requests };
}

function renderPage(server: ReturnType<typeof fakeServer>) {
  return render(
    <ThemeProvider theme={DEFAULT_THEME}>
      <QueryClientProvider client={createQueryClient()}>
        <ApiContext.Provider value={createApi(server.send)}>
          <AttributesPage />
        </ApiContext.Provider>
      </QueryClientProvider>
    </ThemeProvider>,
  );
}

const plan: Attribute = {
  id: 'a0',
  brand_id: 'b1',
  key: 'plan',
  type: 'text',
  label: 'Plan',
  created_at: at,
  updated_at: at,
};

describe('the Visitor attributes settings page', () => {
  it("lists the first brand's declarations with their key, label and type", async () => {
    const server = fakeServer([plan, { ...plan, id: 'a9', brand_id: 'b2', key: 'tier' }]);
    renderPage(server);
    const table = await screen.findByRole('table', { name: 'Visitor attributes' });
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(cells).toEqual([expect.stringMatching(/^planPlanText/)]);
    expect(server.requests).toContain('GET /api/v1/attributes?brand_id=b1');
  });

  it('adds a declaration, refusing a key the server would refuse before sending it', async () => {
    const server = fakeServer([plan]);
    renderPage(server);
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Add attribute' }));
    const dialog = await screen.findByRole('dialog');
    const key = within(dialog).getByRole('textbox', { name: /^Key/ });
    fireEvent.change(key, { target: { value: 'has space' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save attribute' }));
    expect(await within(dialog).findByText(/must start with a letter/)).toBeTruthy();
    expect(server.requests.filter((request) => request.startsWith('POST'))).toEqual([]);

    fireEvent.change(key, { target: { value: 'seats' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Label/ }), { target: { value: 'Seats' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save attribute' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(server.rows.map((row) => [row.key, row.label, row.type])).toEqual([
      ['plan', 'Plan', 'text'],
      ['seats', 'Seats', 'text'],
    ]);
    expect(await screen.findByText('Seats')).toBeTruthy();
  });

  it('shows a key taken in this brand under the key field, and keeps the dialog open', async () => {
    const server = fakeServer([plan, { ...plan, id: 'a1', key: 'seats', label: 'Seats' }]);
    renderPage(server);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit seats' }));
    const dialog = await screen.findByRole('dialog');
    const key = within(dialog).getByRole('textbox', { name: /^Key/ }) as HTMLInputElement;
    expect(key.value).toBe('seats');
    fireEvent.change(key, { target: { value: 'plan' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save attribute' }));
    expect(await within(dialog).findByText(/already declared/)).toBeTruthy();
    fireEvent.change(key, { target: { value: 'seat_count' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save attribute' }));
    await waitFor(() => expect(server.rows[1]?.key).toBe('seat_count'));
    expect(server.rows[1]?.label).toBe('Seats');
  });

  it('removes a declaration after confirming', async () => {
    const server = fakeServer([plan]);
    renderPage(server);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete plan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove attribute' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/No attributes declared for this brand yet/)).toBeTruthy();
    expect(server.rows).toEqual([]);
  });
});

describe('the attribute form helpers', () => {
  it('word key problems as the contract does', () => {
    expect(keyProblem('plan')).toBeNull();
    expect(keyProblem('')).toMatch(/must not be empty/);
    expect(keyProblem('9lives')).toMatch(/must start with a letter/);
  });

  it('place server refusals under their field, or on the whole form', () => {
    expect(fieldError(new ApiError(409, 'duplicate_name', 'taken', { field: 'key' }))).toEqual({
      field: 'key',
      message: 'taken',
    });
    expect(
      fieldError(
        new ApiError(400, 'invalid_request', 'x', { issues: [{ path: 'label', message: 'too long' }] }),
      ),
    ).toEqual({ field: 'label', message: 'too long' });
    expect(fieldError(new ApiError(422, 'invalid_reference', 'x', { field: 'brand_id' }))).toBeNull();
    expect(fieldError(new Error('x'))).toBeNull();
  });
});
