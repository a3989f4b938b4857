/**
 * The admin API's JSON shapes as the app uses them (issue 3's contract, snake_case).
 */
import type { Rule } from '@proactive/dsl';
import type { Diagnostic } from '@proactive/dsl';
import type { Holiday, ScheduleInterval } from '@proactive/dsl';
import type { CustomerDetail } from '@proactive/contract/widget';

export interface Brand {
  id: string;
  name: string;
}

export interface Channel {
  id: string;
  brand_id: string;
  name: string;
  schedule_id: string | null;
}

export interface Schedule {
  id: string;
  name: string;
  time_zone: string;
  intervals: ScheduleInterval[];
  holidays: Holiday[];
}

export interface Bot {
  id: string;
  brand_id: string;
  name: string;
  channel_ids: string[];
}

export interface BotAnswer {
  id: string;
  bot_id: string;
  title: string;
  body: string;
}

export type MessageStatus = 'draft' | 'live' | 'paused' | 'contains_errors';

export type MessageResponse =
  | { type: 'agent'; follow_up: string; customer_details: CustomerDetail[] }
  | { type: 'bot'; bot_id: string | null; answer_id: string | null };

export interface Message {
  id: string;
  brand_id: string;
  channel_id: string;
  name: string;
  greeting: string;
  response: MessageResponse;
  /** The canonical DSL text. */
  rules: string;
  rule: Rule | null;
  diagnostics?: Diagnostic[];
  tags?: string[];
  status: MessageStatus;
  order?: number;
  version: number;
  updated_at: string;
  sent?: number;
  opened?: number;
  replied?: number;
}

export interface DailyStats {
  /** `YYYY-MM-DD`. */
  date: string;
  sent: number;
  opened: number;
  dismissed: number;
  replied: number;
}

export interface MessageStats {
  message_id: string;
  from: string;
  to: string;
  totals: Omit<DailyStats, 'date'>;
  series: DailyStats[];
}

export interface Conversation {
  id: string;
  channel_id: string;
  message_id: string | null;
  visitor_id: string;
  name: string | null;
  email: string | null;
  tags: string[];
  status: string;
  created_at: string;
  updated_at: string;
  messages?: ConversationMessage[];
  message_name?: string | null;
}

export interface ConversationMessage {
  id: string;
  author: 'visitor' | 'agent' | 'bot' | 'system';
  text: string;
  created_at: string;
}

/** The API's error body: `{"error": {"code", "message", "details"?}}`. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
