/**
 * The public routes' limits, probed from outside like issue 10's probes: forged X-Forwarded-For hops and
 * cf-connecting-ip don't mint new budgets on Node, a noisy visitor behind a shared address doesn't lock
 * the others out, events for unknown messages don't spend a visitor's budget, SSE streams are capped, and
 * only live messages open conversations. The Workers entry's rate-limit bindings run in Miniflare.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelRules } from '@proactive/contract/widget';
import { startTestServer, type TestServer } from '../support/server.ts';
import { startTestWorker, type TestWorker } from '../support/worker.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function liveMessageId(fetcher: (path: string) => Promise<Response>): Promise<string> {
  const rules = (await (await fetcher('/widget/v1/channels/demo/rules')).json()) as ChannelRules;
  return rules.messages[0]!.id;
}

describe('Node server behind one trusted proxy (PROACTIVE_TRUST_PROXY=1)', () => {
  let server: TestServer;
  let messageId: string;
  beforeAll(async () => {
    server = await startTestServer({
      trustProxy: 1,
      limits: {
        rateLimits: {
          conversations_per_address: { limit: 60 },
          conversations_per_visitor: { limit: 1_000 },
          events_per_visitor: { limit: 5 },
          events_per_address: { limit: 1_000 },
        },
      },
    });
    messageId = await liveMessageId((path) => fetch(`${server.url}${path}`));
  });
  afterAll(() => server.close());

  it('keys on the right-most untrusted X-Forwarded-For hop: rotating the first hop, cf-connecting-ip and the visitor id opens 60 of 150 conversations', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 150; index++) {
      const response = await post(
        `${server.url}/widget/v1/conversations`,
        { channel_id: 'demo', message_id: messageId, visitor_id: `v-${index}`, text: 'hi' },
        {
          'x-forwarded-for': `198.51.100.${index % 250}, 203.0.113.9`,
          'cf-connecting-ip': `192.0.2.${index % 250}`,
        },
      );
      statuses.push(response.status);
      if (response.status === 429) {
        const body = (await response.json()) as Json;
        expect(body.error.code).toBe('rate_limited');
        expect(body.error.details.budget).toBe('conversations_per_address');
        expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      } else await response.arrayBuffer();
    }
    expect(statuses.filter((status) => status === 201)).toHaveLength(60);
    expect(statuses.filter((status) => status === 429)).toHaveLength(90);
    // Another client behind the same proxy has its own budget.
    const other = await post(
      `${server.url}/widget/v1/conversations`,
      { channel_id: 'demo', message_id: messageId, visitor_id: 'v-other', text: 'hi' },
      { 'x-forwarded-for': '198.51.100.77' },
    );
    expect(other.status).toBe(201);
  });

  it('gives every visitor behind a shared address its own budget: a noisy one does not lock out the rest', async () => {
    const event = (visitor: string) => ({
      channel_id: 'demo',
      message_id: messageId,
      visitor_id: visitor,
      type: 'shown',
    });
    const shared = { 'x-forwarded-for': '203.0.113.50' };
    const noisy = [];
    for (let index = 0; index < 8; index++)
      noisy.push((await post(`${server.url}/widget/v1/events`, event('noisy'), shared)).status);
    expect(noisy).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
    const refused = await post(`${server.url}/widget/v1/events`, event('noisy'), shared);
    expect(((await refused.json()) as Json).error.details.budget).toBe('events_per_visitor');
    expect((await post(`${server.url}/widget/v1/events`, event('quiet'), shared)).status).toBe(202);
  });

  it("does not spend a visitor's budget on events for unknown messages", async () => {
    const shared = { 'x-forwarded-for': '203.0.113.51' };
    for (let index = 0; index < 10; index++) {
      const response = await post(
        `${server.url}/widget/v1/events`,
        { channel_id: 'demo', message_id: `msg_forged_${index}`, visitor_id: 'careful', type: 'shown' },
        shared,
      );
      expect(await response.json()).toEqual({ accepted: 0, ignored: 1 });
    }
    const real = await post(
      `${server.url}/widget/v1/events`,
      {
        events: Array.from({ length: 5 }, () => ({
          channel_id: 'demo',
          message_id: messageId,
          visitor_id: 'careful',
          type: 'shown',
        })),
      },
      shared,
    );
    expect(real.status).toBe(202);
    expect(await real.json()).toEqual({ accepted: 5, ignored: 0 });
  });
});

describe('Node server without a trusted proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      limits: {
        rateLimits: { conversations_per_address: { limit: 3 } },
        streamLimits: { perConversation: 2, perAddress: 3 },
      },
    });
  });
  afterAll(() => server.close());

  it('ignores X-Forwarded-For and cf-connecting-ip: the socket address is the client', async () => {
    const messageId = await liveMessageId((path) => fetch(`${server.url}${path}`));
    const statuses = [];
    for (let index = 0; index < 5; index++) {
      const response = await post(
        `${server.url}/widget/v1/conversations`,
        { channel_id: 'demo', message_id: messageId, visitor_id: `visitor-${index}`, text: 'hi' },
        { 'x-forwarded-for': `198.51.100.${index}`, 'cf-connecting-ip': `192.0.2.${index}` },
      );
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });
});

describe('SSE stream caps', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ limits: { streamLimits: { perConversation: 2, perAddress: 3 } } });
  });
  afterAll(() => server.close());

  const start = async (visitor: string) => {
    const messageId = await liveMessageId((path) => fetch(`${server.url}${path}`));
    const response = await post(`${server.url}/widget/v1/conversations`, {
      channel_id: 'demo',
      message_id: messageId,
      visitor_id: visitor,
      text: 'hello',
    });
    return ((await response.json()) as Json).conversation_id as string;
  };
  const open = (conversation: string) => {
    const controller = new AbortController();
    const response = fetch(`${server.url}/widget/v1/conversations/${conversation}/stream`, {
      signal: controller.signal,
    });
    return { response, abort: () => controller.abort() };
  };

  it('refuses a stream past the cap per conversation and per address with 429 too_many_streams, and frees slots when streams close', async () => {
    const first = await start('stream-1');
    const a = open(first);
    const b = open(first);
    expect((await a.response).status).toBe(200);
    expect((await b.response).status).toBe(200);
    const third = await open(first).response;
    expect(third.status).toBe(429);
    expect(((await third.json()) as Json).error).toMatchObject({
      code: 'too_many_streams',
      details: { scope: 'conversation', limit: 2 },
    });
    const second = await start('stream-2');
    const c = open(second);
    expect((await c.response).status).toBe(200);
    const fourth = await open(second).response;
    expect(((await fourth.json()) as Json).error.details).toEqual({ scope: 'address', limit: 3 });
    a.abort();
    await expect
      .poll(async () => {
        const retry = open(first);
        const status = (await retry.response).status;
        retry.abort();
        return status;
      })
      .toBe(200);
    b.abort();
    c.abort();
  });
});

describe('conversations start only from live messages', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers 404 not_found for draft and paused messages, as for an unknown one, without revealing their greeting', async () => {
    const list = (await (
      await fetch(`${server.url}/api/v1/messages?channel_id=demo`, {
        headers: { authorization: `Bearer ${server.adminToken}` },
      })
    ).json()) as { id: string; status: string; greeting: string }[];
    const hidden = list.filter((message) => message.status === 'draft' || message.status === 'paused');
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const message of [...hidden, { id: 'msg_unknown', greeting: '' }]) {
      const response = await post(`${server.url}/widget/v1/conversations`, {
        channel_id: 'demo',
        message_id: message.id,
        visitor_id: 'visitor',
        text: 'hi',
      });
      expect(response.status).toBe(404);
      const body = (await response.json()) as Json;
      expect(body.error).toMatchObject({
        code: 'not_found',
        message: `No proactive message "${message.id}" on channel "demo".`,
      });
    }
  });
});

describe('Workers entry: rate-limit bindings (Miniflare)', () => {
  let bound: TestWorker;
  let unbound: TestWorker;
  beforeAll(async () => {
    [bound, unbound] = await Promise.all([
      startTestWorker({
        demo: true,
        ratelimits: { RATE_LIMIT_CONVERSATIONS_PER_ADDRESS: { simple: { limit: 2, period: 60 } } },
      }),
      startTestWorker({ demo: true }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await bound?.close();
    await unbound?.close();
  });

  const startOn = async (worker: TestWorker, address: string, visitor: string) => {
    const messageId = await liveMessageId(worker.fetch);
    const response = await worker.fetch('/widget/v1/conversations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': address },
      body: JSON.stringify({ channel_id: 'demo', message_id: messageId, visitor_id: visitor, text: 'hi' }),
    });
    await response.arrayBuffer();
    return response.status;
  };

  it('counts conversations per cf-connecting-ip with the binding', async () => {
    const statuses = [];
    for (let index = 0; index < 4; index++) statuses.push(await startOn(bound, '203.0.113.1', `w-${index}`));
    expect(statuses).toEqual([201, 201, 429, 429]);
    expect(await startOn(bound, '203.0.113.2', 'w-other')).toBe(201);
  });

  it('falls back to counting in the isolate when the binding is absent', async () => {
    const statuses = [];
    for (let index = 0; index < 4; index++)
      statuses.push(await startOn(unbound, '203.0.113.1', `w-${index}`));
    expect(statuses).toEqual([201, 201, 201, 201]);
  });
});
