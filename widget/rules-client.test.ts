// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient, RulesResponse } from './api.ts';
import { cachedRules, refreshRules, sanitizeRules } from './rules-client.ts';

const rule = (v: number) => ({
  v,
  when: { t: 'cmp', field: 'visitor.page_url', match: 'text', op: 'contains', values: ['x'] },
  event: { type: 'page_load' },
  time_of_day: { mode: 'anytime' },
  frequency: 'every_time',
  tags: [],
});
const message = (id: string, v = 1) => ({
  id,
  name: id,
  greeting: 'Hi',
  response: { type: 'agent', follow_up: '', customer_details: [] },
  tags: [],
  rule: rule(v),
});
const payload = {
  channel_id: 'demo',
  brand: { id: 'b', name: 'Acme' },
  version: 'v1',
  messages: [message('m1')],
  schedules: {},
};

function fakeApi(responses: Array<RulesResponse | null>): ApiClient & { etags: Array<string | null> } {
  const etags: Array<string | null> = [];
  return {
    origin: 'https://api.test',
    etags,
    async fetchRules(_channel, etag) {
      etags.push(etag);
      return responses.shift() ?? null;
    },
    sendEvents() {},
  };
}

beforeEach(() => localStorage.clear());

describe('sanitizeRules', () => {
  it('keeps usable messages and drops unknown compiled versions and malformed ones', () => {
    const rules = sanitizeRules({
      ...payload,
      messages: [message('m1'), message('m2', 2), { id: 'm3' }, null, 'x'],
    });
    expect(rules?.messages.map((item) => item.id)).toEqual(['m1']);
  });

  it('drops bot responses without their bot or answer', () => {
    const bot = { ...message('b1'), response: { type: 'bot', bot: { id: 'b', name: 'Bot' }, answer: null } };
    const good = {
      ...message('b2'),
      response: { type: 'bot', bot: { id: 'b', name: 'Bot' }, answer: { id: 'a', title: 't', body: 'x' } },
    };
    expect(sanitizeRules({ ...payload, messages: [bot, good] })?.messages.map((item) => item.id)).toEqual([
      'b2',
    ]);
  });

  it('rejects what is not a rules payload', () => {
    expect(sanitizeRules(null)).toBeNull();
    expect(sanitizeRules('garbage')).toBeNull();
    expect(sanitizeRules({ messages: {} })).toBeNull();
    expect(sanitizeRules({ messages: [] })).toMatchObject({
      messages: [],
      schedules: {},
      brand: { name: '' },
    });
  });
});

describe('refreshRules', () => {
  it('stores 200 responses with their ETag and revalidates with If-None-Match', async () => {
    const api = fakeApi([
      { status: 200, etag: '"e1"', body: payload },
      { status: 304, etag: '"e1"', body: undefined },
    ]);
    expect(await refreshRules(api, 'demo')).toMatchObject({ version: 'v1' });
    expect(cachedRules('demo')?.messages).toHaveLength(1);
    expect(await refreshRules(api, 'demo')).toBe('unchanged');
    expect(api.etags).toEqual([null, '"e1"']);
  });

  it('keeps the cache on network errors, 500s and garbage; clears it when the channel is gone', async () => {
    const api = fakeApi([
      { status: 200, etag: null, body: payload },
      null,
      { status: 500, etag: null, body: { error: {} } },
      { status: 200, etag: null, body: undefined },
      { status: 404, etag: null, body: undefined },
    ]);
    await refreshRules(api, 'demo');
    for (let index = 0; index < 3; index++) expect(await refreshRules(api, 'demo')).toBe('unchanged');
    expect(cachedRules('demo')).not.toBeNull();
    expect(api.etags[1]).toBe('"v1"'); // without an exposed ETag header, the payload version stands in
    expect(await refreshRules(api, 'demo')).toBe('gone');
    expect(cachedRules('demo')).toBeNull();
  });
});
