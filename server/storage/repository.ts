/**
 * The one storage contract. Every backend (SQLite, PostgreSQL, PGlite, D1) implements it through the one
 * Kysely query layer in `kysely-repository.ts`; `repository.contract.ts` is the test suite they all pass.
 * Records are the API's snake_case shapes with JSON columns already decoded.
 */
import type { Diagnostic } from '@proactive/dsl';
import type { Holiday, ScheduleInterval } from '@proactive/dsl';
import type { CustomerDetail } from '@proactive/contract/widget';

export interface Timestamps {
  created_at: string;
  updated_at: string;
}

export interface Brand extends Timestamps {
  id: string;
  name: string;
}

export interface ScheduleRecord extends Timestamps {
  id: string;
  name: string;
  time_zone: string;
  intervals: ScheduleInterval[];
  holidays: Holiday[];
}

export interface Channel extends Timestamps {
  id: string;
  brand_id: string;
  name: string;
  /** The channel's business-hours schedule, or null when it has none. */
  schedule_id: string | null;
}

export interface Bot extends Timestamps {
  id: string;
  brand_id: string;
  name: string;
  /** The channels this bot is published to. */
  channel_ids: string[];
}

export interface BotAnswer extends Timestamps {
  id: string;
  bot_id: string;
  title: string;
  body: string;
}

export type MessageStatus = 'draft' | 'live' | 'paused' | 'contains_errors';

/** How the message responds when the visitor engages. */
export type MessageResponse =
  | { type: 'agent'; follow_up: string; customer_details: CustomerDetail[] }
  | { type: 'bot'; bot_id: string | null; answer_id: string | null };

export interface MessageRecord extends Timestamps {
  id: string;
  brand_id: string;
  channel_id: string;
  name: string;
  greeting: string;
  response: MessageResponse;
  rules: string;
  /** The rule AST (no ranges) or null. Typed loosely here; the domain layer owns its meaning. */
  rule: unknown;
  compiled: unknown;
  diagnostics: Diagnostic[];
  status: MessageStatus;
  position: number;
  version: number;
}

/** The columns of a live message that go into the widget payload. */
export type LiveMessage = Pick<
  MessageRecord,
  'id' | 'brand_id' | 'channel_id' | 'name' | 'greeting' | 'response' | 'compiled' | 'position'
>;

export interface DailyStats {
  day: string;
  shown: number;
  opened: number;
  dismissed: number;
  replied: number;
}

export type StatsCounter = 'shown' | 'opened' | 'dismissed' | 'replied';

export interface Conversation extends Timestamps {
  id: string;
  channel_id: string;
  message_id: string | null;
  visitor_id: string;
  name: string | null;
  email: string | null;
  tags: string[];
  status: 'open' | 'solved';
}

export interface ConversationMessageRecord {
  id: string;
  conversation_id: string;
  author: 'visitor' | 'agent' | 'bot' | 'system';
  text: string;
  created_at: string;
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
