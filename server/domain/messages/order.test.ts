/**
 * Reordering writes one message, whatever the channel's size; the integer `order` of the API still
 * means "index in the channel" both ways.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStorage, type NodeStorage } from '../../storage/node-storage.ts';
import { createChanges } from '../changes.ts';
import { createMemoryBus } from '../bus.ts';
import { createMessageService, type MessageService } from './service.ts';

let directory: string;
let storage: NodeStorage;
let messages: MessageService;
const writes = { update: 0, updateIfVersion: 0 };

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'proactive-order-'));
  storage = await openNodeStorage(join(directory, 'order.db'));
  const { repository } = storage;
  const now = new Date().toISOString();
  await repository.brands.insert({ id: 'b', name: 'B', created_at: now, updated_at: now });
  await repository.channels.insert({
    id: 'c',
    brand_id: 'b',
    name: 'C',
    schedule_id: null,
    created_at: now,
    updated_at: now,
  });
  const store = repository.messages;
  const update = store.update.bind(store);
  const updateIfVersion = store.updateIfVersion.bind(store);
  store.update = (...args) => (writes.update++, update(...args));
  store.updateIfVersion = (...args) => (writes.updateIfVersion++, updateIfVersion(...args));
  const bus = createMemoryBus();
  messages = createMessageService({ repository, changes: createChanges(bus, () => undefined) });
});
afterAll(async () => {
  await storage.repository.close();
  await rm(directory, { recursive: true, force: true });
});

const names = async () => (await messages.list({ channel_id: 'c' })).map((message) => message.name);

describe('reordering with fractional ranks', () => {
  it('moves a message with one write, to the first, a middle and the last place, and past the end', async () => {
    const created = [];
    for (let index = 0; index < 200; index++) {
      created.push(await messages.create({ name: `m${index}`, brand_id: 'b', channel_id: 'c' }));
    }
    expect(created.map((message) => message.order)).toEqual(created.map((_, index) => index));
    const move = async (id: string, order: number) => {
      writes.update = 0;
      writes.updateIfVersion = 0;
      const current = await messages.get(id);
      const moved = await messages.update(id, current.version, { order });
      expect(writes).toEqual({ update: 0, updateIfVersion: 1 });
      return moved;
    };
    expect((await move(created[199]!.id, 0)).order).toBe(0);
    expect((await names()).slice(0, 3)).toEqual(['m199', 'm0', 'm1']);
    expect((await move(created[5]!.id, 100)).order).toBe(100);
    expect((await names())[100]).toBe('m5');
    expect((await move(created[0]!.id, 1_000_000)).order).toBe(199);
    expect((await names()).at(-1)).toBe('m0');
    const listed = await messages.list({ channel_id: 'c' });
    expect(listed.map((message) => message.order)).toEqual(listed.map((_, index) => index));
  });

  it('spreads the ranks out once when two neighbours share a rank (created at once on two servers)', async () => {
    const [a, b] = await messages.list({ channel_id: 'c' });
    await storage.repository.messages.update(b!.id, {
      rank: (await storage.repository.messages.get(a!.id))!.rank,
    });
    const last = (await messages.list({ channel_id: 'c' })).at(-1)!;
    const moved = await messages.update(last.id, last.version, { order: 1 });
    expect(moved.order).toBe(1);
    expect((await names())[1]).toBe(last.name);
  });
});
