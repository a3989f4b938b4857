/**
 * The widget-route tests, written once and run against every entry: the Node server and the Workers
 * entry in workerd. All setup goes through the admin API, so both run exactly the same requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelRules } from '@proactive/contract/widget';

export interface Target {
  fetch(path: string, init?: RequestInit): Promise<Response>;
  adminToken: string;
  close(): Promise<void>;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * An admin API request to an entry with its token: the status and the parsed JSON body.
 *
 * @example const { status, body } = await adminRequest(target, 'POST', '/api/v1/brands', { name: 'Acme' })
 */
export async function adminRequest(
  target: Target,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; body: Json }> {
  const response = await target.fetch(path, {
    method,
    headers: { authorization: `Bearer ${target.adminToken}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, body: (text ? JSON.parse(text) : null) as Json };
}

/**
 * Registers the suite for one entry.
 *
 * @example widgetRouteSuite('Node', async () => nodeTarget())
 */
export function widgetRouteSuite(label: string, start: () => Promise<Target>) {
  describe(`widget routes on ${label}`, { timeout: 60_000 }, () => {
    let target: Target;
    const ids: Record<string, string> = {};

    const admin = async (
      method: string,
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) => {
      const result = await adminRequest(target, method, path, body, headers);
      if (result.status >= 400) throw new Error(`${method} ${path} -> ${result.status} ${result.text}`);
      return result.body;
    };
    const message = async (
      name: string,
      channelId: string,
      brandId: string,
      rules: string,
      status: 'live' | 'draft' | 'paused',
    ) => {
      const created = await admin('POST', '/api/v1/messages', {
        name,
        brand_id: brandId,
        channel_id: channelId,
      });
      await admin(
        'PATCH',
        `/api/v1/messages/${created.id}`,
        {
          greeting: `Hi from ${name}`,
          response: { type: 'agent', follow_up: 'Connecting', customer_details: ['name'] },
          rules,
        },
        { 'if-match': String(created.version) },
      );
      if (status !== 'draft') await admin('POST', `/api/v1/messages/${created.id}/publish`);
      if (status === 'paused') await admin('POST', `/api/v1/messages/${created.id}/pause`);
      return created.id as string;
    };
    const rules = async (channelId: string, headers: Record<string, string> = {}) =>
      target.fetch(`/widget/v1/channels/${channelId}/rules`, { headers });

    beforeAll(async () => {
      target = await start();
      const brand = await admin('POST', '/api/v1/brands', { name: 'Acme' });
      const other = await admin('POST', '/api/v1/brands', { name: 'Other' });
      const schedule = await admin('POST', '/api/v1/schedules', {
        name: 'Business hours',
        time_zone: 'America/New_York',
        intervals: [{ day: 'mon', open: '09:00', close: '17:00' }],
        holidays: [{ name: 'Christmas', date: '2026-12-25' }],
      });
      await admin('POST', '/api/v1/channels', {
        id: 'web',
        brand_id: brand.id,
        name: 'Web',
        schedule_id: schedule.id,
      });
      await admin('POST', '/api/v1/channels', { id: 'other-web', brand_id: other.id, name: 'Other web' });
      ids.second = await message(
        'Second',
        'web',
        brand.id,
        'when visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit tag "sales"',
        'live',
      );
      ids.draft = await message('Draft', 'web', brand.id, 'when visitor.page_url contains "draft"', 'draft');
      ids.paused = await message(
        'Paused',
        'web',
        brand.id,
        'when visitor.page_url contains "paused"',
        'paused',
      );
      ids.other = await message(
        'Other brand',
        'other-web',
        other.id,
        'when visitor.page_url contains "x"',
        'live',
      );
      ids.first = await message('First', 'web', brand.id, 'when device.language is "fr"', 'live');
      const first = await admin('GET', `/api/v1/messages/${ids.first}`);
      await admin(
        'PATCH',
        `/api/v1/messages/${ids.first}`,
        { order: 0 },
        { 'if-match': String(first.version) },
      );
    }, 120_000);
    afterAll(async () => {
      await target?.close();
    });

    it("serves only the channel's live messages, compiled, in order, with schedule data", async () => {
      const response = await rules('web');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/json');
      const body = (await response.json()) as ChannelRules;
      expect(body.channel_id).toBe('web');
      expect(body.brand.name).toBe('Acme');
      expect(body.messages.map((entry) => entry.name)).toEqual(['First', 'Second']);
      expect(body.messages[1]).toMatchObject({
        greeting: 'Hi from Second',
        tags: ['sales'],
        response: { type: 'agent', follow_up: 'Connecting', customer_details: ['name'] },
      });
      expect(body.messages[1]!.rule).toMatchObject({
        v: 1,
        event: { type: 'on_page', seconds: 30 },
        time_of_day: { mode: 'during', schedule: 'default' },
        frequency: 'once_per_visit',
      });
      expect(body.schedules.default).toEqual({
        time_zone: 'America/New_York',
        intervals: [{ day: 'mon', open: '09:00', close: '17:00' }],
        holidays: [{ name: 'Christmas', date: '2026-12-25' }],
      });
      const other = (await (await rules('other-web')).json()) as ChannelRules;
      expect(other.messages.map((entry) => entry.name)).toEqual(['Other brand']);
    });

    it('has a strong ETag, answers If-None-Match with 304, and lets a CDN cache it', async () => {
      const response = await rules('web', { origin: 'https://customer.example' });
      const etag = response.headers.get('etag');
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(response.headers.get('cache-control')).toMatch(
        /^public, max-age=\d+, stale-while-revalidate=\d+/,
      );
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      await response.arrayBuffer();
      const again = await rules('web', { 'if-none-match': etag!, origin: 'https://customer.example' });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('access-control-allow-origin')).toBe('*');
      expect(await again.text()).toBe('');
      const preflight = await target.fetch('/widget/v1/events', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://customer.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('refreshes the payload and its ETag when a message is published or paused', async () => {
      const before = await rules('web');
      const etag = before.headers.get('etag');
      await before.arrayBuffer();
      await admin('POST', `/api/v1/messages/${ids.paused}/resume`);
      const after = await rules('web', { 'if-none-match': etag! });
      expect(after.status).toBe(200);
      expect(((await after.json()) as ChannelRules).messages.map((entry) => entry.name)).toEqual([
        'First',
        'Second',
        'Paused',
      ]);
      await admin('POST', `/api/v1/messages/${ids.paused}/pause`);
      const reverted = (await (await rules('web')).json()) as ChannelRules;
      expect(reverted.messages.map((entry) => entry.name)).toEqual(['First', 'Second']);
    });

    it('answers 404 JSON for an unknown channel', async () => {
      for (const id of ['nope', 'a%20b', 'x'.repeat(300)]) {
        const response = await rules(id);
        expect(response.status).toBe(404);
        expect(((await response.json()) as Json).error.code).toBe('not_found');
      }
    });

    it('accepts events as JSON and as text/plain beacons with 202, and rejects bad ones with 400', async () => {
      const event = { channel_id: 'web', message_id: ids.first, visitor_id: 'visitor-1', type: 'shown' };
      const json = await target.fetch('/widget/v1/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
      });
      expect(json.status).toBe(202);
      const beacon = await target.fetch('/widget/v1/events', {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify({
          events: [
            { ...event, type: 'opened' },
            { ...event, type: 'dismissed' },
          ],
        }),
      });
      expect(beacon.status).toBe(202);
      const bad = await target.fetch('/widget/v1/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type":',
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as Json).error.code).toBe('malformed_json');
      const stats = await admin('GET', `/api/v1/messages/${ids.first}/stats`);
      expect(stats.totals).toMatchObject({ sent: 1, opened: 1, dismissed: 1 });
    });

    it('starts a conversation carrying the message tags and delivers agent replies to polling', async () => {
      const created = await target.fetch('/widget/v1/conversations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          channel_id: 'web',
          message_id: ids.second,
          visitor_id: 'visitor-2',
          name: 'Ada',
          text: 'Which plan?',
        }),
      });
      expect(created.status).toBe(201);
      const { conversation_id: id } = (await created.json()) as Json;
      expect(typeof id).toBe('string');
      const ticket = await admin('GET', `/api/v1/conversations/${id}`);
      expect(ticket.tags).toEqual(['sales']);
      const first = (await (await target.fetch(`/widget/v1/conversations/${id}/messages`)).json()) as Json;
      const last = first.messages.at(-1).id;
      await admin('POST', `/api/v1/conversations/${id}/messages`, { text: 'Team plan!' });
      const polled = (await (
        await target.fetch(`/widget/v1/conversations/${id}/messages?after=${last}`)
      ).json()) as Json;
      expect(polled.messages).toEqual([expect.objectContaining({ author: 'agent', text: 'Team plan!' })]);
    });

    it('refuses oversized bodies with 413 JSON', async () => {
      const response = await target.fetch('/widget/v1/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          channel_id: 'web',
          message_id: 'm',
          visitor_id: 'x'.repeat(64 * 1024),
          type: 'shown',
        }),
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as Json).error.code).toBe('payload_too_large');
    });

    it('answers /health', async () => {
      const response = await target.fetch('/health');
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('serves the generated OpenAPI document and the docs page with its renderer files', async () => {
      const document = (await (await target.fetch('/api/v1/openapi.json')).json()) as Json;
      expect(document.openapi).toBe('3.1.0');
      expect(document.paths['/widget/v1/events'].post.responses['202']).toBeTruthy();
      const page = await target.fetch('/api/docs');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await page.text();
      for (const [file, type] of [
        ['swagger-ui-bundle.js', 'javascript'],
        ['swagger-ui.css', 'css'],
        ['init.js', 'javascript'],
      ] as const) {
        expect(html).toContain(`/api/docs/${file}`);
        const response = await target.fetch(`/api/docs/${file}`);
        expect(response.status, file).toBe(200);
        expect(response.headers.get('content-type')).toContain(type);
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(file === 'init.js' ? 20 : 10_000);
      }
    });
  });
}
