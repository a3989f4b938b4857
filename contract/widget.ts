/**
 * The widget API's JSON shapes: what `GET /widget/v1/channels/:id/rules` returns and what the widget posts
 * back. The server validates and documents with these schemas; the widget imports the types only
 * (`import type`), so zod never reaches customer sites.
 */
import { z } from 'zod';
import { scheduleSchema, type CompiledRule } from '@proactive/dsl';
import { id, instant } from './common.ts';

/**
 * The compiled rule the widget evaluates (dsl/compiled.ts). The server checks it with the rule language's
 * `compiledRuleSchema` before storing it; here it is typed by the language's own type.
 */
const compiledRule = z
  .custom<CompiledRule>((value) => typeof value === 'object' && value !== null)
  .meta({
    id: 'CompiledRule',
    type: 'object',
    description:
      'The compiled rule (version `v`: 1): conditions `when`, `event`, `time_of_day`, `frequency`, `tags`. See docs/dsl.md.',
  });

export const customerDetail = z.enum(['name', 'email']);

/** How the widget responds when the visitor engages, with the bot and answer expanded. */
export const widgetResponse = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('agent'),
    follow_up: z.string().meta({ description: 'Shown before handing over to a live agent.' }),
    customer_details: z
      .array(customerDetail)
      .meta({ description: 'Details to ask for, in order; empty means no form.' }),
  }),
  z.object({
    type: z.literal('bot'),
    bot: z.object({ id: z.string(), name: z.string() }),
    answer: z.object({ id: z.string(), title: z.string(), body: z.string() }),
  }),
]);

export const widgetMessage = z
  .object({
    id: z.string(),
    name: z.string(),
    greeting: z.string().meta({
      description: "The greeting text; `{{first_name}}` is filled with the visitor's first name when known.",
    }),
    response: widgetResponse,
    tags: z.array(z.string()),
    rule: compiledRule,
  })
  .meta({ id: 'WidgetMessage' });

/** `GET /widget/v1/channels/:channel_id/rules` */
export const channelRules = z
  .object({
    channel_id: z.string(),
    brand: z.object({ id: z.string(), name: z.string() }),
    version: z
      .string()
      .meta({ description: "Changes whenever anything in this payload changes; the ETag's value." }),
    messages: z
      .array(widgetMessage)
      .meta({ description: "Live messages in the channel's order (first wins when several match)." }),
    schedules: z.record(z.string(), scheduleSchema).meta({
      description:
        "`default` is the channel's business hours when it has any; other keys are named schedules in use.",
    }),
  })
  .meta({ id: 'ChannelRules' });

export const widgetEventType = z.enum(['shown', 'opened', 'dismissed', 'replied']);

/** One interaction event. */
export const widgetEvent = z.strictObject({
  channel_id: id,
  message_id: id,
  visitor_id: id,
  type: widgetEventType,
});
/** `POST /widget/v1/events`: one event, or `{events: [...]}` for a batch. */
export const widgetEvents = z.union([
  widgetEvent,
  z.strictObject({ events: z.array(widgetEvent).min(1).max(100) }),
]);
export const eventsAccepted = z.object({
  accepted: z.number().int().meta({ description: 'Events counted.' }),
  ignored: z.number().int().meta({ description: 'Events for messages the channel does not serve.' }),
});

/** One message in a conversation. */
export const conversationMessage = z
  .object({
    id: z.string(),
    conversation_id: z.string(),
    author: z.enum(['visitor', 'agent', 'bot', 'system']),
    text: z.string(),
    created_at: instant,
  })
  .meta({ id: 'ConversationMessage' });

/** `POST /widget/v1/conversations`: hand the visitor to an agent. */
export const startConversation = z.strictObject({
  channel_id: id,
  message_id: id,
  visitor_id: id,
  name: z.string().trim().max(200).optional(),
  email: z
    .email('must be an email address')
    .max(320)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  text: z.string().trim().min(1, 'must not be empty').max(10_000),
});
export const conversationStarted = z.object({
  conversation_id: z.string(),
  tags: z.array(z.string()),
  messages: z.array(conversationMessage),
});

/** `POST /widget/v1/conversations/:id/messages`: the visitor writes again. */
export const visitorMessage = z.strictObject({
  visitor_id: id,
  text: z.string().trim().min(1, 'must not be empty').max(10_000),
});
export const conversationMessages = z.object({
  conversation_id: z.string(),
  messages: z.array(conversationMessage),
});
export const conversationMessagesQuery = z.object({ after: z.string().optional() });

export type CustomerDetail = z.infer<typeof customerDetail>;
export type WidgetResponse = z.infer<typeof widgetResponse>;
export type WidgetMessage = z.infer<typeof widgetMessage>;
export type ChannelRules = z.infer<typeof channelRules>;
export type WidgetEventType = z.infer<typeof widgetEventType>;
export type WidgetEvent = z.input<typeof widgetEvent>;
export type StartConversation = z.input<typeof startConversation>;
export type ConversationMessage = z.infer<typeof conversationMessage>;
