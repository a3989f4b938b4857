/**
 * The widget API's JSON shapes: what `GET /widget/v1/channels/:id/rules` returns and what the widget posts
 * back. The server builds these, the widget reads them. Types only.
 */
import type { CompiledRule, Schedule } from '@proactive/dsl/evaluator';

export type CustomerDetail = 'name' | 'email';

export type WidgetResponse =
  | {
      type: 'agent';
      /** Follow-up message shown before handing over to a live agent. */
      follow_up: string;
      /** Details to ask for, in order; empty means no form. */
      customer_details: CustomerDetail[];
    }
  | {
      type: 'bot';
      bot: { id: string; name: string };
      answer: { id: string; title: string; body: string };
    };

export interface WidgetMessage {
  id: string;
  name: string;
  /** The greeting text; `{{first_name}}` is filled with the visitor's first name when known. */
  greeting: string;
  response: WidgetResponse;
  tags: string[];
  rule: CompiledRule;
}

/** `GET /widget/v1/channels/:channel_id/rules` */
export interface ChannelRules {
  channel_id: string;
  brand: { id: string; name: string };
  /** Changes whenever anything in this payload changes; equals the ETag's value. */
  version: string;
  /** Live messages in the channel's order (first wins when several match). */
  messages: WidgetMessage[];
  /** `default` is the channel's business hours when it has any; other keys are named schedules in use. */
  schedules: Record<string, Schedule>;
}

export type WidgetEventType = 'shown' | 'opened' | 'dismissed' | 'replied';

/** `POST /widget/v1/events` (one object, or `{events: [...]}` for a batch). */
export interface WidgetEvent {
  channel_id: string;
  message_id: string;
  visitor_id: string;
  type: WidgetEventType;
}

/** `POST /widget/v1/conversations` -> 201 `{conversation_id}` */
export interface StartConversation {
  channel_id: string;
  message_id: string;
  visitor_id: string;
  name?: string;
  email?: string;
  text: string;
}

/** One message in a conversation, from `GET /widget/v1/conversations/:id/messages`. */
export interface ConversationMessage {
  id: string;
  author: 'visitor' | 'agent' | 'bot' | 'system';
  text: string;
  created_at: string;
}
