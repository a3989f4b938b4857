import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from 'hono/jwt';
import { createApp, type ProactiveApp } from './app.ts';
import { seedDemo } from './demo/seed.ts';
import { openNodeStorage, type NodeStorage } from './storage/node-storage.ts';
import type { ChannelRules } from '@proactive/contract/widget';
import { format } from '@proactive/dsl';

const token = 'test-token';
let directory: string;
let storage: NodeStorage;
let proactive: ProactiveApp;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await proactive.app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : null) as Json,
  };
}

async function rules(channelId = 'demo'): Promise<ChannelRules> {
  const response = await proactive.app.request(`/widget/v1/channels/${channelId}/rules`);
  expect(response.status).toBe(200);
  return (await response.json()) as ChannelRules;
}

async function draft(name = 'Test message') {
  const created = await call('POST', '/api/v1/messages', { name, brand_id: 'acme', channel_id: 'demo' });
  expect(created.status).toBe(201);
  return created.body;
}

async function readyDraft(rulesText = 'when visitor.page_url contains "checkout"') {
  const message = await draft();
  const patched = await call(
    'PATCH',
    `/api/v1/messages/${message.id}`,
    {
      greeting: 'Hello!',
      response: { type: 'agent', follow_up: 'One moment', customer_details: ['email'] },
      rules: rulesText,
    },
    { 'if-match': String(message.version) },
  );
  expect(patched.status).toBe(200);
  return patched.body;
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'proactive-app-'));
  storage = await openNodeStorage(join(directory, 'app.db'));
  await seedDemo(storage.repository);
  proactive = createApp({
    repository: storage.repository,
    bus: storage.bus,
    adminToken: token,
    zafSecret: 'zaf-secret',
  });
}, 60_000);

afterAll(async () => {
  proactive.dispose();
  await storage.repository.close();
  await rm(directory, { recursive: true, force: true });
});

describe('admin authentication', () => {
  it('answers 401 JSON without a token or with a wrong one', async () => {
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: 'Basic abc' }] as Record<
      string,
      string
    >[]) {
      const response = await proactive.app.request('/api/v1/messages', { headers });
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe('unauthorized');
    }
  });

  it('accepts a Zendesk app signed JWT when the shared secret is configured', async () => {
    const now = Math.floor(Date.now() / 1000);
    const jwt = await sign({ iss: 'zendesk', iat: now, exp: now + 60 }, 'zaf-secret', 'HS256');
    expect(
      (await proactive.app.request('/api/v1/brands', { headers: { authorization: `Bearer ${jwt}` } })).status,
    ).toBe(200);
    const forged = await sign({ iss: 'zendesk' }, 'other-secret', 'HS256');
    expect(
      (await proactive.app.request('/api/v1/brands', { headers: { authorization: `Bearer ${forged}` } }))
        .status,
    ).toBe(401);
  });
});

describe('setup resources', () => {
  it('lists, creates, reads, patches and deletes brands with JSON errors for bad input', async () => {
    const created = await call('POST', '/api/v1/brands', { name: 'Globex' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Globex' });
    expect((await call('GET', `/api/v1/brands/${created.body.id}`)).body.name).toBe('Globex');
    expect(
      (await call('PATCH', `/api/v1/brands/${created.body.id}`, { name: 'Globex Corp' })).body.name,
    ).toBe('Globex Corp');
    expect((await call('POST', '/api/v1/brands', { name: '' })).status).toBe(400);
    expect((await call('POST', '/api/v1/brands', { name: 'x', extra: 1 })).body.error.code).toBe(
      'invalid_request',
    );
    expect((await call('DELETE', '/api/v1/brands/acme')).status).toBe(409);
    const declared = await call('POST', '/api/v1/attributes', {
      brand_id: created.body.id,
      key: 'plan',
      type: 'text',
    });
    expect((await call('DELETE', `/api/v1/brands/${created.body.id}`)).status).toBe(204);
    expect((await call('GET', `/api/v1/brands/${created.body.id}`)).status).toBe(404);
    expect((await call('GET', `/api/v1/attributes/${declared.body.id}`)).status).toBe(404);
  });

  it('validates schedules (time zone, HH:MM) and channels (brand, schedule references)', async () => {
    const bad = await call('POST', '/api/v1/schedules', {
      name: 'X',
      time_zone: 'Mars/Olympus',
      intervals: [],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('time_zone');
    const schedule = await call('POST', '/api/v1/schedules', {
      name: 'Night shift',
      time_zone: 'Asia/Tokyo',
      intervals: [{ day: 'mon', open: '22:00', close: '06:00' }],
    });
    expect(schedule.status).toBe(201);
    expect(schedule.body.holidays).toEqual([]);
    expect(
      (await call('POST', '/api/v1/schedules', { name: 'Night shift', time_zone: 'UTC', intervals: [] }))
        .status,
    ).toBe(409);
    expect((await call('POST', '/api/v1/channels', { brand_id: 'nope', name: 'W' })).status).toBe(422);
    const channel = await call('POST', '/api/v1/channels', {
      brand_id: 'acme',
      name: 'Help center',
      schedule_id: schedule.body.id,
    });
    expect(channel.status).toBe(201);
    expect((await call('DELETE', `/api/v1/schedules/${schedule.body.id}`)).status).toBe(409);
    const rulesResponse = await proactive.app.request(`/widget/v1/channels/${channel.body.id}/rules`);
    expect(rulesResponse.status).toBe(200);
  });

  it("refuses hours the evaluator would refuse, naming the field (the rule language's schedule schema)", async () => {
    const response = await call('POST', '/api/v1/schedules', {
      name: 'Late',
      time_zone: 'UTC',
      intervals: [{ day: 'mon', open: '24:00', close: '24:00' }],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_request');
    expect(response.body.error.details.issues).toEqual([
      { path: 'intervals.0.open', message: expect.stringContaining('HH:MM') },
    ]);
    const closing = await call('POST', '/api/v1/schedules', {
      name: 'Until midnight',
      time_zone: 'UTC',
      intervals: [{ day: 'mon', open: '18:00', close: '24:00' }],
    });
    expect(closing.status).toBe(201);
  });

  it('refuses to rename or delete a schedule that a rule names', async () => {
    const schedule = await call('POST', '/api/v1/schedules', {
      name: 'Weekend desk',
      time_zone: 'Europe/Paris',
      intervals: [{ day: 'sat', open: '10:00', close: '16:00' }],
    });
    const message = await readyDraft(
      'when visitor.page_url contains "x" during business_hours "Weekend desk"',
    );
    expect(message.diagnostics).toEqual([]);
    const rename = await call('PATCH', `/api/v1/schedules/${schedule.body.id}`, { name: 'Weekend team' });
    expect(rename.status).toBe(409);
    expect(rename.body.error.code).toBe('in_use');
    expect(rename.body.error.message).toContain('"Test message"');
    expect((await call('DELETE', `/api/v1/schedules/${schedule.body.id}`)).status).toBe(409);
    expect((await call('PATCH', `/api/v1/schedules/${schedule.body.id}`, { time_zone: 'UTC' })).status).toBe(
      200,
    );
    expect((await call('DELETE', `/api/v1/messages/${message.id}`)).status).toBe(204);
    expect((await call('DELETE', `/api/v1/schedules/${schedule.body.id}`)).status).toBe(204);
  });

  it('manages bots, their channels and answers', async () => {
    const bot = await call('POST', '/api/v1/bots', {
      brand_id: 'acme',
      name: 'Helper',
      channel_ids: ['demo'],
    });
    expect(bot.status).toBe(201);
    expect(
      (await call('POST', '/api/v1/bots', { brand_id: 'acme', name: 'Bad', channel_ids: ['nope'] })).status,
    ).toBe(422);
    const answer = await call('POST', `/api/v1/bots/${bot.body.id}/answers`, {
      title: 'Hours',
      body: 'We are open 9-5.',
    });
    expect(answer.status).toBe(201);
    expect((await call('GET', `/api/v1/bots/${bot.body.id}/answers`)).body).toHaveLength(1);
    expect(
      (await call('PATCH', `/api/v1/bots/${bot.body.id}/answers/${answer.body.id}`, { body: 'Open 24/7' }))
        .body.body,
    ).toBe('Open 24/7');
    expect((await call('GET', '/api/v1/bots?channel_id=demo')).body.map((b: Json) => b.id)).toContain(
      bot.body.id,
    );
    expect((await call('GET', `/api/v1/bots/nope/answers`)).status).toBe(404);
  });
});

describe('visitor attributes', () => {
  it("declares, lists by brand, reads, changes and deletes them; the demo channel's rules use them", async () => {
    const created = await call('POST', '/api/v1/attributes', {
      brand_id: 'acme',
      key: 'seats',
      type: 'number',
    });
    expect([created.status, created.body.label]).toEqual([201, 'seats']);
    const id = created.body.id as string;
    expect((await call('GET', '/api/v1/attributes?brand_id=acme')).body.map((a: Json) => a.key)).toContain(
      'seats',
    );
    expect((await call('GET', '/api/v1/attributes?brand_id=nope')).body).toEqual([]);
    expect((await call('GET', `/api/v1/attributes/${id}`)).body.type).toBe('number');
    const checked = await call('POST', '/api/v1/dsl/check', {
      source: 'when visitor.attributes["seats"] is "many"',
      channel_id: 'demo',
    });
    expect(checked.body.diagnostics.map((d: Json) => d.code)).toEqual(['type-mismatch']);
    const patched = await call('PATCH', `/api/v1/attributes/${id}`, { type: 'text', label: 'Seats' });
    expect([patched.status, patched.body.type, patched.body.label]).toEqual([200, 'text', 'Seats']);
    const unknownField = await call('PATCH', `/api/v1/attributes/${id}`, { brand_id: 'other' });
    expect([unknownField.status, unknownField.body.error.code]).toEqual([400, 'invalid_request']);
    expect((await call('DELETE', `/api/v1/attributes/${id}`)).status).toBe(204);
    expect((await call('DELETE', `/api/v1/attributes/${id}`)).status).toBe(404);
    expect((await call('GET', '/api/v1/attributes/%20')).status).toBe(404);
  });
});

describe('messages', () => {
  it('creates a draft with id and version, listed with status, channel and counts', async () => {
    const message = await draft('Brand new');
    expect(message).toMatchObject({
      status: 'draft',
      version: 1,
      name: 'Brand new',
      rules: '',
      rule: null,
      tags: [],
      frequency: 'once_per_visit',
    });
    expect(message.response).toEqual({ type: 'agent', follow_up: '', customer_details: ['name', 'email'] });
    const list = await call('GET', '/api/v1/messages');
    const row = list.body.find((entry: Json) => entry.id === message.id);
    expect(row).toMatchObject({
      status: 'draft',
      channel: { id: 'demo', name: 'Acme website' },
      sent: 0,
      opened: 0,
      replied: 0,
    });
    expect(typeof row.updated_at).toBe('string');
    expect(
      (await call('POST', '/api/v1/messages', { name: 'x', brand_id: 'acme', channel_id: 'nope' })).status,
    ).toBe(422);
  });

  it('needs If-Match to edit: 428 without, 412 when stale, nothing overwritten', async () => {
    const message = await draft();
    expect((await call('PATCH', `/api/v1/messages/${message.id}`, { name: 'A' })).status).toBe(428);
    const first = await call(
      'PATCH',
      `/api/v1/messages/${message.id}`,
      { name: 'Admin one' },
      { 'if-match': '1' },
    );
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const second = await call(
      'PATCH',
      `/api/v1/messages/${message.id}`,
      { name: 'Admin two' },
      { 'if-match': '1' },
    );
    expect(second.status).toBe(412);
    expect(second.body.error).toMatchObject({ code: 'version_mismatch', details: { current_version: 2 } });
    expect((await call('GET', `/api/v1/messages/${message.id}`)).body.name).toBe('Admin one');
    expect(
      (await call('PATCH', `/api/v1/messages/${message.id}`, { name: 'W/' }, { 'if-match': 'W/"2"' })).status,
    ).toBe(200);
  });

  it('stores canonical rule text and the AST, and keeps the views in sync both ways', async () => {
    const message = await draft();
    const written = await call(
      'PATCH',
      `/api/v1/messages/${message.id}`,
      { rules: 'when   visitor.page_url contains "pricing"   for 0:30 during business_hours once_per_visit' },
      { 'if-match': '1' },
    );
    expect(written.status).toBe(200);
    expect(written.body.rules).toBe(
      format('when visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit').text,
    );
    expect(written.body.time_of_day).toEqual({ kind: 'during', schedule: null });
    expect(written.body.rule.timeOfDay).toEqual({ kind: 'during', schedule: null });
    const views = await call(
      'PATCH',
      `/api/v1/messages/${message.id}`,
      { tags: ['VIP', 'vip', 'sales'], frequency: 'every_time', time_of_day: { kind: 'anytime' } },
      { 'if-match': '2' },
    );
    expect(views.body.tags).toEqual(['vip', 'sales']);
    expect(views.body.rule.frequency).toBe('every_time');
    expect(views.body.rules).toContain('every_time');
    expect(views.body.rules).toContain('tag "vip", "sales"');
    expect(views.body.rules).not.toContain('during');
    const ast = { ...views.body.rule, frequency: 'once_per_customer' };
    const viaAst = await call('PATCH', `/api/v1/messages/${message.id}`, { rule: ast }, { 'if-match': '3' });
    expect(viaAst.body.rules).toContain('once_per_customer');
    expect(viaAst.body.frequency).toBe('once_per_customer');
    expect(
      (await call('PATCH', `/api/v1/messages/${message.id}`, { tags: ['has space'] }, { 'if-match': '4' }))
        .status,
    ).toBe(400);
  });

  it('refuses view fields before there is a rule, with a clear error', async () => {
    const message = await draft();
    const response = await call(
      'PATCH',
      `/api/v1/messages/${message.id}`,
      { frequency: 'every_time' },
      { 'if-match': '1' },
    );
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('rule_not_editable');
  });

  it('saves invalid rules as they were typed, with diagnostics, status contains_errors', async () => {
    const message = await draft();
    const typed = 'when visitor.page_ur contains "pricing" for 0:30';
    const response = await call(
      'PATCH',
      `/api/v1/messages/${message.id}`,
      { rules: typed },
      { 'if-match': '1' },
    );
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('contains_errors');
    expect(response.body.diagnostics.length).toBeGreaterThan(0);
    expect(response.body.diagnostics[0]).toMatchObject({ severity: 'error' });
    const syntax = 'when visitor.page_url contains (';
    const broken = await call(
      'PATCH',
      `/api/v1/messages/${message.id}`,
      { rules: syntax },
      { 'if-match': '2' },
    );
    expect(broken.body.rules).toBe(syntax);
    expect(broken.body.rule).toBeNull();
    expect(broken.body.status).toBe('contains_errors');
    const fixed = await call(
      'PATCH',
      `/api/v1/messages/${message.id}`,
      { rules: 'when visitor.page_url contains "x"' },
      { 'if-match': '3' },
    );
    expect(fixed.body.status).toBe('draft');
  });

  it('publishes only complete messages: 422 with diagnostics and problems otherwise', async () => {
    const empty = await draft();
    const refused = await call('POST', `/api/v1/messages/${empty.id}/publish`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('cannot_publish');
    expect(refused.body.error.details.problems.map((problem: Json) => problem.code)).toEqual(
      expect.arrayContaining(['greeting_required', 'follow_up_required', 'rules_required']),
    );
    const wrong = await readyDraft('when visitor.page_url contains "x" during business_hours "Nowhere"');
    const refusedRule = await call('POST', `/api/v1/messages/${wrong.id}/publish`);
    expect(refusedRule.status).toBe(422);
    expect(refusedRule.body.error.details.diagnostics.length).toBeGreaterThan(0);
  });

  it('goes live on the widget in order, pauses off it, resumes, clones as draft and deletes', async () => {
    const message = await readyDraft('when visitor.page_url contains "checkout" tag "billing"');
    const before = await rules();
    expect(before.messages.map((m) => m.id)).not.toContain(message.id);
    const live = await call('POST', `/api/v1/messages/${message.id}/publish`);
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('live');
    const after = await rules();
    const served = after.messages.find((m) => m.id === message.id);
    expect(served).toMatchObject({
      greeting: 'Hello!',
      tags: ['billing'],
      response: { type: 'agent', follow_up: 'One moment', customer_details: ['email'] },
    });
    expect(served?.rule.v).toBe(1);
    expect(after.messages.at(-1)?.id).toBe(message.id);
    expect(after.version).not.toBe(before.version);

    const paused = await call('POST', `/api/v1/messages/${message.id}/pause`);
    expect(paused.body.status).toBe('paused');
    expect((await rules()).messages.map((m) => m.id)).not.toContain(message.id);
    // Pausing again is idempotent (issue 10): 200, nothing changed, same version.
    const again = await call('POST', `/api/v1/messages/${message.id}/pause`);
    expect([again.status, again.body.version]).toEqual([200, paused.body.version]);
    expect((await call('POST', `/api/v1/messages/${message.id}/resume`)).body.status).toBe('live');
    expect((await rules()).messages.map((m) => m.id)).toContain(message.id);

    const current = await call('GET', `/api/v1/messages/${message.id}`);
    await call(
      'PATCH',
      `/api/v1/messages/${message.id}`,
      { order: 0 },
      { 'if-match': String(current.body.version) },
    );
    expect((await rules()).messages[0]?.id).toBe(message.id);

    const clone = await call('POST', `/api/v1/messages/${message.id}/clone`);
    expect(clone.status).toBe(201);
    expect(clone.body).toMatchObject({ status: 'draft', version: 1, rules: current.body.rules });
    expect((await call('DELETE', `/api/v1/messages/${message.id}`)).status).toBe(204);
    expect((await rules()).messages.map((m) => m.id)).not.toContain(message.id);
    expect((await call('GET', `/api/v1/messages/${message.id}`)).status).toBe(404);
  });

  it('takes a live message off the widget when an edit introduces errors', async () => {
    const message = await readyDraft();
    const live = await call('POST', `/api/v1/messages/${message.id}/publish`);
    const broken = await call(
      'PATCH',
      `/api/v1/messages/${message.id}`,
      { rules: 'when nothing' },
      { 'if-match': String(live.body.version) },
    );
    expect(broken.body.status).toBe('contains_errors');
    expect((await rules()).messages.map((m) => m.id)).not.toContain(message.id);
  });

  it('publishes bot responses with the bot and answer expanded for the widget', async () => {
    const message = await draft('Bot message');
    await call(
      'PATCH',
      `/api/v1/messages/${message.id}`,
      {
        greeting: 'Hi',
        response: { type: 'bot', bot_id: 'acme-assistant', answer_id: 'answer-plans' },
        rules: 'when visitor.page_url contains "plans"',
      },
      { 'if-match': '1' },
    );
    expect((await call('POST', `/api/v1/messages/${message.id}/publish`)).status).toBe(200);
    const served = (await rules()).messages.find((m) => m.id === message.id);
    expect(served?.response).toEqual({
      type: 'bot',
      bot: { id: 'acme-assistant', name: 'Acme Assistant' },
      answer: { id: 'answer-plans', title: 'Plans and pricing', body: expect.stringContaining('Starter') },
    });
  });
});

describe('widget API', () => {
  it('serves the demo channel with schedules, a strong ETag, 304 and CDN cache headers', async () => {
    const response = await proactive.app.request('/widget/v1/channels/demo/rules', {
      headers: { origin: 'https://shop.example' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toMatch(/public, max-age=\d+, stale-while-revalidate=\d+/);
    const etag = response.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[^"]+"$/);
    const body = (await response.json()) as ChannelRules;
    expect(`"${body.version}"`).toBe(etag);
    expect(body.brand).toEqual({ id: 'acme', name: 'Acme' });
    expect(body.schedules.default?.time_zone).toBe('America/New_York');
    expect(body.messages.every((m) => m.rule.v === 1)).toBe(true);
    expect(body.messages.map((m) => m.name)).not.toContain('Holiday sale (draft)');
    expect(body.messages.map((m) => m.name)).not.toContain('Checkout help');
    const cached = await proactive.app.request('/widget/v1/channels/demo/rules', {
      headers: { 'if-none-match': etag, origin: 'https://shop.example' },
    });
    expect(cached.status).toBe(304);
    expect(cached.headers.get('etag')).toBe(etag);
    expect(cached.headers.get('access-control-allow-origin')).toBe('*');
  });

  it("answers 404 JSON for unknown channels and never shows another brand's messages", async () => {
    const missing = await proactive.app.request('/widget/v1/channels/nope/rules');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    const brand = await call('POST', '/api/v1/brands', { name: 'Initech' });
    const channel = await call('POST', '/api/v1/channels', { brand_id: brand.body.id, name: 'Initech web' });
    const payload = await rules(channel.body.id);
    expect(payload.messages).toEqual([]);
    expect(payload.brand.name).toBe('Initech');
  });

  it('accepts events (single, batch, text/plain beacons) and counts them in stats', async () => {
    const payload = await rules();
    const message = payload.messages[0]!;
    const event = { channel_id: 'demo', message_id: message.id, visitor_id: 'v1', type: 'shown' };
    const single = await proactive.app.request('/widget/v1/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
    expect(single.status).toBe(202);
    const beacon = await proactive.app.request('/widget/v1/events', {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({
        events: [
          { ...event, type: 'opened' },
          { ...event, type: 'replied' },
          { ...event, message_id: 'msg_unknown' },
        ],
      }),
    });
    expect(beacon.status).toBe(202);
    expect(await beacon.json()).toEqual({ accepted: 2, ignored: 1 });
    const bad = await proactive.app.request('/widget/v1/events', {
      method: 'POST',
      body: JSON.stringify({ ...event, type: 'clicked' }),
    });
    expect(bad.status).toBe(400);
    const stats = await call('GET', `/api/v1/messages/${message.id}/stats`);
    expect(stats.body.totals).toEqual({ sent: 1, opened: 1, dismissed: 0, replied: 1 });
    expect(stats.body.series).toHaveLength(30);
    expect(stats.body.series.at(-1)).toMatchObject({ sent: 1, opened: 1, replied: 1 });
    const list = await call('GET', '/api/v1/messages');
    expect(list.body.find((m: Json) => m.id === message.id)).toMatchObject({
      sent: 1,
      opened: 1,
      replied: 1,
    });
    expect(
      (await call('GET', `/api/v1/messages/${message.id}/stats?from=2026-02-01&to=2026-01-01`)).status,
    ).toBe(400);
  });

  it('creates a conversation tagged like the message, and carries agent replies back', async () => {
    const message = (await rules()).messages.find((m) => m.tags.length > 0)!;
    const created = await proactive.app.request('/widget/v1/conversations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channel_id: 'demo',
        message_id: message.id,
        visitor_id: 'v9',
        name: 'Ada',
        email: 'ada@example.com',
        text: 'Hi there',
      }),
    });
    expect(created.status).toBe(201);
    const { conversation_id: id, messages } = await created.json();
    expect(messages.at(-1)).toMatchObject({ author: 'visitor', text: 'Hi there' });
    const ticket = await call('GET', `/api/v1/conversations/${id}`);
    expect(ticket.body).toMatchObject({
      tags: message.tags,
      name: 'Ada',
      email: 'ada@example.com',
      message_id: message.id,
    });
    expect((await call('GET', '/api/v1/conversations')).body[0].id).toBe(id);
    const reply = await call('POST', `/api/v1/conversations/${id}/messages`, {
      text: 'Hello Ada, how can I help?',
    });
    expect(reply.status).toBe(201);
    const polled = await proactive.app.request(
      `/widget/v1/conversations/${id}/messages?after=${messages.at(-1).id}`,
    );
    expect((await polled.json()).messages).toEqual([
      expect.objectContaining({ author: 'agent', text: 'Hello Ada, how can I help?' }),
    ]);
    const badEmail = await proactive.app.request('/widget/v1/conversations', {
      method: 'POST',
      body: JSON.stringify({
        channel_id: 'demo',
        message_id: message.id,
        visitor_id: 'v9',
        email: 'not-an-email',
        text: 'x',
      }),
    });
    expect(badEmail.status).toBe(400);
  });
});

describe('rule language endpoints', () => {
  it('checks, formats and explains with the CLI context JSON', async () => {
    const checked = await call('POST', '/api/v1/dsl/check', { source: 'when visitor.page_ur is "x"' });
    expect(checked.status).toBe(200);
    expect(checked.body.valid).toBe(false);
    expect(checked.body.diagnostics[0].code).toBeTruthy();
    const formatted = await call('POST', '/api/v1/dsl/format', {
      source: 'when   visitor.page_url   contains "a"',
    });
    expect(formatted.body.text).toBe(format('when visitor.page_url contains "a"').text);
    expect(formatted.body.changed).toBe(true);
    const context = {
      visitor: {
        page_url: 'https://acme.test/pricing',
        page_title: 'Pricing',
        visit_history: 'returning_user',
      },
      device: { language: 'fr-CA' },
      event: { type: 'on_page', seconds: 31 },
      now: '2026-11-27T15:04:05Z',
      schedules: {
        default: {
          time_zone: 'America/New_York',
          intervals: [{ day: 'fri', open: '09:00', close: '17:00' }],
          holidays: [],
        },
      },
    };
    const explained = await call('POST', '/api/v1/dsl/explain', {
      source: 'when visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit',
      context,
    });
    expect(explained.status).toBe(200);
    expect(explained.body.fires).toBe(true);
    expect(explained.body.explain).toBeTruthy();
    const missing = await call('POST', '/api/v1/dsl/explain', {
      source: 'when visitor.page_url contains "pricing" during business_hours',
      context: { ...context, schedules: undefined },
    });
    expect(missing.status).toBe(422);
    expect((await call('POST', '/api/v1/dsl/explain', { source: 'when (', context })).status).toBe(422);
    const badContext = await call('POST', '/api/v1/dsl/explain', {
      source: 'when visitor.page_url contains "x"',
      context: { ...context, event: { type: 'on_page', seconds: '40' } },
    });
    expect(badContext.status).toBe(400);
    expect(badContext.body.error.code).toBe('invalid_context');
    expect(badContext.body.error.details.errors).toEqual([
      'context.event.seconds: expected a number, got "40"',
    ]);
  });
});

describe('documentation', () => {
  it('serves the generated OpenAPI document and renders it with Swagger UI under a strict CSP', async () => {
    const document = await (await proactive.app.request('/api/v1/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/messages/{id}', '/widget/v1/channels/{channel_id}/rules']),
    );
    const page = await proactive.app.request('/api/docs');
    expect(page.headers.get('content-type')).toContain('text/html');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    const html = await page.text();
    // Scripts come from this server only, none inline.
    const scripts = [...html.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.map(([, attributes]) => /src="(\/api\/docs\/[^"]+)"/.exec(attributes!)?.[1])).toEqual([
      '/api/docs/swagger-ui-bundle.js',
      '/api/docs/init.js',
    ]);
    expect(scripts.every(([, , body]) => body === '')).toBe(true);
    const init = await proactive.app.request('/api/docs/init.js');
    expect(await init.text()).toContain("url: '/api/v1/openapi.json'");
    expect((await proactive.app.request('/api/docs/../../package.json')).status).toBe(404);
    expect((await proactive.app.request('/api/docs/nothing.js')).status).toBe(404);
  });
});
