/**
 * Patching a snapshot one message at a time gives exactly what a fresh build gives: same bytes, same
 * ETag, same message ids, after any sequence of publishes, pauses, edits, moves and deletes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChannelRules } from '@proactive/contract/widget';
import { buildSnapshot, patchSnapshot, SnapshotCache, type Snapshot } from './snapshot.ts';
import type { MessageRecord, Repository } from '../storage/repository.ts';

const scheduleNames = ['anytime', 'default', 'Support hours', 'Gone'] as const;
const ranks = ['a0', 'a1', 'a1', 'a2', 'a5', 'Zz', 'b0'] as const;

interface Fake {
  repository: Repository;
  messages: Map<string, MessageRecord>;
}

function compiled(schedule: string, tag: string) {
  return {
    v: 1,
    when: null,
    event: { type: 'on_page', seconds: 0 },
    time_of_day: schedule === 'anytime' ? { mode: 'anytime' } : { mode: 'during', schedule },
    frequency: 'every_time',
    tags: [tag],
  };
}

/** The parts of a repository snapshots read, over plain maps. */
function fakeRepository(): Fake {
  const messages = new Map<string, MessageRecord>();
  const stamp = '2026-01-01T00:00:00.000Z';
  const schedule = (id: string, name: string) => ({
    id,
    name,
    time_zone: 'Europe/Paris',
    intervals: [{ day: 'mon' as const, open: '09:00', close: '17:00' }],
    holidays: [],
    created_at: stamp,
    updated_at: stamp,
  });
  const schedules = [schedule('sch_own', 'Business hours'), schedule('sch_support', 'Support hours')];
  const bot = { id: 'bot_1', name: 'Helper', channel_ids: ['web'], created_at: stamp, updated_at: stamp };
  const answer = { id: 'ans_1', bot_id: 'bot_1', title: 'Prices', body: 'See /pricing', created_at: stamp };
  const repository = {
    channels: {
      get: async (id: string) =>
        id === 'web'
          ? {
              id,
              brand_id: 'acme',
              name: 'Web',
              schedule_id: 'sch_own',
              created_at: stamp,
              updated_at: stamp,
            }
          : null,
    },
    brands: { get: async (id: string) => ({ id, name: 'Acme', created_at: stamp, updated_at: stamp }) },
    messages: {
      get: async (id: string) => messages.get(id) ?? null,
      live: async (channelId: string) =>
        [...messages.values()]
          .filter((message) => message.channel_id === channelId && message.status === 'live')
          .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : 1)),
    },
    schedules: {
      get: async (id: string) => schedules.find((item) => item.id === id) ?? null,
      list: async () => schedules,
    },
    bots: { get: async (id: string) => (id === bot.id ? bot : null) },
    answers: { get: async (id: string) => (id === answer.id ? answer : null) },
  } as unknown as Repository;
  return { repository, messages };
}

const messageArbitrary = fc.record({
  id: fc.constantFrom('m1', 'm2', 'm3', 'm4', 'm5', 'm6'),
  status: fc.constantFrom('live', 'live', 'paused', 'draft') as fc.Arbitrary<MessageRecord['status']>,
  rank: fc.constantFrom(...ranks),
  schedule: fc.constantFrom(...scheduleNames),
  greeting: fc.string({ maxLength: 8 }),
  channel: fc.constantFrom('web', 'web', 'web', 'other'),
  brand: fc.constantFrom('acme', 'acme', 'acme', 'globex'),
  response: fc.constantFrom('agent', 'bot', 'missing bot'),
  compiles: fc.boolean(),
});

type MessageSpec = typeof messageArbitrary extends fc.Arbitrary<infer T> ? T : never;

type Operation = { kind: 'write'; message: MessageSpec } | { kind: 'delete'; id: string };

const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: messageArbitrary.map((message) => ({ kind: 'write' as const, message })) },
  { weight: 1, arbitrary: fc.constantFrom('m1', 'm2', 'm3').map((id) => ({ kind: 'delete' as const, id })) },
);

/** Applies one operation to storage; returns the id of the message it touched. */
function apply(fake: Fake, operation: Operation): string {
  if (operation.kind === 'delete') {
    fake.messages.delete(operation.id);
    return operation.id;
  }
  const { message } = operation;
  fake.messages.set(message.id, {
    id: message.id,
    brand_id: message.brand,
    channel_id: message.channel,
    name: `Message ${message.id}`,
    greeting: message.greeting,
    response:
      message.response === 'agent'
        ? { type: 'agent', follow_up: 'Hi', customer_details: ['name'] }
        : { type: 'bot', bot_id: message.response === 'bot' ? 'bot_1' : 'bot_9', answer_id: 'ans_1' },
    rules: '',
    rule: null,
    diagnostics: [],
    compiled: message.compiles ? compiled(message.schedule, message.greeting) : null,
    status: message.status,
    rank: message.rank,
    version: 1,
    created_at: '',
    updated_at: '',
  });
  return message.id;
}

function same(actual: Snapshot | null, expected: Snapshot | null) {
  expect(actual).not.toBeNull();
  expect(new TextDecoder().decode(actual!.body)).toBe(new TextDecoder().decode(expected!.body));
  expect(actual!.etag).toBe(expected!.etag);
  expect([...actual!.messageIds].sort()).toEqual([...expected!.messageIds].sort());
}

describe('patchSnapshot', () => {
  it('serialises exactly as JSON.stringify of the payload, version included', async () => {
    const fake = fakeRepository();
    for (const id of ['m1', 'm2'] as const) {
      apply(fake, {
        kind: 'write',
        message: {
          id,
          status: 'live',
          rank: 'a1',
          schedule: 'Support hours',
          greeting: 'é 👋',
          channel: 'web',
          brand: 'acme',
          response: 'bot',
          compiles: true,
        },
      });
    }
    const snapshot = (await buildSnapshot(fake.repository, 'web'))!;
    const text = new TextDecoder().decode(snapshot.body);
    const payload = JSON.parse(text) as ChannelRules;
    expect(JSON.stringify(payload)).toBe(text);
    expect(Object.keys(payload.schedules)).toEqual(['default', 'Support hours']);
    expect(payload.messages.map((message) => message.id)).toEqual(['m1', 'm2']);
    expect(snapshot.etag).toBe(`"${payload.version}"`);
  });

  it('equals a fresh build after any sequence of changes (fast-check, fixed seed)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(operationArbitrary, { maxLength: 6 }),
        fc.array(operationArbitrary, { minLength: 1, maxLength: 25 }),
        async (initial, operations) => {
          const fake = fakeRepository();
          for (const operation of initial) apply(fake, operation);
          let snapshot = (await buildSnapshot(fake.repository, 'web'))!;
          const cache = new SnapshotCache(fake.repository);
          await cache.get('web');
          for (const operation of operations) {
            const id = apply(fake, operation);
            snapshot = await patchSnapshot(fake.repository, snapshot, id);
            cache.patch('web', id);
            same(snapshot, await buildSnapshot(fake.repository, 'web'));
          }
          // The cache chains its patches: the last one it serves is the same as a fresh build.
          same(await cache.get('web'), snapshot);
          expect(cache.peek('web')).toBe(await cache.get('web'));
        },
      ),
      { seed: 1106, numRuns: 300 },
    );
  });
});
