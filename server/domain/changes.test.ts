import { describe, expect, it } from 'vitest';
import type { Bus, BusEvent } from './bus.ts';
import { createChanges, type Change } from './changes.ts';

function recordingBus(fail = false) {
  const published: BusEvent[] = [];
  const bus: Bus = {
    publish: async (event) => {
      if (fail) throw new Error('bus down');
      published.push(event);
    },
    subscribe: () => () => undefined,
    close: async () => undefined,
  };
  return { bus, published };
}

describe('createChanges', () => {
  it('applies each change here first, then tells the other servers', async () => {
    const { bus, published } = recordingBus();
    const applied: Change[] = [];
    const changes = createChanges(bus, (change) => applied.push(change));
    await changes.message('web', 'msg_1');
    await changes.channels(['web', 'shop']);
    await changes.all();
    expect(applied).toEqual([{ channel_id: 'web', message_id: 'msg_1' }, ['web', 'shop'], 'all']);
    expect(published).toEqual([
      { type: 'channels_changed', channel_ids: ['web'], message_ids: ['msg_1'] },
      { type: 'channels_changed', channel_ids: ['web', 'shop'] },
      { type: 'all_changed' },
    ]);
  });

  it('logs a failed notification without failing the change', async () => {
    const { bus } = recordingBus(true);
    const applied: Change[] = [];
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      await createChanges(bus, (change) => applied.push(change)).message('web', 'msg_1');
    } finally {
      console.error = original;
    }
    expect(applied).toHaveLength(1);
    expect(logged).toHaveLength(1);
  });
});
