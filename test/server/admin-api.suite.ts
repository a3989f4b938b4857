/**
 * The admin API's refusals, written once and run against every entry (the Node server on SQLite and the
 * Workers entry in workerd on D1): each domain error reaches the client as the same status and code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRequest, type Target } from './widget-routes.suite.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Registers the suite for one entry.
 *
 * @example adminApiSuite('Node', async () => nodeTarget())
 */
export function adminApiSuite(label: string, start: () => Promise<Target>) {
  describe(`admin API refusals on ${label}`, { timeout: 60_000 }, () => {
    let target: Target;
    const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      adminRequest(target, method, `/api/v1${path}`, body, headers);
    const code = (result: { body: Json }) => result.body?.error?.code;
    let brand: Json;
    let schedule: Json;
    let channel: Json;

    beforeAll(async () => {
      target = await start();
      brand = (await call('POST', '/brands', { name: 'Acme' })).body;
      schedule = (
        await call('POST', '/schedules', {
          name: 'EMEA support',
          time_zone: 'Europe/Paris',
          intervals: [{ day: 'mon', open: '08:00', close: '24:00' }],
        })
      ).body;
      channel = (
        await call('POST', '/channels', { brand_id: brand.id, name: 'Web', schedule_id: schedule.id })
      ).body;
    }, 120_000);
    afterAll(() => target?.close());

    it('refuses hours the evaluator would refuse, naming the field', async () => {
      const result = await call('POST', '/schedules', {
        name: 'Late',
        time_zone: 'UTC',
        intervals: [{ day: 'tue', open: '24:00', close: '24:00' }],
      });
      expect(result.status).toBe(400);
      expect(code(result)).toBe('invalid_request');
      expect(result.body.error.details.issues.map((issue: Json) => issue.path)).toEqual(['intervals.0.open']);
    });

    it('maps duplicate names, bad references and things in use to 409 and 422', async () => {
      const duplicate = await call('POST', '/schedules', {
        name: 'EMEA support',
        time_zone: 'UTC',
        intervals: [],
      });
      expect([duplicate.status, code(duplicate)]).toEqual([409, 'duplicate_name']);
      const reference = await call('POST', '/channels', { brand_id: 'nope', name: 'X' });
      expect([reference.status, code(reference), reference.body.error.details]).toEqual([
        422,
        'invalid_reference',
        { field: 'brand_id' },
      ]);
      const brandInUse = await call('DELETE', `/brands/${brand.id}`);
      expect([brandInUse.status, code(brandInUse)]).toEqual([409, 'in_use']);
      const scheduleInUse = await call('DELETE', `/schedules/${schedule.id}`);
      expect([scheduleInUse.status, code(scheduleInUse)]).toEqual([409, 'in_use']);
      const missing = await call('GET', '/bots/bot_missing');
      expect([missing.status, code(missing)]).toEqual([404, 'not_found']);
    });

    it('refuses to rename a schedule that a rule names, by query, until the rule changes', async () => {
      const other = (await call('POST', '/schedules', { name: 'Weekend', time_zone: 'UTC', intervals: [] }))
        .body;
      const message = (
        await call('POST', '/messages', { name: 'Weekend help', brand_id: brand.id, channel_id: channel.id })
      ).body;
      const named = await call(
        'PATCH',
        `/messages/${message.id}`,
        { rules: 'when visitor.page_url contains "x" during business_hours "Weekend"' },
        { 'if-match': '1' },
      );
      expect(named.body.diagnostics).toEqual([]);
      const rename = await call('PATCH', `/schedules/${other.id}`, { name: 'Weekend team' });
      expect([rename.status, code(rename)]).toEqual([409, 'in_use']);
      expect(rename.body.error.message).toContain('"Weekend help"');
      await call(
        'PATCH',
        `/messages/${message.id}`,
        { time_of_day: { kind: 'anytime' } },
        { 'if-match': '2' },
      );
      expect((await call('PATCH', `/schedules/${other.id}`, { name: 'Weekend team' })).status).toBe(200);
    });

    it('declares visitor attributes per brand: CRUD, 409 for a taken key, 422 for an unknown brand, 400 for a bad key', async () => {
      const plan = await call('POST', '/attributes', { brand_id: brand.id, key: 'plan', type: 'text' });
      expect(plan.status).toBe(201);
      expect(plan.body).toMatchObject({ brand_id: brand.id, key: 'plan', type: 'text', label: 'plan' });
      const seats = await call('POST', '/attributes', {
        brand_id: brand.id,
        key: 'seats',
        type: 'number',
        label: 'Seats',
      });
      expect(seats.status).toBe(201);
      const other = (await call('POST', '/brands', { name: 'Other brand' })).body;
      const elsewhere = await call('POST', '/attributes', {
        brand_id: other.id,
        key: 'plan',
        type: 'boolean',
      });
      expect(elsewhere.status).toBe(201);

      const listed = await call('GET', `/attributes?brand_id=${brand.id}`);
      expect(listed.body.map((row: Json) => [row.key, row.type, row.label])).toEqual([
        ['plan', 'text', 'plan'],
        ['seats', 'number', 'Seats'],
      ]);
      expect((await call('GET', '/attributes')).body.length).toBeGreaterThanOrEqual(3);
      expect((await call('GET', `/attributes/${seats.body.id}`)).body).toEqual(seats.body);

      const taken = await call('POST', '/attributes', { brand_id: brand.id, key: 'plan', type: 'number' });
      expect([taken.status, code(taken), taken.body.error.details]).toEqual([
        409,
        'duplicate_name',
        { field: 'key' },
      ]);
      const renamedOnto = await call('PATCH', `/attributes/${seats.body.id}`, { key: 'plan' });
      expect([renamedOnto.status, code(renamedOnto)]).toEqual([409, 'duplicate_name']);
      const unknownBrand = await call('POST', '/attributes', {
        brand_id: 'brand_nope',
        key: 'x',
        type: 'text',
      });
      expect([unknownBrand.status, code(unknownBrand), unknownBrand.body.error.details]).toEqual([
        422,
        'invalid_reference',
        { field: 'brand_id' },
      ]);
      for (const key of ['', '1st', 'has space', 'a'.repeat(65), 'émoji']) {
        const bad = await call('POST', '/attributes', { brand_id: brand.id, key, type: 'text' });
        expect([key, bad.status, code(bad)]).toEqual([key, 400, 'invalid_request']);
        expect(bad.body.error.details.issues[0].path).toBe('key');
      }
      const badKey = await call('POST', '/attributes', {
        brand_id: brand.id,
        key: 'has space',
        type: 'text',
      });
      expect(badKey.body.error.message).toContain('must start with a letter');
      const badType = await call('POST', '/attributes', { brand_id: brand.id, key: 'x', type: 'date' });
      expect([badType.status, code(badType)]).toEqual([400, 'invalid_request']);

      const changed = await call('PATCH', `/attributes/${seats.body.id}`, {
        label: 'Seats bought',
        type: 'number',
      });
      expect([changed.status, changed.body.label]).toEqual([200, 'Seats bought']);
      expect((await call('DELETE', `/attributes/${elsewhere.body.id}`)).status).toBe(204);
      const gone = await call('GET', `/attributes/${elsewhere.body.id}`);
      expect([gone.status, code(gone)]).toEqual([404, 'not_found']);
      const missing = await call('PATCH', '/attributes/attr_missing', { label: 'x' });
      expect([missing.status, code(missing)]).toEqual([404, 'not_found']);
    });

    it("checks rules against the brand's declared attributes on save and publish", async () => {
      const message = (
        await call('POST', '/messages', {
          name: 'Big teams',
          brand_id: brand.id,
          channel_id: channel.id,
          greeting: 'Hi',
          response: { type: 'agent', follow_up: 'One moment', customer_details: ['name'] },
          rules: 'when visitor.attributes["seats"] > 10',
        })
      ).body;
      expect(message.diagnostics).toEqual([]);
      const wrongType = await call(
        'PATCH',
        `/messages/${message.id}`,
        { rules: 'when visitor.attributes["seats"] is "ten"' },
        { 'if-match': '1' },
      );
      expect(wrongType.status).toBe(200);
      expect(wrongType.body.status).toBe('contains_errors');
      expect(wrongType.body.diagnostics.map((d: Json) => [d.severity, d.code])).toEqual([
        ['error', 'type-mismatch'],
      ]);
      const refused = await call('POST', `/messages/${message.id}/publish`);
      expect([refused.status, code(refused)]).toEqual([422, 'cannot_publish']);
      expect(refused.body.error.message).toContain('declared as a number');
      const undeclared = await call(
        'PATCH',
        `/messages/${message.id}`,
        { rules: 'when visitor.attributes["sets"] > 10' },
        { 'if-match': String(wrongType.body.version) },
      );
      expect(undeclared.body.diagnostics.map((d: Json) => [d.severity, d.code])).toEqual([
        ['warning', 'unknown-attribute'],
      ]);
      expect(undeclared.body.diagnostics[0].message).toContain('Did you mean "seats"?');
      expect((await call('POST', `/messages/${message.id}/publish`)).status).toBe(200);
      const check = await call('POST', '/dsl/check', {
        source: 'when visitor.attributes["plan"] is 1',
        channel_id: channel.id,
      });
      expect([check.body.valid, check.body.diagnostics[0]?.code]).toEqual([false, 'type-mismatch']);
    });

    it('runs the status machine and the optimistic lock with their codes', async () => {
      const message = (
        await call('POST', '/messages', { name: 'Locked', brand_id: brand.id, channel_id: channel.id })
      ).body;
      const pause = await call('POST', `/messages/${message.id}/pause`);
      expect([pause.status, code(pause)]).toEqual([409, 'invalid_status']);
      const publish = await call('POST', `/messages/${message.id}/publish`);
      expect([publish.status, code(publish)]).toEqual([422, 'cannot_publish']);
      expect((await call('PATCH', `/messages/${message.id}`, { name: 'A' })).status).toBe(428);
      expect(
        (await call('PATCH', `/messages/${message.id}`, { name: 'A' }, { 'if-match': '1' })).status,
      ).toBe(200);
      const stale = await call('PATCH', `/messages/${message.id}`, { name: 'B' }, { 'if-match': '1' });
      expect([stale.status, code(stale), stale.body.error.details]).toEqual([
        412,
        'version_mismatch',
        { current_version: 2 },
      ]);
      const notEditable = await call(
        'PATCH',
        `/messages/${message.id}`,
        { tags: ['x'] },
        { 'if-match': '2' },
      );
      expect([notEditable.status, code(notEditable)]).toEqual([409, 'rule_not_editable']);
    });

    it('publishes, pauses and resumes idempotently: 200 with the same version when nothing changes', async () => {
      const created = (
        await call('POST', '/messages', {
          name: 'Idempotent',
          brand_id: brand.id,
          channel_id: channel.id,
          greeting: 'Hi',
          response: { type: 'agent', follow_up: 'One moment', customer_details: ['name'] },
          rules: 'when visitor.page_url contains "pricing"',
        })
      ).body;
      const live = await call('POST', `/messages/${created.id}/publish`);
      expect([live.status, live.body.status]).toEqual([200, 'live']);
      for (let attempt = 0; attempt < 3; attempt++) {
        const again = await call('POST', `/messages/${created.id}/publish`);
        expect([again.status, again.body.status, again.body.version]).toEqual([
          200,
          'live',
          live.body.version,
        ]);
        const resumed = await call('POST', `/messages/${created.id}/resume`);
        expect([resumed.status, resumed.body.version]).toEqual([200, live.body.version]);
      }
      const paused = await call('POST', `/messages/${created.id}/pause`);
      expect([paused.status, paused.body.status, paused.body.version]).toEqual([
        200,
        'paused',
        live.body.version + 1,
      ]);
      const pausedAgain = await call('POST', `/messages/${created.id}/pause`);
      expect([pausedAgain.status, pausedAgain.body.status, pausedAgain.body.version]).toEqual([
        200,
        'paused',
        paused.body.version,
      ]);
      const resumed = await call('POST', `/messages/${created.id}/resume`);
      expect([resumed.body.status, resumed.body.version]).toEqual(['live', paused.body.version + 1]);
      // An edit meanwhile still goes through If-Match with the unchanged version.
      const edited = await call(
        'PATCH',
        `/messages/${created.id}`,
        { name: 'Idempotent (renamed)' },
        { 'if-match': String(resumed.body.version) },
      );
      expect(edited.status).toBe(200);
    });

    it('lists messages whole (an array, as before) or one page sorted and filtered by the server', async () => {
      const pagedChannel = (
        await call('POST', '/channels', { brand_id: brand.id, name: 'Paged', schedule_id: null })
      ).body;
      for (const name of ['Charlie', 'alpha', 'Bravo']) {
        await call('POST', '/messages', { name, brand_id: brand.id, channel_id: pagedChannel.id });
      }
      const whole = await call('GET', `/messages?channel_id=${pagedChannel.id}`);
      expect(whole.body.map((row: Json) => [row.name, row.order])).toEqual([
        ['Charlie', 0],
        ['alpha', 1],
        ['Bravo', 2],
      ]);
      const page = await call('GET', `/messages?channel_id=${pagedChannel.id}&sort=name&page=2&per_page=2`);
      expect(page.status).toBe(200);
      expect({ ...page.body, items: page.body.items.map((row: Json) => row.name) }).toEqual({
        items: ['Charlie'],
        total: 3,
        page: 2,
        per_page: 2,
      });
      const found = await call('GET', `/messages?channel_id=${pagedChannel.id}&q=RAV&per_page=10`);
      expect(found.body.items.map((row: Json) => row.channel.name)).toEqual(['Paged']);
      for (const bad of ['per_page=0', 'per_page=201', 'page=x', 'sort=nope', 'direction=up']) {
        const refused = await call('GET', `/messages?${bad}`);
        expect([bad, refused.status, code(refused)]).toEqual([bad, 400, 'invalid_request']);
      }
    });
  });
}
