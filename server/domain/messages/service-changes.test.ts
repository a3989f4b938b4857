/**
 * What the message service announces, so that widget snapshots follow: one message's change for every
 * lifecycle step that can alter a payload (the snapshot is patched), the whole channel when a move had
 * to rewrite other messages' ranks, nothing for drafts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStorage, type NodeStorage } from '../../storage/node-storage.ts';
import type { Change } from '../changes.ts';
import { createMemoryBus } from '../bus.ts';
import { createChanges } from '../changes.ts';
import { createMessageService, type MessageService } from './service.ts';

let directory: string;
let storage: NodeStorage;
let messages: MessageService;
const announced: Change[] = [];
const now = '2026-01-01T00:00:00.000Z';

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'proactive-service-changes-'));
  storage = await openNodeStorage(join(directory, 'changes.db'));
  const { repository } = storage;
  await repository.brands.insert({ id: 'b', name: 'B', created_at: now, updated_at: now });
  await repository.schedules.insert({
    id: 'hours',
    name: 'Hours',
    time_zone: 'UTC',
    intervals: [{ day: 'mon', open: '09:00', close: '17:00' }],
    holidays: [],
    created_at: now,
    updated_at: now,
  });
  await repository.channels.insert({
    id: 'c',
    brand_id: 'b',
    name: 'C',
    schedule_id: 'hours',
    created_at: now,
    updated_at: now,
  });
  messages = createMessageService({
    repository,
    changes: createChanges(createMemoryBus(), (change) => announced.push(change)),
  });
});

afterAll(async () => {
  await storage.repository.close();
  await rm(directory, { recursive: true, force: true });
});

async function ready(name: string, rules = 'when visitor.page_url contains "x"') {
  const created = await messages.create({ name, brand_id: 'b', channel_id: 'c' });
  return messages.update(created.id, created.version, {
    greeting: 'Hi',
    response: { type: 'agent', follow_up: 'One moment', customer_details: ['email'] },
    rules,
  });
}

describe('message changes announced to widget snapshots', () => {
  it('announces one message for publish, edit, move, pause, resume and delete; nothing for drafts', async () => {
    const other = await ready('Other');
    const message = await ready('Message');
    expect(announced).toEqual([]);
    const one = { channel_id: 'c', message_id: message.id };
    let current = await messages.publish(message.id);
    current = await messages.update(message.id, current.version, { greeting: 'Hello' });
    await messages.update(message.id, current.version, { order: 0 });
    await messages.pause(message.id);
    await messages.resume(message.id);
    await messages.update(other.id, other.version, { greeting: 'Draft edit' });
    await messages.remove(message.id);
    expect(announced).toEqual([one, one, one, one, one, one]);
  });

  it('announces the channel when a move spread the ranks, and a live message that stopped compiling', async () => {
    announced.length = 0;
    const [a, b] = [await ready('A'), await ready('B')];
    const live = await messages.publish(
      (await ready('Live', 'when visitor.page_url contains "y" during business_hours')).id,
    );
    await storage.repository.messages.update(b.id, {
      rank: (await storage.repository.messages.get(a.id))!.rank,
    });
    const last = await ready('Last');
    announced.length = 0;
    await messages.update(last.id, last.version, { order: 2 });
    expect(announced).toEqual([['c']]);

    announced.length = 0;
    await storage.repository.channels.update('c', { schedule_id: null });
    await expect(messages.publish(live.id)).rejects.toMatchObject({ kind: 'cannot_publish' });
    expect((await messages.get(live.id)).status).toBe('contains_errors');
    expect(announced).toEqual([{ channel_id: 'c', message_id: live.id }]);
  });
});
