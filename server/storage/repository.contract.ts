/**
 * The repository contract: one suite every storage backend must pass. Each `*.test.ts` beside it calls
 * {@link repositoryContract} with a factory for a fresh, migrated, empty repository of its backend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../domain/ids.ts';
import type { Attribute, MessageRecord, Repository } from './repository.ts';
import { isUniqueViolation } from './unique-violation.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 12, minute)).toISOString();

function message(overrides: Partial<MessageRecord> = {}): MessageRecord {
  return {
    id: newId('msg'),
    brand_id: 'b1',
    channel_id: 'c1',
    name: 'Pricing',
    greeting: 'Hi 👋 <b>&</b> "quotes"',
    response: { type: 'agent', follow_up: 'Connecting you', customer_details: ['name', 'email'] },
    rules: 'when visitor.page_url contains "pricing"',
    rule: { kind: 'rule', tags: ['a'] },
    compiled: { v: 1 },
    diagnostics: [],
    status: 'draft',
    rank: 'a0',
    version: 1,
    created_at: at(0),
    updated_at: at(0),
    ...overrides,
  };
}

/**
 * Registers the contract tests for one backend. `label` names the backend in the test output.
 *
 * @example repositoryContract('sqlite', async () => openSqliteForTest())
 */
export function repositoryContract(
  label: string,
  open: () => Promise<{ repository: Repository; close?: () => Promise<void> }>,
) {
  describe(`repository contract on ${label}`, { timeout: 30_000 }, () => {
    let repository: Repository;
    let close: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      ({ repository, close } = await open());
    }, 180_000);
    afterAll(async () => {
      await (close ? close() : repository.close());
    }, 60_000);

    it('starts empty and answers a ping', async () => {
      expect(await repository.isEmpty()).toBe(true);
      await expect(repository.ping()).resolves.toBeUndefined();
    });

    it('creates, reads, lists, updates and deletes brands', async () => {
      await repository.brands.insert({ id: 'b1', name: 'Acme', created_at: at(0), updated_at: at(0) });
      await repository.brands.insert({
        id: 'b2',
        name: 'Other <script>',
        created_at: at(1),
        updated_at: at(1),
      });
      expect(await repository.isEmpty()).toBe(false);
      expect(await repository.brands.get('b1')).toEqual({
        id: 'b1',
        name: 'Acme',
        created_at: at(0),
        updated_at: at(0),
      });
      expect((await repository.brands.list()).map((brand) => brand.id)).toEqual(['b1', 'b2']);
      expect(await repository.brands.update('b2', { name: 'Renamed', updated_at: at(2) })).toMatchObject({
        name: 'Renamed',
      });
      expect(await repository.brands.update('missing', { name: 'x' })).toBeNull();
      expect(await repository.brands.delete('b2')).toBe(true);
      expect(await repository.brands.delete('b2')).toBe(false);
      expect(await repository.brands.get('b2')).toBeNull();
    });

    it('round-trips JSON columns (schedules, bots) and filters by scalar columns', async () => {
      const schedule = {
        id: 's1',
        name: 'Business hours',
        time_zone: 'America/New_York',
        intervals: [{ day: 'mon' as const, open: '22:00', close: '06:00' }],
        holidays: [{ name: 'Noël', date: '2026-12-25' }],
        created_at: at(0),
        updated_at: at(0),
      };
      await repository.schedules.insert(schedule);
      expect(await repository.schedules.get('s1')).toEqual(schedule);
      expect(await repository.schedules.list({ name: 'Business hours' })).toHaveLength(1);
      expect(await repository.schedules.list({ name: 'nope' })).toHaveLength(0);
      await repository.channels.insert({
        id: 'c1',
        brand_id: 'b1',
        name: 'Web',
        schedule_id: 's1',
        created_at: at(0),
        updated_at: at(0),
      });
      await repository.channels.insert({
        id: 'c2',
        brand_id: 'b1',
        name: 'Web 2',
        schedule_id: null,
        created_at: at(1),
        updated_at: at(1),
      });
      expect((await repository.channels.list({ schedule_id: null })).map((channel) => channel.id)).toEqual([
        'c2',
      ]);
      await repository.bots.insert({
        id: 'bot1',
        brand_id: 'b1',
        name: 'Bot',
        channel_ids: ['c1', 'c2'],
        created_at: at(0),
        updated_at: at(0),
      });
      expect((await repository.bots.get('bot1'))?.channel_ids).toEqual(['c1', 'c2']);
      await repository.answers.insert({
        id: 'a1',
        bot_id: 'bot1',
        title: 'T',
        body: 'B',
        created_at: at(0),
        updated_at: at(0),
      });
      expect(await repository.answers.list({ bot_id: 'bot1' })).toHaveLength(1);
    });

    it('keeps message fields exactly, including Unicode and markup-like text', async () => {
      const record = message();
      await repository.messages.insert(record);
      expect(await repository.messages.get(record.id)).toEqual(record);
    });

    it('updates a message only at the expected version (optimistic lock)', async () => {
      const record = message();
      await repository.messages.insert(record);
      const updated = await repository.messages.updateIfVersion(record.id, 1, {
        name: 'First',
        updated_at: at(5),
      });
      expect(updated).toMatchObject({ name: 'First', version: 2, updated_at: at(5) });
      expect(await repository.messages.updateIfVersion(record.id, 1, { name: 'Stale' })).toBe('conflict');
      expect((await repository.messages.get(record.id))?.name).toBe('First');
      expect(await repository.messages.updateIfVersion('msg_missing', 1, { name: 'x' })).toBe('not_found');
    });

    it('lets exactly one of two concurrent writers at the same version win', async () => {
      const record = message();
      await repository.messages.insert(record);
      const results = await Promise.all([
        repository.messages.updateIfVersion(record.id, 1, { name: 'A' }),
        repository.messages.updateIfVersion(record.id, 1, { name: 'B' }),
      ]);
      expect(results.filter((result) => result === 'conflict')).toHaveLength(1);
    });

    it('lists live messages of a channel in rank order (bytewise) and knows the ranks around a place', async () => {
      const channel = 'c-order';
      expect(await repository.messages.lastRank(channel)).toBeNull();
      // fractional-indexing ranks: digits < upper case < lower case, compared byte by byte.
      await repository.messages.insert(
        message({ id: 'm3', channel_id: channel, status: 'live', rank: 'a1' }),
      );
      await repository.messages.insert(
        message({ id: 'm1', channel_id: channel, status: 'live', rank: 'Zz' }),
      );
      await repository.messages.insert(
        message({ id: 'm2', channel_id: channel, status: 'paused', rank: 'a0V' }),
      );
      await repository.messages.insert(
        message({ id: 'm0', channel_id: 'other', status: 'live', rank: 'a0' }),
      );
      expect((await repository.messages.live(channel)).map((m) => m.id)).toEqual(['m1', 'm3']);
      expect(await repository.messages.lastRank(channel)).toBe('a1');
      expect((await repository.messages.list({ channel_id: channel })).map((m) => m.id)).toEqual([
        'm1',
        'm2',
        'm3',
      ]);
      expect(await repository.messages.ranksAround(channel, 0, 'm3')).toEqual({ before: null, after: 'Zz' });
      expect(await repository.messages.ranksAround(channel, 1, 'm3')).toEqual({ before: 'Zz', after: 'a0V' });
      expect(await repository.messages.ranksAround(channel, 5, 'm1')).toEqual({ before: 'a1', after: null });
      expect(await repository.messages.indexOf({ id: 'm3', channel_id: channel, rank: 'a1' })).toBe(2);
    });

    it('pages messages with filters, sorting, totals, channel names and orders from the database', async () => {
      await repository.channels.insert({
        id: 'c-page',
        brand_id: 'b1',
        name: 'Paged',
        schedule_id: null,
        created_at: at(0),
        updated_at: at(0),
      });
      const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo'];
      for (const [index, name] of names.entries()) {
        await repository.messages.insert(
          message({
            id: `p${index}`,
            channel_id: 'c-page',
            name,
            status: index % 2 === 0 ? 'live' : 'draft',
            rank: `a${index}`,
            updated_at: at(index),
          }),
        );
      }
      await repository.stats.record([
        { message_id: 'p2', day: '2026-11-27', counter: 'shown' },
        { message_id: 'p2', day: '2026-11-28', counter: 'shown' },
        { message_id: 'p4', day: '2026-11-27', counter: 'shown' },
      ]);
      const byName = await repository.messages.page({
        channel_id: 'c-page',
        sort: 'name',
        direction: 'asc',
        limit: 2,
        offset: 1,
      });
      expect(byName.total).toBe(5);
      expect(byName.rows.map((row) => row.record.name)).toEqual(['Bravo', 'charlie']);
      expect(byName.rows[1]).toMatchObject({ channel_name: 'Paged', order: 2, totals: { shown: 2 } });
      const bySent = await repository.messages.page({
        channel_id: 'c-page',
        sort: 'sent',
        direction: 'desc',
      });
      expect(bySent.rows.map((row) => row.record.id).slice(0, 2)).toEqual(['p2', 'p4']);
      const live = await repository.messages.page({
        channel_id: 'c-page',
        status: 'live',
        name_contains: 'HA',
        sort: 'order',
        direction: 'asc',
      });
      expect(live.rows.map((row) => [row.record.name, row.order])).toEqual([['charlie', 2]]);
      const literal = await repository.messages.page({ name_contains: '%', sort: 'order', direction: 'asc' });
      expect(literal.total).toBe(0);
    });

    it('finds the messages naming a schedule or using a bot with a query, and keeps it current', async () => {
      const during = (schedule: string | null) => ({ kind: 'rule', timeOfDay: { kind: 'during', schedule } });
      await repository.messages.insert(message({ id: 'ref1', name: 'Names EMEA', rule: during('EMEA') }));
      await repository.messages.insert(
        message({
          id: 'ref2',
          name: 'Bot',
          rule: during(null),
          response: { type: 'bot', bot_id: 'bot9', answer_id: 'ans9' },
        }),
      );
      await repository.messages.insert(message({ id: 'ref3', name: 'Anytime', rule: null }));
      expect(await repository.messages.referencing({ schedule: 'EMEA' })).toEqual([
        { id: 'ref1', name: 'Names EMEA' },
      ]);
      expect(await repository.messages.referencing({ bot_id: 'bot9' })).toEqual([
        { id: 'ref2', name: 'Bot' },
      ]);
      expect(await repository.messages.referencing({ answer_id: 'ans9' })).toHaveLength(1);
      expect(await repository.messages.referencing({ bot_id: 'bot9', answer_id: 'other' })).toEqual([]);

      await repository.messages.update('ref1', { rule: { kind: 'rule', timeOfDay: { kind: 'anytime' } } });
      await repository.messages.updateIfVersion('ref3', 1, { rule: during('EMEA') });
      await repository.messages.update('ref2', {
        response: { type: 'agent', follow_up: '', customer_details: [] },
      });
      expect(await repository.messages.referencing({ schedule: 'EMEA' })).toEqual([
        { id: 'ref3', name: 'Anytime' },
      ]);
      expect(await repository.messages.referencing({ bot_id: 'bot9' })).toEqual([]);
      expect(Object.keys((await repository.messages.get('ref3'))!).sort()).toEqual(
        Object.keys(message()).sort(),
      );
    });

    it('adds up stats per day and totals', async () => {
      await repository.stats.record([
        { message_id: 'ms', day: '2026-11-26', counter: 'shown' },
        { message_id: 'ms', day: '2026-11-26', counter: 'shown' },
        { message_id: 'ms', day: '2026-11-27', counter: 'opened' },
      ]);
      await repository.stats.record([{ message_id: 'ms', day: '2026-11-26', counter: 'replied' }]);
      expect(await repository.stats.daily('ms', '2026-11-01', '2026-11-30')).toEqual([
        { day: '2026-11-26', shown: 2, opened: 0, dismissed: 0, replied: 1 },
        { day: '2026-11-27', shown: 0, opened: 1, dismissed: 0, replied: 0 },
      ]);
      expect(await repository.stats.daily('ms', '2026-11-27', '2026-11-27')).toHaveLength(1);
      expect((await repository.stats.totals()).get('ms')).toEqual({
        shown: 2,
        opened: 1,
        dismissed: 0,
        replied: 1,
      });
    });

    it("stores attribute declarations, filters them by brand and keeps a brand's keys unique", async () => {
      const declaration = (overrides: Partial<Attribute>): Attribute => ({
        id: newId('attr'),
        brand_id: 'b1',
        key: 'plan',
        type: 'text',
        label: 'Plan « pro »',
        created_at: at(0),
        updated_at: at(0),
        ...overrides,
      });
      const plan = declaration({ id: 'attr1' });
      await repository.attributes.insert(plan);
      await repository.attributes.insert(
        declaration({ id: 'attr2', key: 'seats', type: 'number', created_at: at(1) }),
      );
      await repository.attributes.insert(
        declaration({ id: 'attr3', brand_id: 'b-other', created_at: at(2) }),
      );
      expect(await repository.attributes.get('attr1')).toEqual(plan);
      expect((await repository.attributes.list({ brand_id: 'b1' })).map((row) => row.key)).toEqual([
        'plan',
        'seats',
      ]);
      expect(await repository.attributes.list({ brand_id: 'b1', key: 'seats' })).toHaveLength(1);
      const duplicate = await repository.attributes.insert(declaration({ id: 'attr4', key: 'plan' })).then(
        () => null,
        (error: unknown) => error,
      );
      expect(isUniqueViolation(duplicate)).toBe(true);
      expect(await repository.attributes.get('attr4')).toBeNull();
      expect(
        await repository.attributes.update('attr2', { type: 'boolean', updated_at: at(3) }),
      ).toMatchObject({
        key: 'seats',
        type: 'boolean',
      });
      expect(await repository.attributes.delete('attr2')).toBe(true);
      expect((await repository.attributes.list({ brand_id: 'b1' })).map((row) => row.id)).toEqual(['attr1']);
    });

    it('stores conversations and their messages in order, with ?after', async () => {
      await repository.conversations.insert({
        id: 'conv1',
        channel_id: 'c1',
        message_id: 'm1',
        visitor_id: 'v1',
        name: 'Ada',
        email: null,
        tags: ['pricing'],
        status: 'open',
        created_at: at(0),
        updated_at: at(0),
      });
      const ids = [newId('cm'), newId('cm'), newId('cm')];
      for (const [index, id] of ids.entries()) {
        await repository.conversationMessages.add({
          id,
          conversation_id: 'conv1',
          author: index === 2 ? 'agent' : 'visitor',
          text: `t${index}`,
          created_at: at(index),
        });
      }
      expect((await repository.conversationMessages.list('conv1')).map((m) => m.text)).toEqual([
        't0',
        't1',
        't2',
      ]);
      expect((await repository.conversationMessages.list('conv1', ids[0])).map((m) => m.text)).toEqual([
        't1',
        't2',
      ]);
      expect((await repository.conversations.get('conv1'))?.tags).toEqual(['pricing']);
    });
  });
}
