/**
 * The one storage contract. Every backend (SQLite, PostgreSQL, PGlite, D1) implements it through the one
 * Kysely query layer in `kysely-repository.ts`; `repository.contract.ts` is the test suite they all pass.
 * Records are the wire contract's shapes (@proactive/contract) with JSON columns already decoded; only
 * what never leaves the server (a message's compiled rule and rank) is added here.
 */
import type {
  Attribute,
  Bot,
  BotAnswer,
  Brand,
  Channel,
  Conversation,
  Message,
  Schedule,
} from '@proactive/contract/admin';
import type { ConversationMessage } from '@proactive/contract/widget';
import type { MessageStatsTable } from './schema.ts';

export type { Attribute, Bot, BotAnswer, Brand, Channel, Conversation };
export type ScheduleRecord = Schedule;
export type ConversationMessageRecord = ConversationMessage;
export type { MessageResponse, MessageStatus } from '@proactive/contract/admin';

export interface MessageRecord extends Pick<
  Message,
  | 'id'
  | 'brand_id'
  | 'channel_id'
  | 'name'
  | 'greeting'
  | 'response'
  | 'rules'
  | 'diagnostics'
  | 'status'
  | 'version'
  | 'created_at'
  | 'updated_at'
> {
  /** The rule AST (no ranges) or null. Typed loosely here; the domain layer owns its meaning. */
  rule: unknown;
  /** The compiled wire form of a rule without errors, else null. */
  compiled: unknown;
  /**
   * Place among the channel's messages: a fractional-indexing key (`a0`, `a0V`, …), compared bytewise.
   * The API's integer `order` is the index of this rank in its channel.
   */
  rank: string;
}

/** The columns of a live message that go into the widget payload. */
export type LiveMessage = Pick<
  MessageRecord,
  'id' | 'brand_id' | 'channel_id' | 'name' | 'greeting' | 'response' | 'compiled' | 'rank'
>;

/** How the admin list sorts (see {@link MessageStore.page}); `order` is channel, then rank. */
export type MessageSort =
  'order' | 'name' | 'status' | 'channel' | 'sent' | 'opened' | 'replied' | 'updated_at' | 'created_at';

export interface MessagePageQuery {
  status?: MessageRecord['status'];
  channel_id?: string;
  brand_id?: string;
  /** Case-insensitive part of the name. */
  name_contains?: string;
  sort: MessageSort;
  direction: 'asc' | 'desc';
  /** Rows to return; all when absent. */
  limit?: number;
  offset?: number;
}

/** A row of the admin list: the message with its channel's name, its totals and its order. */
export interface MessagePageRow {
  record: MessageRecord;
  channel_name: string;
  totals: { shown: number; opened: number; dismissed: number; replied: number };
  /** Index among its channel's messages by rank (the API's `order`). */
  order: number;
}

/** A day of a message's counters as stored. */
export type DailyStats = Omit<MessageStatsTable, 'message_id'>;

export type StatsCounter = 'shown' | 'opened' | 'dismissed' | 'replied';

/** What a message's rule or response refers to; see {@link MessageStore.referencing}. */
export interface MessageReference {
  /** A schedule named by the rule (`during business_hours "Name"`). */
  schedule?: string;
  /** The bot of a bot response. */
  bot_id?: string;
  /** The answer of a bot response. */
  answer_id?: string;
}

/** Plain create/read/update/delete over one table. `filter` matches scalar columns by equality. */
export interface EntityStore<T extends { id: string }> {
  list(filter?: Partial<T>): Promise<T[]>;
  get(id: string): Promise<T | null>;
  insert(row: T): Promise<T>;
  /** Updates the given columns; null when there is no such row. */
  update(id: string, patch: Partial<T>): Promise<T | null>;
  delete(id: string): Promise<boolean>;
}

export interface MessageStore extends EntityStore<MessageRecord> {
  /**
   * Updates only if the stored version is `expectedVersion` (and bumps it): the optimistic lock behind
   * `If-Match`. No transaction needed, so it works on D1 too.
   */
  updateIfVersion(
    id: string,
    expectedVersion: number,
    patch: Partial<MessageRecord>,
  ): Promise<MessageRecord | 'not_found' | 'conflict'>;
  /** Live messages of a channel in order (rank, then id), with only what widgets need. */
  live(channelId: string): Promise<LiveMessage[]>;
  /** The highest rank in a channel, or null when it has no messages. */
  lastRank(channelId: string): Promise<string | null>;
  /**
   * The ranks either side of index `index` among a channel's messages other than `excludeId` (null past
   * either end): a message moved to `index` takes a rank between them.
   */
  ranksAround(
    channelId: string,
    index: number,
    excludeId: string,
  ): Promise<{ before: string | null; after: string | null }>;
  /** The index of a message among its channel's messages by rank (the API's `order`). */
  indexOf(record: Pick<MessageRecord, 'id' | 'channel_id' | 'rank'>): Promise<number>;
  /**
   * Filtered, sorted, optionally paged messages with their channel name, totals and order, plus how
   * many match: one query for the rows (indexed filters, totals joined) and one count.
   */
  page(query: MessagePageQuery): Promise<{ rows: MessagePageRow[]; total: number }>;
  /**
   * Messages whose rule or response refers to all that `reference` names (an indexed query, not a scan),
   * in creation order, with their id and name.
   */
  referencing(reference: MessageReference): Promise<Pick<MessageRecord, 'id' | 'name'>[]>;
}

export interface StatsStore {
  /** Adds counts, one entry per event. */
  record(events: { message_id: string; day: string; counter: StatsCounter }[]): Promise<void>;
  /** Days with any counts for a message in `[from, to]` (inclusive `YYYY-MM-DD`), ascending. */
  daily(messageId: string, from: string, to: string): Promise<DailyStats[]>;
  /** All-time totals per message id. */
  totals(): Promise<Map<string, Omit<DailyStats, 'day'>>>;
}

export interface ConversationMessageStore {
  add(message: ConversationMessageRecord): Promise<ConversationMessageRecord>;
  /** A conversation's messages in order; with `after`, only those with a greater id. */
  list(conversationId: string, after?: string): Promise<ConversationMessageRecord[]>;
}

export interface Repository {
  /** Which backend this is, for logs and test names: `sqlite`, `postgres`, `pglite`, `d1`. */
  readonly kind: string;
  brands: EntityStore<Brand>;
  schedules: EntityStore<ScheduleRecord>;
  channels: EntityStore<Channel>;
  bots: EntityStore<Bot>;
  answers: EntityStore<BotAnswer>;
  messages: MessageStore;
  stats: StatsStore;
  conversations: EntityStore<Conversation>;
  conversationMessages: ConversationMessageStore;
  /** Visitor attribute declarations, in creation order; a brand's keys are unique. */
  attributes: EntityStore<Attribute>;
  /** True when there are no brands yet (a fresh database). */
  isEmpty(): Promise<boolean>;
  /** A cheap round trip, for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
