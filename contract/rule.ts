/**
 * The rule language's shapes as they travel in the admin API: the rule AST as JSON (see dsl/ast.ts), its
 * diagnostics, the views of the rule on a message (time of day, frequency, timing) and the explanation
 * of an evaluation. Each schema is typed by the rule language's own type, so the two cannot drift.
 */
import { z } from 'zod';
import {
  frequencies,
  MAX_NESTING,
  nestingDepth,
  operators,
  timesOfDay,
  type Diagnostic,
  type ExplainNode,
  type Explanation,
  type Frequency,
  type OperatorName,
  type Rule,
} from '@proactive/dsl';

const range = z.object({ start: z.number().int(), end: z.number().int() });

/** One diagnostic of a rule text (dsl/diagnostic.ts). */
export const diagnostic: z.ZodType<Diagnostic> = z
  .object({
    range,
    severity: z.enum(['error', 'warning']),
    code: z.string().meta({ description: 'Stable, documented in docs/dsl.md.' }),
    message: z.string(),
    fix: z.object({ title: z.string(), edits: z.array(z.object({ range, text: z.string() })) }).optional(),
  })
  .meta({ id: 'Diagnostic' });

const operatorName = z.enum(operators.map((operator) => operator.name) as [OperatorName, ...OperatorName[]]);
const comments = z.looseObject({}).optional();
const stringValue = z.looseObject({ kind: z.literal('string'), value: z.string().max(2000) });
const value = z.discriminatedUnion('kind', [
  stringValue,
  z.looseObject({ kind: z.literal('list'), items: z.array(stringValue).max(200) }),
  z.looseObject({ kind: z.literal('symbol'), name: z.string().max(100) }),
  z.looseObject({ kind: z.literal('number'), value: z.number() }),
  z.looseObject({ kind: z.literal('boolean'), value: z.boolean() }),
]);
const condition: z.ZodType<unknown> = z
  .lazy(() =>
    z.discriminatedUnion('kind', [
      z.looseObject({
        kind: z.literal('comparison'),
        field: z.string().max(100),
        key: z.string().max(200).optional(),
        operator: operatorName,
        value,
        comments,
      }),
      z.looseObject({ kind: z.literal('and'), operands: z.array(condition).min(2).max(200), comments }),
      z.looseObject({ kind: z.literal('or'), operands: z.array(condition).min(2).max(200), comments }),
      z.looseObject({ kind: z.literal('not'), operand: condition, comments }),
    ]),
  )
  .meta({ id: 'Condition' });

/** The condition, refused before it is read (recursively) when it nests deeper than rule text may. */
const shallowCondition = z.preprocess((input, context) => {
  if (nestingDepth(input) > MAX_NESTING) {
    context.addIssue({
      code: 'custom',
      message: `conditions nest more than ${MAX_NESTING} levels deep (each not and each parenthesised group is a level)`,
    });
  }
  return input;
}, condition);

/** How often a message may show: `once_per_visit`, ... (the catalog's frequencies). */
export const frequency = z.enum(frequencies.map((entry) => entry.name) as [Frequency, ...Frequency[]]);

/** The API's view of the rule's time of day. `schedule: null` is the channel's business hours. */
export const timeOfDay = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('anytime') }),
    z.strictObject({
      kind: z.enum(['during', 'outside']),
      schedule: z.string().max(200).nullable().default(null),
    }),
  ])
  .meta({ id: 'TimeOfDay' });

const duration = { minutes: z.number().int().min(0).max(60), seconds: z.number().int().min(0).max(59) };

/**
 * When the message shows (the rule's trigger): on page load, after some time on the page or on the site,
 * on exit intent, at a scroll depth, after some idle time, or on a custom event the site tracks.
 */
export const timing = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('page_load') }),
  z.looseObject({ kind: z.literal('on_page'), ...duration }),
  z.looseObject({ kind: z.literal('on_site'), ...duration }),
  z.looseObject({ kind: z.literal('exit_intent') }),
  z.looseObject({ kind: z.literal('scroll'), percent: z.number().int().min(0).max(1000) }),
  z.looseObject({ kind: z.literal('idle'), ...duration }),
  z.looseObject({ kind: z.literal('custom'), name: z.string().max(200) }),
]);

const astSchema = z
  .looseObject({
    kind: z.literal('rule'),
    condition: shallowCondition,
    timing,
    timeOfDay: z.looseObject({
      kind: z.enum(timesOfDay.map((entry) => entry.name) as ['anytime', 'during', 'outside']),
    }),
    frequency,
    tags: z.array(z.string().max(100)).max(50),
    comments: z.looseObject({}).optional(),
  })
  .meta({
    id: 'Rule',
    description: 'The rule AST as JSON (dsl/ast.ts); source ranges are accepted and dropped.',
  });

/** The rule AST as JSON, typed as the rule language's `Rule`. */
export const ruleAst = astSchema as unknown as z.ZodType<Rule>;

/** A compiled value, or a fact of the context: text, a number or a boolean. */
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A node of an evaluation's explanation tree (dsl/evaluate/explain.ts). */
export const explainNode: z.ZodType<ExplainNode> = z
  .lazy(() =>
    z.union([
      z.object({ kind: z.enum(['and', 'or', 'not']), result: z.boolean(), children: z.array(explainNode) }),
      z.object({
        kind: z.literal('comparison'),
        field: z.string(),
        key: z.string().optional(),
        operator: operatorName,
        expected: z.array(scalar),
        actual: scalar.nullable(),
        result: z.boolean(),
      }),
    ]),
  )
  .meta({ id: 'ExplainNode' });

const event = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page_load') }),
  z.object({ type: z.literal('on_page'), seconds: z.number() }),
  z.object({ type: z.literal('on_site'), seconds: z.number() }),
  z.object({ type: z.literal('exit_intent') }),
  z.object({ type: z.literal('scroll'), percent: z.number() }),
  z.object({ type: z.literal('idle'), seconds: z.number() }),
  z.object({
    type: z.literal('custom'),
    name: z.string(),
    properties: z.record(z.string(), scalar).optional(),
  }),
]);

/** Why a rule fires or not: conditions, event, time of day (dsl/evaluate/explain.ts). */
export const explanation: z.ZodType<Explanation> = z
  .object({
    conditions: explainNode,
    event: z.object({ expected: event, actual: event.nullable(), result: z.boolean() }),
    time_of_day: z.object({
      mode: z.enum(['anytime', 'during', 'outside']),
      schedule: z.string().optional(),
      time_zone: z.string().optional(),
      local_time: z.string().optional(),
      open: z.boolean().optional(),
      holiday: z.string().optional(),
      result: z.boolean(),
    }),
    frequency,
  })
  .meta({ id: 'Explanation' });

export type TimeOfDayView = z.output<typeof timeOfDay>;
export type Timing = z.output<typeof timing>;
