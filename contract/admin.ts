/**
 * Request and response schemas of the HTTP API (zod). Objects are strict: an unknown field is a 400, so
 * a typo never silently does nothing. The OpenAPI document is generated from these.
 */
import { z } from 'zod';
import {
  fields,
  frequencies,
  isTimeZone,
  operators,
  timesOfDay,
  type Frequency,
  type OperatorName,
} from '@proactive/dsl';

const text = (max: number) => z.string().max(max);
const name = z.string().trim().min(1, 'must not be empty').max(200);
const id = z.string().min(1).max(100);
const day = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM (24-hour clock)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

export const brandCreate = z.strictObject({ name });
export const brandPatch = z.strictObject({ name: name.optional() });

export const scheduleCreate = z.strictObject({
  name,
  time_zone: z.string().refine(isTimeZone, 'must be an IANA time zone such as America/New_York'),
  intervals: z.array(z.strictObject({ day, open: clock, close: clock })).max(100),
  holidays: z
    .array(z.strictObject({ name: name, date: isoDate }))
    .max(400)
    .default([]),
});
export const schedulePatch = scheduleCreate.partial();

export const channelCreate = z.strictObject({
  id: id.regex(/^[A-Za-z0-9_-]+$/).optional(),
  brand_id: id,
  name,
  schedule_id: id.nullable().default(null),
});
export const channelPatch = z.strictObject({ name: name.optional(), schedule_id: id.nullable().optional() });

export const botCreate = z.strictObject({
  brand_id: id,
  name,
  channel_ids: z.array(id).max(100).default([]),
});
export const botPatch = z.strictObject({
  name: name.optional(),
  channel_ids: z.array(id).max(100).optional(),
});

export const answerCreate = z.strictObject({ title: name, body: text(10_000) });
export const answerPatch = answerCreate.partial();

const customerDetail = z.enum(['name', 'email']);
export const messageResponse = z.discriminatedUnion('type', [
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
]);

const operatorName = z.enum(operators.map((operator) => operator.name) as [OperatorName, ...OperatorName[]]);
const comments = z.looseObject({}).optional();
const stringValue = z.looseObject({ kind: z.literal('string'), value: z.string().max(2000) });
const value = z.discriminatedUnion('kind', [
  stringValue,
  z.looseObject({ kind: z.literal('list'), items: z.array(stringValue).max(200) }),
  z.looseObject({ kind: z.literal('symbol'), name: z.string().max(100) }),
]);
type ConditionShape = z.ZodType<unknown>;
const condition: ConditionShape = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.looseObject({
      kind: z.literal('comparison'),
      field: z.string().max(100),
      operator: operatorName,
      value,
      comments,
    }),
    z.looseObject({ kind: z.literal('and'), operands: z.array(condition).min(2).max(200), comments }),
    z.looseObject({ kind: z.literal('or'), operands: z.array(condition).min(2).max(200), comments }),
    z.looseObject({ kind: z.literal('not'), operand: condition, comments }),
  ]),
);
const frequency = z.enum(frequencies.map((entry) => entry.name) as [Frequency, ...Frequency[]]);
export const timeOfDay = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('anytime') }),
  z.strictObject({
    kind: z.enum(['during', 'outside']),
    schedule: z.string().max(200).nullable().default(null),
  }),
]);
const timing = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('page_load') }),
  z.looseObject({
    kind: z.literal('on_page'),
    minutes: z.number().int().min(0).max(60),
    seconds: z.number().int().min(0).max(59),
  }),
]);
/** The rule AST as JSON (see dsl/ast.ts); source ranges are accepted and dropped. */
export const ruleAst = z.looseObject({
  kind: z.literal('rule'),
  condition,
  timing,
  timeOfDay: z.looseObject({
    kind: z.enum(timesOfDay.map((entry) => entry.name) as ['anytime', 'during', 'outside']),
  }),
  frequency,
  tags: z.array(z.string().max(100)).max(50),
  comments: z.looseObject({}).optional(),
});

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

export const dslSource = z.strictObject({ source: text(100_000), channel_id: id.optional() });

/** The context is checked by the rule language's own context schema (`parseContext`), as the CLI does. */
export const dslExplain = z.strictObject({ source: text(100_000), context: z.unknown() });

export const agentReply = z.strictObject({ text: z.string().trim().min(1, 'must not be empty').max(10_000) });

const eventType = z.enum(['shown', 'opened', 'dismissed', 'replied']);
export const widgetEvent = z.strictObject({
  channel_id: id,
  message_id: id,
  visitor_id: id,
  type: eventType,
});
export const widgetEvents = z.union([
  widgetEvent,
  z.strictObject({ events: z.array(widgetEvent).min(1).max(100) }),
]);

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
export const visitorMessage = z.strictObject({
  visitor_id: id,
  text: z.string().trim().min(1, 'must not be empty').max(10_000),
});

export const statsQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });

/** Catalog names, re-exported for the OpenAPI document. */
export const catalogFieldNames = fields.map((field) => field.name);
