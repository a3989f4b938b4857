import { describe, expect, it } from 'vitest';
import { SnapshotCache } from './snapshot.ts';
import type { Repository } from '../storage/repository.ts';

/** A repository stub whose channel's brand (and so the payload) the test controls. */
function stubRepository() {
  const state = { name: 'v1', builds: 0, gate: null as Promise<void> | null };
  const repository = {
    channels: {
      get: async (id: string) => {
        state.builds++;
        const name = state.name;
        if (state.gate) await state.gate;
        return id === 'known'
          ? { id, brand_id: name, name: 'Web', schedule_id: null, created_at: '', updated_at: '' }
          : null;
      },
    },
    brands: { get: async (id: string) => ({ id, name: `Brand ${id}`, created_at: '', updated_at: '' }) },
    messages: { live: async () => [] },
    schedules: { get: async () => null, list: async () => [] },
  } as unknown as Repository;
  return { repository, state };
}

describe('SnapshotCache', () => {
  it('builds once, serves from memory, and answers null for unknown channels', async () => {
    const { repository, state } = stubRepository();
    const cache = new SnapshotCache(repository);
    const first = await cache.get('known');
    const second = await cache.get('known');
    expect(second).toBe(first);
    expect(state.builds).toBe(1);
    expect(first?.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(await cache.get('unknown')).toBeNull();
  });

  it('rebuilds after invalidation, with a new ETag when the content changed', async () => {
    const { repository, state } = stubRepository();
    const cache = new SnapshotCache(repository);
    const before = await cache.get('known');
    state.name = 'v2';
    cache.invalidate(['known']);
    const after = await cache.get('known');
    expect(after?.etag).not.toBe(before?.etag);
  });

  it('does not keep a build that started before an invalidation', async () => {
    const { repository, state } = stubRepository();
    const cache = new SnapshotCache(repository);
    let open!: () => void;
    state.gate = new Promise((resolve) => (open = resolve));
    const stale = cache.get('known'); // reads "v1", then waits
    state.name = 'v2';
    cache.invalidateAll(); // starts a new build reading "v2"
    state.gate = null;
    open();
    await stale;
    const fresh = await cache.get('known');
    expect(new TextDecoder().decode(fresh!.body)).not.toContain('"v1"');
  });

  it('in isolated-request mode (Workers) shares only finished snapshots and honours max age', async () => {
    const { repository, state } = stubRepository();
    let now = 0;
    const cache = new SnapshotCache(repository, { isolatedRequests: true, maxAgeMs: 1000, now: () => now });
    await cache.get('known');
    await cache.get('known');
    expect(state.builds).toBe(1);
    now = 2000;
    await cache.get('known');
    expect(state.builds).toBe(2);
    cache.invalidate(['known']);
    await cache.get('known');
    expect(state.builds).toBe(3);
  });

  it('patches on a change naming one message, here or from another server, and rebuilds otherwise', async () => {
    const { repository, state } = stubRepository();
    const reads: string[] = [];
    Object.assign(repository.messages, { get: async (id: string) => (reads.push(id), null) });
    const cache = new SnapshotCache(repository);
    const first = await cache.get('known');
    cache.apply({ channel_id: 'known', message_id: 'msg_1' });
    cache.hear({ type: 'channels_changed', channel_ids: ['known'], message_ids: ['msg_2'] });
    const patched = await cache.get('known');
    expect(state.builds).toBe(1);
    expect(reads).toEqual(['msg_1', 'msg_2']);
    expect(patched?.etag).toBe(first?.etag);
    expect(cache.peek('known')).toBe(patched);
    cache.hear({
      type: 'channels_changed',
      channel_ids: ['known'],
      message_ids: 'junk' as unknown as string[],
    });
    expect(cache.peek('known')).toBeUndefined();
    await cache.get('known');
    expect(state.builds).toBe(2);
    cache.apply(['known']);
    await cache.get('known');
    expect(state.builds).toBe(3);
    cache.patch('unused', 'msg_1');
    expect(cache.peek('unused')).toBeUndefined();
  });

  it('peeks only at ready, fresh snapshots, and reports each one it makes', async () => {
    const { repository } = stubRepository();
    let now = 0;
    const made: unknown[] = [];
    const shared = new SnapshotCache(repository, {
      maxAgeMs: 1000,
      now: () => now,
      onSnapshot: (s) => made.push(s),
    });
    expect(shared.peek('known')).toBeUndefined();
    const pending = shared.get('known');
    expect(shared.peek('known')).toBeUndefined();
    const built = await pending;
    expect(shared.peek('known')).toBe(built);
    expect(made).toEqual([built]);
    await shared.get('unknown');
    expect(shared.peek('unknown')).toBeNull();
    now = 2000;
    expect(shared.peek('known')).toBeUndefined();

    now = 0;
    const isolated = new SnapshotCache(repository, {
      isolatedRequests: true,
      maxAgeMs: 1000,
      now: () => now,
      onSnapshot: (s) => made.push(s),
    });
    expect(isolated.peek('known')).toBeUndefined();
    const own = await isolated.get('known');
    expect(isolated.peek('known')).toBe(own);
    expect(made).toHaveLength(2);
    isolated.patch('known', 'msg_1');
    expect(isolated.peek('known')).toBeUndefined();
    now = 5000;
    await isolated.get('known');
    now = 7000;
    expect(isolated.peek('known')).toBeUndefined();
  });

  it('patches a channel whose last build failed or found nothing by building it', async () => {
    const { repository, state } = stubRepository();
    const channels = repository.channels as { get: (id: string) => Promise<unknown> };
    const working = channels.get;
    let failing = true;
    channels.get = async (id) => {
      if (failing) throw new Error('database down');
      return working(id);
    };
    const cache = new SnapshotCache(repository);
    const failed = cache.get('known');
    cache.patch('known', 'msg_1');
    failing = false;
    await expect(failed).rejects.toThrow('database down');
    expect((await cache.get('known'))?.etag).toMatch(/^"/);
    expect(await cache.get('unknown')).toBeNull();
    cache.patch('unknown', 'msg_1');
    expect(await cache.get('unknown')).toBeNull();
    const builds = state.builds;
    cache.invalidateAll();
    await cache.get('known');
    expect(state.builds).toBe(builds + 2);
    expect(cache.size).toBe(2);
  });
});
