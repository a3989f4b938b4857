/**
 * The database tables as Kysely sees them, derived from the records they store. Every column is portable
 * across SQLite, PostgreSQL and D1: ids and timestamps are text (ISO 8601 instants), structured values
 * are JSON text, counters are integers.
 */
import type {
  Attribute,
  Bot,
  BotAnswer,
  Brand,
  Channel,
  Conversation,
  ConversationMessage,
  Schedule,
} from '@proactive/contract/admin';
import type { MessageRecord } from './repository.ts';

/** A record with the `K` columns stored as JSON text. */
type StoredAsJson<T, K extends keyof T> = Omit<T, K> & { [Key in K]: string };

export type BrandsTable = Brand;
export type SchedulesTable = StoredAsJson<Schedule, 'intervals' | 'holidays'>;
export type ChannelsTable = Channel;
export type BotsTable = StoredAsJson<Bot, 'channel_ids'>;
export type BotAnswersTable = BotAnswer;
/** Unique per brand and key (migration 0004). */
export type AttributesTable = Attribute;

export interface MessagesTable extends StoredAsJson<
  Omit<MessageRecord, 'rule' | 'compiled' | 'status'>,
  'response' | 'diagnostics'
> {
  /** JSON AST without ranges, or null when there is no rule or it does not parse. */
  rule: string | null;
  /** JSON `CompiledRule` of a rule without errors, else null. */
  compiled: string | null;
  status: string;
  /** Derived from `rule` for the "messages naming this schedule" query (migration 0002). */
  schedule_name: string | null;
  /** Derived from `response` for "messages using this bot / answer" (migration 0002). */
  bot_id: string | null;
  answer_id: string | null;
}

export interface MessageStatsTable {
  message_id: string;
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  shown: number;
  opened: number;
  dismissed: number;
  replied: number;
}

export type ConversationsTable = StoredAsJson<Conversation, 'tags'>;
export type ConversationMessagesTable = ConversationMessage;

/** All tables. */
export interface Database {
  brands: BrandsTable;
  schedules: SchedulesTable;
  channels: ChannelsTable;
  bots: BotsTable;
  bot_answers: BotAnswersTable;
  messages: MessagesTable;
  message_stats: MessageStatsTable;
  conversations: ConversationsTable;
  conversation_messages: ConversationMessagesTable;
  attributes: AttributesTable;
}
