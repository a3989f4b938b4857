/**
 * A channel's widget payload (`ChannelRules`), serialised once, with its strong ETag. It is kept as parts:
 * one serialised entry per live message, in channel order, so that a change to one message rewrites that
 * entry only ({@link patchSnapshot}) and re-joins the bytes, instead of reading and serialising the whole
 * channel again ({@link buildSnapshot}). Both produce byte-identical snapshots.
 */
import type { CompiledRule, Schedule } from '@proactive/dsl';
import type { WidgetMessage, WidgetResponse } from '@proactive/contract/widget';
import type { Bot, BotAnswer, LiveMessage, Repository, ScheduleRecord } from '../storage/repository.ts';

/** One live message's serialised `WidgetMessage`, with what ordering and schedules need. */
export interface SnapshotEntry {
  id: string;
  rank: string;
  /** The `WidgetMessage` as UTF-8 JSON. */
  json: Uint8Array;
  /** A 64-bit hash of `json`, what the payload's `version` digests instead of the whole text. */
  hash: Uint8Array;
  /** The named schedule its rule runs during, or null for `anytime`. */
  schedule: string | null;
}

/** What a snapshot is made of, kept so that one message can be patched in. */
export interface SnapshotParts {
  channelId: string;
  brand: { id: string; name: string };
  /** The channel's own business hours (`schedules.default`), if any. */
  channelSchedule: Schedule | null;
  /** Named schedules the entries use, by name. */
  schedules: ReadonlyMap<string, Schedule>;
  /** In channel order: rank, then id (as `messages.live` sorts). */
  entries: readonly SnapshotEntry[];
}

export interface Snapshot {
  /** The serialised `ChannelRules`. */
  body: Uint8Array;
  /** The payload's `version`: a digest of everything else in it (entries by their hashes). */
  version: string;
  /** Quoted strong ETag, e.g. `"3q2-7w"`. */
  etag: string;
  /** Ids of the live messages in it, for checking widget events cheaply. */
  messageIds: ReadonlySet<string>;
  parts: SnapshotParts;
  /** Where the first entry's bytes start in `body` (a patch copies unchanged runs from there). */
  messagesAt: number;
}

const encoder = new TextEncoder();

async function digest(bytes: Uint8Array): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let binary = '';
  for (const byte of hash.subarray(0, 18)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_');
}

function scheduleData(record: ScheduleRecord): Schedule {
  return { time_zone: record.time_zone, intervals: record.intervals, holidays: record.holidays };
}

/**
 * A 64-bit hash of bytes (cyrb53's mixing on two 32-bit lanes): cheap enough to run over every entry of a
 * 10,000-message channel, wide enough that a changed entry goes unnoticed with odds of 2^-64.
 */
function hash64(bytes: Uint8Array): Uint8Array {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] as number;
    h1 = Math.imul(h1 ^ byte, 2654435761);
    h2 = Math.imul(h2 ^ byte, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, h1 >>> 0);
  view.setUint32(4, h2 >>> 0);
  return out;
}

const comma = 0x2c;

/** The previous snapshot a patch starts from and the entry it created (if any). */
interface Previous {
  snapshot: Snapshot;
  fresh: SnapshotEntry | null;
}

/**
 * The body: `opening`, the entries' JSON separated by commas, `tail`. After a patch, runs of entries the
 * previous snapshot already held in the same order are copied from its body in one piece each (a patch
 * copies a few slices, not 10,000 entries).
 */
function writeBody(
  opening: Uint8Array,
  entries: readonly SnapshotEntry[],
  tail: Uint8Array,
  previous?: Previous,
): Uint8Array {
  let length = opening.byteLength + tail.byteLength + Math.max(0, entries.length - 1);
  for (const entry of entries) length += entry.json.byteLength;
  const out = new Uint8Array(length);
  out.set(opening, 0);
  let at = opening.byteLength;
  const old = previous?.snapshot.parts.entries ?? [];
  let oldIndex = 0;
  let oldAt = previous?.snapshot.messagesAt ?? 0;
  let index = 0;
  while (index < entries.length) {
    if (index > 0) out[at++] = comma;
    const entry = entries[index] as SnapshotEntry;
    if (!previous || entry === previous.fresh) {
      out.set(entry.json, at);
      at += entry.json.byteLength;
      index++;
      continue;
    }
    // Skip what the patch removed, then copy the run of entries kept in order.
    while (oldIndex < old.length && old[oldIndex] !== entry) {
      oldAt += (old[oldIndex] as SnapshotEntry).json.byteLength + 1;
      oldIndex++;
    }
    if (oldIndex === old.length) return writeBody(opening, entries, tail);
    const runStart = oldAt;
    let runEnd = oldAt;
    while (index < entries.length && oldIndex < old.length && entries[index] === old[oldIndex]) {
      runEnd = oldAt + (old[oldIndex] as SnapshotEntry).json.byteLength;
      oldAt = runEnd + 1;
      index++;
      oldIndex++;
    }
    out.set(previous.snapshot.body.subarray(runStart, runEnd), at);
    at += runEnd - runStart;
  }
  out.set(tail, at);
  return out;
}

/** What `version` digests: the head, every entry's 8-byte hash in order, the tail. */
function versionInput(head: Uint8Array, entries: readonly SnapshotEntry[], tail: Uint8Array): Uint8Array {
  const out = new Uint8Array(head.byteLength + entries.length * 8 + tail.byteLength);
  out.set(head, 0);
  let at = head.byteLength;
  for (const entry of entries) {
    const hash = entry.hash;
    for (let byte = 0; byte < 8; byte++) out[at++] = hash[byte] as number;
  }
  out.set(tail, at);
  return out;
}

/**
 * Serialises the parts as `JSON.stringify(channelRules)` would. `version` digests the channel, the
 * entries' hashes in order and the schedules, so a patch hashes one entry, not the whole payload.
 */
async function assemble(parts: SnapshotParts, previous?: Previous): Promise<Snapshot> {
  const schedules: Record<string, Schedule> = {};
  if (parts.channelSchedule) schedules.default = parts.channelSchedule;
  for (const entry of parts.entries) {
    if (entry.schedule !== null && !schedules[entry.schedule]) {
      schedules[entry.schedule] = parts.schedules.get(entry.schedule) as Schedule;
    }
  }
  const head = `{"channel_id":${JSON.stringify(parts.channelId)},"brand":${JSON.stringify(parts.brand)},`;
  const tail = encoder.encode(`],"schedules":${JSON.stringify(schedules)}}`);
  const version = await digest(versionInput(encoder.encode(head), parts.entries, tail));
  const opening = encoder.encode(`${head}"version":${JSON.stringify(version)},"messages":[`);
  let messageIds: ReadonlySet<string> | undefined;
  return {
    body: writeBody(opening, parts.entries, tail, previous),
    messagesAt: opening.byteLength,
    version,
    etag: `"${version}"`,
    // Built on first use (widget events), not on every patch.
    get messageIds() {
      return (messageIds ??= new Set(parts.entries.map((entry) => entry.id)));
    },
    parts,
  };
}

/** Lookups shared by the entries of one build or patch. */
class EntryContext {
  readonly #bots = new Map<string, Bot | null>();
  readonly #answers = new Map<string, BotAnswer | null>();
  #allSchedules: ScheduleRecord[] | null = null;

  constructor(
    private readonly repository: Repository,
    /** Schedules already known (the channel's own as `default`, then named ones); found ones are added. */
    readonly schedules: Map<string, Schedule>,
  ) {}

  /** The message's entry, or null when the widget must not get it (bot gone, schedule gone). */
  async entry(message: LiveMessage): Promise<SnapshotEntry | null> {
    const response = await this.#response(message);
    if (!response) return null;
    const rule = message.compiled as CompiledRule;
    const wanted = rule.time_of_day.mode === 'anytime' ? null : rule.time_of_day.schedule;
    if (wanted !== null && !this.schedules.has(wanted)) {
      this.#allSchedules ??= await this.repository.schedules.list();
      const named = this.#allSchedules.find((schedule) => schedule.name === wanted);
      // A rule whose schedule vanished cannot be evaluated correctly: leave it out rather than guess.
      if (!named) return null;
      this.schedules.set(wanted, scheduleData(named));
    }
    const widgetMessage: WidgetMessage = {
      id: message.id,
      name: message.name,
      greeting: message.greeting,
      response,
      tags: rule.tags,
      rule,
    };
    const json = encoder.encode(JSON.stringify(widgetMessage));
    return { id: message.id, rank: message.rank, json, hash: hash64(json), schedule: wanted };
  }

  async #response(message: LiveMessage): Promise<WidgetResponse | null> {
    const response = message.response;
    if (response.type === 'agent') {
      return { type: 'agent', follow_up: response.follow_up, customer_details: response.customer_details };
    }
    if (!response.bot_id || !response.answer_id) return null;
    const { bot_id: botId, answer_id: answerId } = response;
    if (!this.#bots.has(botId)) this.#bots.set(botId, await this.repository.bots.get(botId));
    if (!this.#answers.has(answerId))
      this.#answers.set(answerId, await this.repository.answers.get(answerId));
    const bot = this.#bots.get(botId);
    const answer = this.#answers.get(answerId);
    if (!bot || !answer || answer.bot_id !== bot.id || !bot.channel_ids.includes(message.channel_id))
      return null;
    return {
      type: 'bot',
      bot: { id: bot.id, name: bot.name },
      answer: { id: answer.id, title: answer.title, body: answer.body },
    };
  }
}

/**
 * Builds a channel's widget payload from storage; null when there is no such channel.
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
  const known = new Map<string, Schedule>();
  let channelSchedule: Schedule | null = null;
  if (channel.schedule_id) {
    const own = await repository.schedules.get(channel.schedule_id);
    if (own) channelSchedule = scheduleData(own);
  }
  if (channelSchedule) known.set('default', channelSchedule);
  const context = new EntryContext(repository, known);
  const entries: SnapshotEntry[] = [];
  for (const message of live) {
    if (message.brand_id !== channel.brand_id || !message.compiled) continue;
    const entry = await context.entry(message);
    if (entry) entries.push(entry);
  }
  return assemble({
    channelId: channel.id,
    brand: { id: channel.brand_id, name: brand?.name ?? '' },
    channelSchedule,
    schedules: known,
    entries,
  });
}

/** Channel order: rank, then id, compared bytewise like the database does. */
function before(a: SnapshotEntry, b: { rank: string; id: string }): boolean {
  return a.rank < b.rank || (a.rank === b.rank && a.id < b.id);
}

/**
 * The snapshot after one message changed (published, paused, edited, moved, deleted): that message is
 * read again and its entry replaced, inserted at its place, or removed; nothing else is read. Equal to
 * `buildSnapshot` of the same channel as long as only that message changed since `snapshot`.
 *
 * @example const next = await patchSnapshot(repository, snapshot, 'msg_123')
 */
export async function patchSnapshot(
  repository: Repository,
  snapshot: Snapshot,
  messageId: string,
): Promise<Snapshot> {
  const { parts } = snapshot;
  const record = await repository.messages.get(messageId);
  const schedules = new Map(parts.schedules);
  let entry: SnapshotEntry | null = null;
  if (
    record &&
    record.status === 'live' &&
    record.channel_id === parts.channelId &&
    record.brand_id === parts.brand.id &&
    record.compiled
  ) {
    entry = await new EntryContext(repository, schedules).entry(record);
  }
  const entries = parts.entries.filter((existing) => existing.id !== messageId);
  if (entry) {
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(entries[middle] as SnapshotEntry, entry)) low = middle + 1;
      else high = middle;
    }
    entries.splice(low, 0, entry);
  }
  // Drop schedules no entry uses any more, so the parts stay what a fresh build would hold.
  const used = new Set(entries.map((item) => item.schedule));
  for (const name of schedules.keys()) {
    if (!used.has(name) && !(name === 'default' && parts.channelSchedule)) schedules.delete(name);
  }
  return assemble({ ...parts, schedules, entries }, { snapshot, fresh: entry });
}
