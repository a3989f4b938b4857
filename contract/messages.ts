/**
 * Proactive messages: create and edit bodies, the message as the API shows it, the list row, and stats.
 */
import { z } from 'zod';
import { id, instant, isoDate, name, text } from './common.ts';
import { diagnostic, frequency, ruleAst, timeOfDay, timing } from './rule.ts';
import { customerDetail } from './widget.ts';

/** How the message responds when the visitor engages: hand over to an agent, or a bot's answer. */
export const messageResponse = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('agent'),
      follow_up: text(5000).default(''),
      customer_details: z
        .array(customerDetail)
        .max(2)
        .default(['name', 'email'])
        .transform((list) => [...new Set(list)]),
    }),
    z.strictObject({
      type: z.literal('bot'),
      bot_id: id.nullable().default(null),
      answer_id: id.nullable().default(null),
    }),
  ])
  .meta({ id: 'MessageResponse' });

/**
 * `draft` (never published, or cloned), `live` (on the widget), `paused` (taken off by an admin),
 * `contains_errors` (the rule has errors; never on the widget).
 */
export const messageStatus = z.enum(['draft', 'live', 'paused', 'contains_errors']);

const tag = z.string().min(1).max(100).regex(/^\S+$/, 'a tag cannot contain whitespace');

export const messageCreate = z.strictObject({
  name,
  brand_id: id,
  channel_id: id,
  greeting: text(5000).optional(),
  response: messageResponse.optional(),
  rules: text(100_000).optional(),
});

export const messagePatch = z
  .strictObject({
    name: name.optional(),
    greeting: text(5000).optional(),
    response: messageResponse.optional(),
    rules: text(100_000).optional(),
    rule: ruleAst.nullable().optional(),
    tags: z.array(tag).max(50).optional(),
    time_of_day: timeOfDay.optional(),
    frequency: frequency.optional(),
    order: z.number().int().min(0).max(1_000_000).optional(),
  })
  .refine((body) => !(body.rules !== undefined && body.rule !== undefined), {
    message: 'send either "rules" (text) or "rule" (AST), not both',
  });

const count = z.number().int().min(0);
/** All-time interaction counts. */
export const messageTotals = z.object({ sent: count, opened: count, dismissed: count, replied: count });

/** A message as the admin API shows it: the stored fields plus the views of its rule and its totals. */
export const message = z
  .object({
    id: z.string(),
    name: z.string(),
    brand_id: z.string(),
    channel_id: z.string(),
    status: messageStatus,
    greeting: z.string(),
    response: messageResponse,
    rules: z.string().meta({ description: 'The rule text: canonical when it parses, as typed when not.' }),
    rule: ruleAst.nullable().meta({ description: 'The AST of `rules`, or null when it does not parse.' }),
    diagnostics: z.array(diagnostic),
    tags: z.array(z.string()).meta({ description: "The rule's tags (a view of the rule)." }),
    time_of_day: timeOfDay,
    frequency,
    timing,
    order: z.number().int().meta({ description: "The message's place among its channel's messages." }),
    version: z.number().int().meta({ description: 'Send it back as If-Match when editing.' }),
    ...messageTotals.shape,
    created_at: instant,
    updated_at: instant,
  })
  .meta({ id: 'Message' });

/** A row of `GET /api/v1/messages`: the message with its channel's name. */
export const messageListItem = message
  .extend({ channel: z.object({ id: z.string(), name: z.string() }) })
  .meta({ id: 'MessageListItem' });

/** What the admin list can be sorted by; `order` is the channel, then the message's place in it. */
export const messageSort = z.enum([
  'order',
  'name',
  'status',
  'channel',
  'sent',
  'opened',
  'replied',
  'updated_at',
  'created_at',
]);

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^[1-9]\d*$/, 'must be a whole number from 1')
    .refine((value) => Number(value) <= max, `must be at most ${max}`);

/**
 * `GET /messages` filters, sort and paging. Without `page` and `per_page` the answer is the whole list
 * (an array, as it always was); with either, one page `{items, total, page, per_page}`.
 */
export const messagesQuery = z.object({
  status: messageStatus.optional(),
  channel_id: z.string().optional(),
  brand_id: z.string().optional(),
  q: z.string().max(200).optional().meta({ description: 'Part of the name (case-insensitive).' }),
  sort: messageSort.optional().meta({ description: 'Default `order` (channel, then place).' }),
  direction: z.enum(['asc', 'desc']).optional(),
  page: wholeNumber(1_000_000).optional().meta({ description: 'Page number from 1 (default 1).' }),
  per_page: wholeNumber(200).optional().meta({ description: 'Rows per page, at most 200 (default 50).' }),
});

/** One page of the admin list. */
export const messagePage = z
  .object({
    items: z.array(messageListItem),
    total: z.number().int().meta({ description: 'How many messages match the filters.' }),
    page: z.number().int(),
    per_page: z.number().int(),
  })
  .meta({ id: 'MessagePage' });

/** `GET /messages`: the whole list (no paging asked) or one page. */
export const messagesResponse = z.union([z.array(messageListItem), messagePage]);

export const statsQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
export const dailyStats = z.object({ date: isoDate, ...messageTotals.shape });
export const messageStats = z
  .object({
    message_id: z.string(),
    from: isoDate,
    to: isoDate,
    totals: messageTotals,
    series: z.array(dailyStats).meta({ description: 'One entry per day from `from` to `to`.' }),
  })
  .meta({ id: 'MessageStats' });

/** A problem that keeps a message from going live, outside the rule text (`cannot_publish` details). */
export const publishProblem = z.object({ field: z.string(), code: z.string(), message: z.string() });

export type MessageResponse = z.output<typeof messageResponse>;
export type MessageStatus = z.infer<typeof messageStatus>;
export type MessageCreate = z.output<typeof messageCreate>;
export type MessagePatch = z.output<typeof messagePatch>;
export type MessageTotals = z.infer<typeof messageTotals>;
export type Message = z.infer<typeof message>;
export type MessageListItem = z.infer<typeof messageListItem>;
export type MessagesQuery = z.output<typeof messagesQuery>;
export type MessageSort = z.infer<typeof messageSort>;
export type MessagePage = z.infer<typeof messagePage>;
export type DailyStats = z.infer<typeof dailyStats>;
export type MessageStats = z.infer<typeof messageStats>;
export type PublishProblem = z.infer<typeof publishProblem>;
