/**
 * The database tables as Kysely sees them. Every column is portable across SQLite, PostgreSQL and D1:
 * ids and timestamps are text (ISO 8601 instants), structured values are JSON text, counters are integers.
 */
export interface BrandsTable {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface SchedulesTable {
  id: string;
  name: string;
  time_zone: string;
  /** JSON `ScheduleInterval[]`. */
  intervals: string;
  /** JSON `Holiday[]`. */
  holidays: string;
  created_at: string;
  updated_at: string;
}

export interface ChannelsTable {
  id: string;
  brand_id: string;
  name: string;
  schedule_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface BotsTable {
  id: string;
  brand_id: string;
  name: string;
  /** JSON `string[]`: the channels the bot is published to. */
  channel_ids: string;
  created_at: string;
  updated_at: string;
}

export interface BotAnswersTable {
  id: string;
  bot_id: string;
  title: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface MessagesTable {
  id: string;
  brand_id: string;
  channel_id: string;
  name: string;
  greeting: string;
  /** JSON `MessageResponse`. */
  response: string;
  /** The rule text: canonical when it parses, exactly as typed when it has syntax errors. */
  rules: string;
  /** JSON AST without ranges, or null when there is no rule or it does not parse. */
  rule: string | null;
  /** JSON `CompiledRule` of a rule without errors, else null. */
  compiled: string | null;
  /** JSON `Diagnostic[]` for `rules`. */
  diagnostics: string;
  status: string;
  position: number;
  version: number;
  created_at: string;
  updated_at: string;
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

export interface ConversationsTable {
  id: string;
  channel_id: string;
  message_id: string | null;
  visitor_id: string;
  name: string | null;
  email: string | null;
  /** JSON `string[]`. */
  tags: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface ConversationMessagesTable {
  id: string;
  conversation_id: string;
  author: string;
  text: string;
  created_at: string;
}

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
}
