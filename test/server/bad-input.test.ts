/**
 * Hostile and clumsy input never gets a 5xx: malformed JSON, wrong types, unknown fields, 1 MB bodies,
 * junk ids and methods all get 4xx JSON errors, and the server keeps serving afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let messageId: string;
const megabyte = 'x'.repeat(1024 * 1024);

beforeAll(async () => {
  server = await startTestServer();
  const list = (await (
    await fetch(`${server.url}/api/v1/messages`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    })
  ).json()) as { id: string }[];
  messageId = list[0]!.id;
});
afterAll(() => server.close());

interface Case {
  name: string;
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
  admin?: boolean;
}

function cases(): Case[] {
  const json = { 'content-type': 'application/json' };
  return [
    {
      name: 'malformed JSON (admin)',
      method: 'POST',
      path: '/api/v1/brands',
      body: '{"name": ',
      headers: json,
      admin: true,
    },
    {
      name: 'malformed JSON (widget)',
      method: 'POST',
      path: '/widget/v1/events',
      body: '{{{',
      headers: json,
    },
    {
      name: 'JSON null body',
      method: 'POST',
      path: '/api/v1/messages',
      body: 'null',
      headers: json,
      admin: true,
    },
    {
      name: 'JSON array body',
      method: 'POST',
      path: '/widget/v1/conversations',
      body: '[1,2]',
      headers: json,
    },
    {
      name: 'wrong types',
      method: 'POST',
      path: '/api/v1/messages',
      body: JSON.stringify({ name: 42, brand_id: [], channel_id: {} }),
      headers: json,
      admin: true,
    },
    {
      name: 'unknown fields',
      method: 'POST',
      path: '/api/v1/brands',
      body: JSON.stringify({ name: 'A', is_admin: true }),
      headers: json,
      admin: true,
    },
    {
      name: 'unknown event field',
      method: 'POST',
      path: '/widget/v1/events',
      body: JSON.stringify({ channel_id: 'demo', message_id: 'm', visitor_id: 'v', type: 'shown', extra: 1 }),
      headers: json,
    },
    {
      name: 'wrong PATCH types',
      method: 'PATCH',
      path: `/api/v1/messages/{message}`,
      body: JSON.stringify({ rules: 5, order: -1, tags: 'x' }),
      headers: { ...json, 'if-match': '1' },
      admin: true,
    },
    {
      name: 'garbage AST',
      method: 'PATCH',
      path: `/api/v1/messages/{message}`,
      body: JSON.stringify({ rule: { kind: 'rule', condition: { kind: 'weird' } } }),
      headers: { ...json, 'if-match': '1' },
      admin: true,
    },
    {
      name: 'If-Match garbage',
      method: 'PATCH',
      path: `/api/v1/messages/{message}`,
      body: '{}',
      headers: { ...json, 'if-match': 'banana' },
      admin: true,
    },
    {
      name: '1 MB admin body',
      method: 'POST',
      path: '/api/v1/brands',
      body: JSON.stringify({ name: megabyte }),
      headers: json,
      admin: true,
    },
    {
      name: '1 MB widget body',
      method: 'POST',
      path: '/widget/v1/events',
      body: JSON.stringify({ events: [megabyte] }),
      headers: json,
    },
    {
      name: '1 MB rule text',
      method: 'POST',
      path: '/api/v1/dsl/check',
      body: JSON.stringify({ source: `when visitor.page_url contains "${megabyte}"` }),
      headers: json,
      admin: true,
    },
    {
      name: 'XML content type',
      method: 'POST',
      path: '/api/v1/brands',
      body: '<name>A</name>',
      headers: { 'content-type': 'application/xml' },
      admin: true,
    },
    { name: 'bad message id', method: 'GET', path: '/api/v1/messages/does-not-exist', admin: true },
    {
      name: 'junk message id',
      method: 'GET',
      path: `/api/v1/messages/${encodeURIComponent("'; drop table messages; --")}`,
      admin: true,
    },
    { name: 'very long id', method: 'GET', path: `/api/v1/messages/${'a'.repeat(5000)}`, admin: true },
    { name: 'bad channel id', method: 'GET', path: '/widget/v1/channels/%00%ff/rules' },
    { name: 'bad conversation id', method: 'GET', path: '/widget/v1/conversations/nope/messages' },
    { name: 'bad after cursor', method: 'GET', path: '/widget/v1/conversations/nope/messages?after=%27' },
    {
      name: 'bad stats range',
      method: 'GET',
      path: `/api/v1/messages/{message}/stats?from=yesterday`,
      admin: true,
    },
    {
      name: 'attribute key with a NUL and a quote',
      method: 'POST',
      path: '/api/v1/attributes',
      body: JSON.stringify({ brand_id: 'acme', key: 'pl\u0000an"', type: 'text' }),
      headers: json,
      admin: true,
    },
    {
      name: 'attribute of a 5000-character brand id',
      method: 'POST',
      path: '/api/v1/attributes',
      body: JSON.stringify({ brand_id: 'b'.repeat(5000), key: 'plan', type: 'text' }),
      headers: json,
      admin: true,
    },
    {
      name: 'attribute patch with a junk id and an unknown type',
      method: 'PATCH',
      path: '/api/v1/attributes/%00',
      body: JSON.stringify({ type: 'date' }),
      headers: json,
      admin: true,
    },
    { name: 'unknown route', method: 'GET', path: '/api/v1/nothing-here', admin: true },
    { name: 'wrong method', method: 'PUT', path: '/api/v1/messages', admin: true },
    { name: 'path traversal', method: 'GET', path: '/demo/..%2f..%2fpackage.json' },
    {
      name: 'explain with wrong context',
      method: 'POST',
      path: '/api/v1/dsl/explain',
      body: JSON.stringify({ source: 'when visitor.page_url is "x"', context: { event: 'now' } }),
      headers: json,
      admin: true,
    },
    {
      name: 'conversation for unknown message',
      method: 'POST',
      path: '/widget/v1/conversations',
      body: JSON.stringify({ channel_id: 'demo', message_id: 'nope', visitor_id: 'v', text: 'hi' }),
      headers: json,
    },
  ];
}

describe('bad input gets 4xx JSON, never a 5xx', () => {
  for (const entry of cases()) {
    it(entry.name, async () => {
      const response = await fetch(`${server.url}${entry.path.replace('{message}', messageId)}`, {
        method: entry.method,
        headers: {
          ...entry.headers,
          ...(entry.admin ? { authorization: `Bearer ${server.adminToken}` } : {}),
        },
        ...(entry.body === undefined ? {} : { body: entry.body }),
      });
      expect(
        response.status,
        await response
          .clone()
          .text()
          .then((text) => text.slice(0, 200)),
      ).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('content-type')).toContain('application/json');
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(typeof body.error.code).toBe('string');
      expect(body.error.message.length).toBeGreaterThan(5);
    });
  }

  it('keeps serving after all of that', async () => {
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${server.url}/widget/v1/channels/demo/rules`)).status).toBe(200);
  });

  it('rate-limits the public POST routes with 429 JSON and Retry-After', async () => {
    const limited = await startTestServer({ seed: true });
    try {
      // The test server raises the limits for browser suites; build a strict one from the same app.
      const { createApp } = await import('@proactive/server');
      const { createMemoryBus } = await import('@proactive/server/bus');
      const { app } = createApp({
        repository: limited.server.repository,
        bus: createMemoryBus(),
        adminToken: 't',
        rateLimits: { events_per_address: { limit: 3 } },
        clientAddress: (c) => c.req.header('x-forwarded-for') ?? 'unknown',
      });
      const statuses: number[] = [];
      for (let index = 0; index < 5; index++) {
        const response = await app.request('/widget/v1/events', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
          body: JSON.stringify({ channel_id: 'demo', message_id: 'm', visitor_id: 'v', type: 'shown' }),
        });
        statuses.push(response.status);
        if (response.status === 429) {
          expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
          expect(((await response.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
        }
      }
      expect(statuses).toEqual([202, 202, 202, 429, 429]);
      const otherClient = await app.request('/widget/v1/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.1' },
        body: JSON.stringify({ channel_id: 'demo', message_id: 'm', visitor_id: 'v', type: 'shown' }),
      });
      expect(otherClient.status).toBe(202);
    } finally {
      await limited.close();
    }
  });

  it('sends secure headers, with widget.js and the widget API loadable cross-origin', async () => {
    const docs = await fetch(`${server.url}/api/docs`);
    expect(docs.headers.get('x-content-type-options')).toBe('nosniff');
    expect(docs.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(docs.headers.get('strict-transport-security')).toBeTruthy();
    const rules = await fetch(`${server.url}/widget/v1/channels/demo/rules`);
    expect(rules.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const script = await fetch(`${server.url}/widget.js`);
    expect(script.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
