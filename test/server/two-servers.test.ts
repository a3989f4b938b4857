/**
 * Two Node servers on one PostgreSQL: what is published through one is served by the other (snapshot
 * invalidation over LISTEN/NOTIFY), and an agent reply written through one reaches a widget streaming from
 * the other. With TEST_DATABASE_URL both are real servers on the real database; without it, PGlite cannot
 * be shared between processes, so both app instances run in this process on one PGlite, notifying each
 * other through PGlite's own LISTEN/NOTIFY.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeServer, type NodeServer } from '@proactive/server/node';
import { postgresTarget, type PostgresTarget } from '../support/postgres.ts';
import type { ChannelRules } from '@proactive/contract/widget';

const token = 'two-servers';
let target: PostgresTarget;
let one: NodeServer;
let two: NodeServer;
const mode = process.env.TEST_DATABASE_URL
  ? 'real PostgreSQL, LISTEN/NOTIFY'
  : 'two app instances on one PGlite in one process';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function admin(
  server: NodeServer,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 400) throw new Error(`${method} ${path} -> ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as Json;
}

async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  target = await postgresTarget();
  one = await startNodeServer({ port: 0, adminToken: token, demo: true, ...target.serverOptions() });
  two = await startNodeServer({ port: 0, adminToken: token, demo: true, ...target.serverOptions() });
}, 180_000);
afterAll(async () => {
  await one?.close();
  await two?.close();
  await target?.cleanup();
}, 60_000);

describe(`two servers on one database (${mode})`, () => {
  it('serves on one server what was published on the other, and drops what was paused', async () => {
    const rulesOn = async (server: NodeServer) =>
      (await (await fetch(`${server.url}/widget/v1/channels/demo/rules`)).json()) as ChannelRules;
    const before = await rulesOn(two);
    const created = await admin(one, 'POST', '/api/v1/messages', {
      name: 'Cross-server',
      brand_id: 'acme',
      channel_id: 'demo',
    });
    await admin(
      one,
      'PATCH',
      `/api/v1/messages/${created.id}`,
      {
        greeting: 'Hi',
        rules: 'when visitor.page_url contains "cross"',
        response: { type: 'agent', follow_up: 'Hold on', customer_details: [] },
      },
      { 'if-match': '1' },
    );
    await admin(one, 'POST', `/api/v1/messages/${created.id}/publish`);
    const after = await eventually(
      () => rulesOn(two),
      (rules) => rules.messages.some((message) => message.id === created.id),
    );
    expect(after.messages.map((message) => message.id)).toContain(created.id);
    expect(after.version).not.toBe(before.version);

    await admin(two, 'POST', `/api/v1/messages/${created.id}/pause`);
    const paused = await eventually(
      () => rulesOn(one),
      (rules) => !rules.messages.some((message) => message.id === created.id),
    );
    expect(paused.messages.map((message) => message.id)).not.toContain(created.id);
  }, 60_000);

  it('delivers an agent reply written on one server to a widget streaming from the other', async () => {
    const rules = (await (await fetch(`${two.url}/widget/v1/channels/demo/rules`)).json()) as ChannelRules;
    const started = await fetch(`${two.url}/widget/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channel_id: 'demo',
        message_id: rules.messages[0]!.id,
        visitor_id: 'visitor-x',
        text: 'Hello?',
      }),
    });
    const { conversation_id: id, messages } = (await started.json()) as Json;
    const controller = new AbortController();
    const stream = await fetch(
      `${two.url}/widget/v1/conversations/${id}/stream?after=${messages.at(-1).id}`,
      { signal: controller.signal },
    );
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const reading = (async () => {
      while (!received.includes('Reply from server one')) {
        const chunk = await reader.read();
        if (chunk.done) break;
        received += decoder.decode(chunk.value, { stream: true });
      }
    })();
    // No pause needed: the stream subscribes before its response starts, and a reply that lands while it
    // reads the database is not lost (it re-reads).
    await admin(one, 'POST', `/api/v1/conversations/${id}/messages`, { text: 'Reply from server one' });
    await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    controller.abort();
    expect(received).toContain('event: message');
    expect(received).toContain('Reply from server one');
    const polled = (await (
      await fetch(`${two.url}/widget/v1/conversations/${id}/messages?after=${messages.at(-1).id}`)
    ).json()) as Json;
    expect(polled.messages.map((message: Json) => message.text)).toEqual(['Reply from server one']);
  }, 60_000);
});
