/**
 * Per-channel widget snapshots in memory (see ./snapshot-build.ts for what one is). The cache keeps one per
 * channel, patches it when one message changed and rebuilds it when anything else did, so
 * `GET /widget/v1/channels/:id/rules` costs no query and no hashing.
 */
import { buildSnapshot, patchSnapshot, type Snapshot } from './snapshot-build.ts';
import type { Repository } from '../storage/repository.ts';
import type { BusEvent } from './bus.ts';
import type { Change } from './changes.ts';

export { buildSnapshot, patchSnapshot, type Snapshot } from './snapshot-build.ts';

const maxEntries = 50_000;

interface CacheEntry {
  generation: number;
  value: Promise<Snapshot | null>;
  builtAt: number;
  /** The value once it is known, for serving without awaiting (see `peek`). */
  settled?: { value: Snapshot | null };
}

export interface SnapshotCacheOptions {
  /**
   * Rebuild entries older than this (ms). Node servers rely on the bus and leave it unset; Workers, whose
   * isolates cannot hear each other, set a few seconds.
   */
  maxAgeMs?: number;
  now?: () => number;
  /** Workers: never share an unfinished build between requests (see `#getIsolated`). */
  isolatedRequests?: boolean;
  /** Called with every snapshot built or patched, once it is ready (e.g. to prepare its responses). */
  onSnapshot?: (snapshot: Snapshot) => void;
}

/**
 * Per-channel snapshots in memory. `get` builds on first use; `invalidate` drops entries and rebuilds the
 * ones that were in use right away; `patch` applies one message's change to the snapshot in use. Either
 * way the next widget request is served from memory again.
 *
 * @example const cache = new SnapshotCache(repository); const snapshot = await cache.get('demo')
 */
export class SnapshotCache {
  readonly #entries = new Map<string, CacheEntry>();
  readonly #generations = new Map<string, number>();
  readonly #done = new Map<string, { value: Snapshot | null; builtAt: number }>();
  #globalGeneration = 0;

  constructor(
    private readonly repository: Repository,
    private readonly options: SnapshotCacheOptions = {},
  ) {}

  /** The channel's snapshot, or null when the channel does not exist. */
  get(channelId: string): Promise<Snapshot | null> {
    if (this.options.isolatedRequests) return this.#getIsolated(channelId);
    const entry = this.#entries.get(channelId);
    if (entry && this.#fresh(entry.builtAt)) return entry.value;
    return this.#build(channelId);
  }

  /**
   * The channel's snapshot when it is ready in memory right now (null: no such channel); undefined when it
   * is being built or patched, is stale, or was never asked for: then `get` is the way.
   */
  peek(channelId: string): Snapshot | null | undefined {
    if (this.options.isolatedRequests) {
      const done = this.#done.get(channelId);
      return done && this.#fresh(done.builtAt) ? done.value : undefined;
    }
    const entry = this.#entries.get(channelId);
    return entry?.settled && this.#fresh(entry.builtAt) ? entry.settled.value : undefined;
  }

  /** Snapshots currently held (built or building), for the bench and tests. */
  get size(): number {
    return this.#entries.size;
  }

  #now(): number {
    return this.options.now?.() ?? Date.now();
  }

  #fresh(builtAt: number): boolean {
    return this.options.maxAgeMs === undefined || this.#now() - builtAt < this.options.maxAgeMs;
  }

  /**
   * Workers: a promise created while serving one request must not be awaited by another (workerd cancels
   * or hangs it), so only finished snapshots are shared, and nothing is rebuilt in the background.
   */
  async #getIsolated(channelId: string): Promise<Snapshot | null> {
    const now = this.#now();
    const done = this.#done.get(channelId);
    if (done && this.#fresh(done.builtAt)) return done.value;
    const generation = this.#generationOf(channelId);
    const value = await buildSnapshot(this.repository, channelId);
    if (this.#generationOf(channelId) === generation) {
      this.#done.set(channelId, { value, builtAt: now });
      if (value) this.options.onSnapshot?.(value);
    }
    return value;
  }

  invalidate(channelIds: readonly string[]): void {
    if (this.options.isolatedRequests) {
      for (const id of channelIds) {
        this.#generations.set(id, this.#generationOf(id) + 1);
        this.#done.delete(id);
      }
      return;
    }
    for (const id of channelIds) {
      this.#generations.set(id, this.#generationOf(id) + 1);
      const had = this.#entries.delete(id);
      if (had) void this.#build(id).catch(() => undefined);
    }
  }

  /**
   * One message of the channel changed (published, paused, resumed, edited, moved, deleted): the snapshot
   * in use is patched with that message as storage has it now, after any build or patch still running.
   * A channel nobody asked for is left alone (the next `get` builds it).
   *
   * @example cache.patch('demo', 'msg_123')
   */
  patch(channelId: string, messageId: string): void {
    const previous = this.options.isolatedRequests ? undefined : this.#entries.get(channelId);
    if (!previous) {
      this.invalidate([channelId]);
      return;
    }
    this.#generations.set(channelId, this.#generationOf(channelId) + 1);
    const value = previous.value.then(
      (snapshot) =>
        snapshot
          ? patchSnapshot(this.repository, snapshot, messageId)
          : buildSnapshot(this.repository, channelId),
      () => buildSnapshot(this.repository, channelId),
    );
    this.#track(channelId, value);
  }

  /**
   * Applies a change announced by this server (see ./changes.ts).
   *
   * @example cache.apply({ channel_id: 'demo', message_id: 'msg_123' })
   */
  apply(change: Change): void {
    if (change === 'all') this.invalidateAll();
    else if (Array.isArray(change)) this.invalidate(change);
    else this.patch(change.channel_id, change.message_id);
  }

  /**
   * Applies a change another server announced on the bus; other events are ignored.
   *
   * @example bus.subscribe((event) => cache.hear(event))
   */
  hear(event: BusEvent): void {
    if (event.type === 'all_changed') this.invalidateAll();
    else if (event.type !== 'channels_changed') return;
    else if (
      event.channel_ids.length === 1 &&
      Array.isArray(event.message_ids) &&
      event.message_ids.every((id) => typeof id === 'string')
    ) {
      for (const messageId of event.message_ids) this.patch(event.channel_ids[0] as string, messageId);
    } else this.invalidate(event.channel_ids);
  }

  invalidateAll(): void {
    this.#globalGeneration++;
    this.#done.clear();
    const ids = [...this.#entries.keys()];
    this.#entries.clear();
    for (const id of ids) void this.#build(id).catch(() => undefined);
  }

  #generationOf(id: string): number {
    return (this.#generations.get(id) ?? 0) + this.#globalGeneration * 1_000_000_000;
  }

  #build(channelId: string): Promise<Snapshot | null> {
    return this.#track(channelId, buildSnapshot(this.repository, channelId));
  }

  /** Makes `value` the channel's entry: kept when it succeeds and nothing changed meanwhile. */
  #track(channelId: string, value: Promise<Snapshot | null>): Promise<Snapshot | null> {
    const generation = this.#generationOf(channelId);
    const entry: CacheEntry = { generation, value, builtAt: this.#now() };
    this.#entries.set(channelId, entry);
    value.catch(() => {
      // A failed build (database down) must not stick: the next request tries again.
      if (this.#entries.get(channelId) === entry) this.#entries.delete(channelId);
    });
    void value.then(
      (snapshot) => {
        if (this.#entries.get(channelId) !== entry) return;
        // Invalidated while building: this result may predate the change.
        if (this.#generationOf(channelId) !== generation) this.#entries.delete(channelId);
        // Unknown channels are remembered, but not without bound (junk ids must not grow memory).
        else if (snapshot === null && this.#entries.size > maxEntries) this.#entries.delete(channelId);
        else {
          entry.settled = { value: snapshot };
          if (snapshot) this.options.onSnapshot?.(snapshot);
        }
      },
      () => undefined,
    );
    return value;
  }
}
