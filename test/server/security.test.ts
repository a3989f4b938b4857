/**
 * Stored XSS comes back as data, never as markup; two admins editing one message cannot silently
 * overwrite each other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const payload = `<script>alert("x")</script><img src=x onerror=alert(1)>"'&`;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function admin(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: (await response.json().catch(() => null)) as Json,
  };
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('stored XSS', () => {
  it('returns names and greetings exactly, as JSON data, and never puts them into served HTML', async () => {
    const brand = await admin('POST', '/api/v1/brands', { name: payload });
    expect(brand.body.name).toBe(payload);
    expect(brand.type).toContain('application/json');
    const message = await admin('POST', '/api/v1/messages', {
      name: payload,
      brand_id: 'acme',
      channel_id: 'demo',
    });
    const patched = await admin(
      'PATCH',
      `/api/v1/messages/${message.body.id}`,
      {
        greeting: payload,
        rules: 'when visitor.page_url contains "xss"',
        response: { type: 'agent', follow_up: payload, customer_details: [] },
      },
      { 'if-match': '1' },
    );
    expect(patched.body.greeting).toBe(payload);
    expect((await admin('POST', `/api/v1/messages/${message.body.id}/publish`)).status).toBe(200);

    const rules = await fetch(`${server.url}/widget/v1/channels/demo/rules`);
    expect(rules.headers.get('content-type')).toContain('application/json');
    expect(rules.headers.get('x-content-type-options')).toBe('nosniff');
    const served = (await rules.json()) as { messages: { greeting: string }[] };
    expect(served.messages.map((entry) => entry.greeting)).toContain(payload);

    for (const path of ['/api/docs', '/admin/', '/demo/']) {
      const response = await fetch(`${server.url}${path}`);
      const text = await response.text();
      expect(text).not.toContain('<script>alert');
      expect(text).not.toContain('onerror=alert');
    }
    const error = await fetch(`${server.url}/api/v1/messages/${encodeURIComponent('<script>')}`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    expect(error.headers.get('content-type')).toContain('application/json');
  });
});

describe('concurrent edits', () => {
  it('gives the stale admin 412 and keeps the first edit', async () => {
    const message = await admin('POST', '/api/v1/messages', {
      name: 'Shared',
      brand_id: 'acme',
      channel_id: 'demo',
    });
    const [first, second] = await Promise.all([
      admin(
        'PATCH',
        `/api/v1/messages/${message.body.id}`,
        { greeting: 'From admin A' },
        { 'if-match': '1' },
      ),
      admin(
        'PATCH',
        `/api/v1/messages/${message.body.id}`,
        { greeting: 'From admin B' },
        { 'if-match': '1' },
      ),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses[0]).toBe(200);
    expect(statuses[1]).toBe(412);
    const winner = first.status === 200 ? 'From admin A' : 'From admin B';
    const stored = await admin('GET', `/api/v1/messages/${message.body.id}`);
    expect(stored.body).toMatchObject({ greeting: winner, version: 2 });
    const stale = await admin(
      'PATCH',
      `/api/v1/messages/${message.body.id}`,
      { greeting: 'Late' },
      { 'if-match': '1' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.error.details.current_version).toBe(2);
    expect((await admin('GET', `/api/v1/messages/${message.body.id}`)).body.greeting).toBe(winner);
  });
});
