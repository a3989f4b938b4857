/**
 * The one storage contract. Every backend (SQLite, PostgreSQL, PGlite, D1) implements it through the one
 * Kysely query layer in `kysely-repository.ts`; `repository.contract.ts` is the test suite they all pass.
 * Records are the wire contract's shapes (@proactive/contract) with JSON columns already decoded; only
 * what never leaves the server (a message's compiled rule and position) is added here.
 */
import type {
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

export type { Bot, BotAnswer, Brand, Channel, Conversation };
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
  /** Place among the channel's messages (the API's `order`). */
  position: number;
}

/** The columns of a live message that go into the widget payload. */
export type LiveMessage = Pick<
  MessageRecord,
  'id' | 'brand_id' | 'channel_id' | 'name' | 'greeting' | 'response' | 'compiled' | 'position'
>;

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
  /** Live messages of a channel in order (position, then creation), with only what widgets need. */
  live(channelId: string): Promise<LiveMessage[]>;
  /** The highest `position` in a channel, or -1 when it has no messages. */
  maxPosition(channelId: string): Promise<number>;
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
  /** True when there are no brands yet (a fresh database). */
  isEmpty(): Promise<boolean>;
  /** A cheap round trip, for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
