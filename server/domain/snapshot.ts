/**
 * The widget payload of one channel (`ChannelRules`), built from storage, serialised once, with its
 * strong ETag. The cache keeps one per channel in memory and rebuilds it when the bus says it changed,
 * so `GET /widget/v1/channels/:id/rules` costs no query and no hashing.
 */
import type { Schedule } from '@proactive/dsl';
import type { CompiledRule } from '@proactive/dsl';
import type { ChannelRules, WidgetMessage, WidgetResponse } from '@proactive/contract/widget';
import type { Bot, BotAnswer, LiveMessage, Repository, ScheduleRecord } from '../storage/repository.ts';

export interface Snapshot {
  /** The serialised `ChannelRules`. */
  body: Uint8Array;
  /** Quoted strong ETag, e.g. `"3q2-7w"`. */
  etag: string;
  /** Ids of the live messages in it, for checking widget events cheaply. */
  messageIds: ReadonlySet<string>;
}

const encoder = new TextEncoder();

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let binary = '';
  for (const byte of bytes.subarray(0, 18)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_');
}

function scheduleData(record: ScheduleRecord): Schedule {
  return { time_zone: record.time_zone, intervals: record.intervals, holidays: record.holidays };
}

/**
 * Builds a channel's widget payload; null when there is no such channel.
 *
 * @example const snapshot = await buildSnapshot(repository, 'demo')
 */
export async function buildSnapshot(repository: Repository, channelId: string): Promise<Snapshot | null> {
  const channel = await repository.channels.get(channelId);
  if (!channel) return null;
  const [brand, live] = await Promise.all([
    repository.brands.get(channel.brand_id),
    repository.messages.live(channelId),
  ]);
  const messages = live.filter((message) => message.brand_id === channel.brand_id && message.compiled);

  const bots = new Map<string, Bot | null>();
  const answers = new Map<string, BotAnswer | null>();
  let allSchedules: ScheduleRecord[] | null = null;
  const schedules: Record<string, Schedule> = {};
  if (channel.schedule_id) {
    const own = await repository.schedules.get(channel.schedule_id);
    if (own) schedules.default = scheduleData(own);
  }

  const out: WidgetMessage[] = [];
  for (const message of messages) {
    const response = await widgetResponse(repository, message, bots, answers);
    if (!response) continue;
    const rule = message.compiled as CompiledRule;
    const wanted = rule.time_of_day.mode === 'anytime' ? null : rule.time_of_day.schedule;
    if (wanted !== null && !schedules[wanted]) {
      allSchedules ??= await repository.schedules.list();
      const named = allSchedules.find((schedule) => schedule.name === wanted);
      // A rule whose schedule vanished cannot be evaluated correctly: leave it out rather than guess.
      if (!named) continue;
      schedules[wanted] = scheduleData(named);
    }
    out.push({
      id: message.id,
      name: message.name,
      greeting: message.greeting,
      response,
      tags: rule.tags,
      rule,
    });
  }

  const payload: Omit<ChannelRules, 'version'> = {
    channel_id: channel.id,
    brand: { id: channel.brand_id, name: brand?.name ?? '' },
    messages: out,
    schedules,
  };
  const version = await digest(JSON.stringify(payload));
  const full: ChannelRules = {
    channel_id: payload.channel_id,
    brand: payload.brand,
    version,
    messages: out,
    schedules,
  };
  return {
    body: encoder.encode(JSON.stringify(full)),
    etag: `"${version}"`,
    messageIds: new Set(out.map((message) => message.id)),
  };
}

async function widgetResponse(
  repository: Repository,
  message: LiveMessage,
  bots: Map<string, Bot | null>,
  answers: Map<string, BotAnswer | null>,
): Promise<WidgetResponse | null> {
  const response = message.response;
  if (response.type === 'agent') {
    return { type: 'agent', follow_up: response.follow_up, customer_details: response.customer_details };
  }
  if (!response.bot_id || !response.answer_id) return null;
  if (!bots.has(response.bot_id)) bots.set(response.bot_id, await repository.bots.get(response.bot_id));
  if (!answers.has(response.answer_id))
    answers.set(response.answer_id, await repository.answers.get(response.answer_id));
  const bot = bots.get(response.bot_id);
  const answer = answers.get(response.answer_id);
  if (!bot || !answer || answer.bot_id !== bot.id || !bot.channel_ids.includes(message.channel_id))
    return null;
  return {
    type: 'bot',
    bot: { id: bot.id, name: bot.name },
    answer: { id: answer.id, title: answer.title, body: answer.body },
  };
}

const maxEntries = 50_000;

interface CacheEntry {
  generation: number;
  value: Promise<Snapshot | null>;
  builtAt: number;
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
}

/**
 * Per-channel snapshots in memory. `get` builds on first use; `invalidate` drops entries and rebuilds the
 * ones that were in use right away, so the next widget request is served from memory again.
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
    const now = this.options.now?.() ?? Date.now();
    if (entry && (this.options.maxAgeMs === undefined || now - entry.builtAt < this.options.maxAgeMs)) {
      return entry.value;
    }
    return this.#build(channelId);
  }

  /** Snapshots currently held (built or building), for the bench and tests. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Workers: a promise created while serving one request must not be awaited by another (workerd cancels
   * or hangs it), so only finished snapshots are shared, and nothing is rebuilt in the background.
   */
  async #getIsolated(channelId: string): Promise<Snapshot | null> {
    const now = this.options.now?.() ?? Date.now();
    const done = this.#done.get(channelId);
    if (done && (this.options.maxAgeMs === undefined || now - done.builtAt < this.options.maxAgeMs))
      return done.value;
    const generation = this.#generationOf(channelId);
    const value = await buildSnapshot(this.repository, channelId);
    if (this.#generationOf(channelId) === generation) this.#done.set(channelId, { value, builtAt: now });
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
    const generation = this.#generationOf(channelId);
    const value = buildSnapshot(this.repository, channelId);
    const entry: CacheEntry = { generation, value, builtAt: this.options.now?.() ?? Date.now() };
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
      },
      () => undefined,
    );
    return value;
  }
}
