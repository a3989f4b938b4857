/**
 * The zod schema of the visitor context JSON (CLI `eval --context`, API `/dsl/explain`), built from the
 * catalog, with messages that say where and what: `context.event.seconds: expected a number, got "40"`.
 * The evaluator itself never needs it (it tolerates anything); this is for telling people what to fix.
 */
import { z } from 'zod';
import { events, fields, objects, type FieldEntry } from './catalog.ts';
import type { RuleContext } from './context.ts';
import { canonicalLanguage } from '../runtime/text.ts';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Whether `Intl` knows the IANA time zone.
 *
 * @example isTimeZone('America/New_York') // true
 */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function fieldSchema(field: FieldEntry): z.ZodType {
  if (field.match === 'symbol') {
    return z.enum((field.symbols ?? []).map((symbol) => symbol.name) as [string, ...string[]]);
  }
  if (field.match === 'language') {
    return z
      .string()
      .refine(
        (tag) => canonicalLanguage(tag) !== null,
        'expected a BCP 47 language tag such as "fr" or "pt-BR"',
      );
  }
  return z.string();
}

/**
 * Builds the context schema: `strict` refuses unknown fields (to report them), otherwise they are dropped.
 */
function buildContextSchema(strict: boolean) {
  const shape = (strict ? z.strictObject : z.object) as typeof z.object;
  const objectSchemas = Object.fromEntries(
    objects.map((object) => [
      object.name,
      shape(
        Object.fromEntries(
          fields
            .filter((field) => field.object === object.name)
            .map((field) => [field.name.slice(object.name.length + 1), fieldSchema(field).optional()]),
        ),
      ).default({}),
    ]),
  );

  const eventSchema = shape({
    type: z.enum(events.map((event) => event.name) as [string, ...string[]]),
    seconds: z.number().min(0, 'expected seconds on the page, 0 or more').optional(),
  }).superRefine((event, context) => {
    if (event.type === 'on_page' && event.seconds === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['seconds'],
        message: 'required for an on_page event: seconds on the page',
      });
    }
    if (event.type === 'page_load' && event.seconds !== undefined) {
      context.addIssue({ code: 'custom', path: ['seconds'], message: 'only on_page events have seconds' });
    }
  });

  const scheduleSchema = shape({
    time_zone: z.string().refine(isTimeZone, 'expected an IANA time zone such as "America/New_York"'),
    intervals: z.array(
      shape({
        day: z.enum(WEEKDAYS),
        open: z.string().regex(TIME, 'expected a time "HH:MM" from 00:00 to 23:59'),
        close: z
          .string()
          .refine(
            (text) => text === '24:00' || TIME.test(text),
            'expected a time "HH:MM" from 00:00 to 24:00',
          ),
      }),
    ),
    holidays: z
      .array(shape({ name: z.string(), date: z.string().refine(isDate, 'expected a date "YYYY-MM-DD"') }))
      .default([]),
  });

  const contextSchema = shape({
    ...objectSchemas,
    event: eventSchema,
    now: z.iso
      .datetime({ offset: true, error: 'expected an ISO 8601 instant such as "2026-11-27T15:04:05Z"' })
      .optional(),
    schedules: z.record(z.string(), scheduleSchema).optional(),
  });
  return { contextSchema, scheduleSchema };
}

const strictSchemas = buildContextSchema(true);
const lenientSchemas = buildContextSchema(false);

/** A business-hours schedule as the context carries it (unknown fields refused). */
export const scheduleSchema = strictSchemas.scheduleSchema;

/** The whole context (unknown fields refused). `visitor` and `device` may be left out. */
export const contextSchema = strictSchemas.contextSchema;

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const errorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'required';
    const expected = issue.expected === 'record' ? 'object' : issue.expected;
    const article = /^[aeiou]/.test(expected) ? 'an' : 'a';
    return `expected ${article} ${expected}, got ${describeValue(issue.input)}`;
  }
  if (issue.code === 'invalid_value') {
    return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, got ${describeValue(issue.input)}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
  }
  return undefined;
};

function pathText(path: readonly PropertyKey[]): string {
  let text = 'context';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(String(segment))) text += `.${String(segment)}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

export type ContextParseResult =
  | { ok: true; context: RuleContext; warnings: string[] }
  | { ok: false; errors: string[]; warnings: string[] };

/**
 * Checks a context JSON value; on failure, one message per problem, each naming its place.
 *
 * @example parseContext({ event: { type: 'on_page', seconds: '40' } })
 * // { ok: false, errors: ['context.event.seconds: expected a number, got "40"'] }
 */
export function parseContext(value: unknown): ContextParseResult {
  const result = contextSchema.safeParse(value, { error: errorMap });
  if (result.success) return { ok: true, context: result.data as RuleContext, warnings: [] };
  const located = (issue: z.core.$ZodIssue) => `${pathText(issue.path)}: ${issue.message}`;
  // Unknown fields are likely typos: say so, but ignore them rather than refuse the context.
  const warnings = result.error.issues
    .filter((issue) => issue.code === 'unrecognized_keys')
    .map((issue) => `${located(issue)} (ignored)`);
  const errors = result.error.issues.filter((issue) => issue.code !== 'unrecognized_keys').map(located);
  if (errors.length > 0) return { ok: false, errors, warnings };
  const lenient = lenientSchemas.contextSchema.parse(value);
  return { ok: true, context: lenient as RuleContext, warnings };
}
