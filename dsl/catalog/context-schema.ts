/**
 * The zod schema of the visitor context JSON (CLI `eval --context`, API `/dsl/explain`), built from a
 * catalog (each field's value schema comes from its kind), with messages that say where and what:
 * `context.event.seconds: expected a number, got "40"`. The context's TypeScript type is inferred from it
 * (catalog/context.ts). The evaluator itself never needs it (it tolerates anything); this is for telling
 * people what to fix.
 */
import { z } from 'zod';
import { catalog as builtinCatalog } from './catalog.ts';
import type { ContextEvent, ContextOf } from './context.ts';
import type { Catalog } from './types.ts';

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

/** A schedule: `strict` refuses unknown fields (to report them), otherwise they are dropped. */
function buildScheduleSchema(strict: boolean) {
  const shape = (strict ? z.strictObject : z.object) as typeof z.object;
  return shape({
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
      }).refine((interval) => interval.open !== interval.close || !TIME.test(interval.open), {
        path: ['close'],
        message:
          'opens and closes at the same time. For a whole day write open "00:00" and close "24:00"; for 24 hours from a time, split it at midnight (e.g. mon 09:00-24:00 and tue 00:00-09:00)',
      }),
    ),
    holidays: z
      .array(shape({ name: z.string(), date: z.string().refine(isDate, 'expected a date "YYYY-MM-DD"') }))
      .default([]),
  });
}

/**
 * The object whose fields live in the context's `event`: the properties of a custom event
 * (`event.properties["value"]` is `context.event.properties.value`).
 */
export const EVENT_OBJECT = 'event';

/** What each event type carries besides its type, and how the message about it reads. */
const eventParameters: Readonly<Record<string, { name: 'seconds' | 'percent' | 'name'; what: string }>> = {
  on_page: { name: 'seconds', what: 'seconds on the page' },
  on_site: { name: 'seconds', what: 'seconds on the site' },
  idle: { name: 'seconds', what: 'seconds without activity' },
  scroll: { name: 'percent', what: 'the percent of the page scrolled' },
  custom: { name: 'name', what: 'the name the site tracked' },
};

/**
 * Builds the context schema: `strict` refuses unknown fields (to report them), otherwise they are dropped.
 */
function buildContextSchema(catalog: Catalog, strict: boolean) {
  const shape = (strict ? z.strictObject : z.object) as typeof z.object;
  /** The fields of an object, by the part of their names after the dot; a keyed field holds one value per key. */
  const fieldsOf = (object: string) =>
    Object.fromEntries(
      catalog.fields
        .filter((field) => field.object === object)
        .map((field) => {
          const value = catalog.kindOf(field).contextValue(field);
          return [
            field.name.slice(object.length + 1),
            (field.key ? z.record(z.string(), value) : value).optional(),
          ];
        }),
    );
  const objectSchemas = Object.fromEntries(
    catalog.objects
      .filter((object) => object.name !== EVENT_OBJECT)
      .map((object) => [object.name, shape(fieldsOf(object.name)).default({})]),
  );

  const eventTypes = catalog.events.map((event) => event.name);
  const typesWith = (parameter: string) =>
    eventTypes.filter((type) => eventParameters[type]?.name === parameter);
  const eventSchema = shape({
    type: z.enum(eventTypes as [string, ...string[]]),
    seconds: z.number().min(0, 'expected seconds, 0 or more').optional(),
    percent: z
      .number()
      .min(0, 'expected a percent from 0 to 100')
      .max(100, 'expected a percent from 0 to 100')
      .optional(),
    name: z.string().optional(),
    ...fieldsOf(EVENT_OBJECT),
  }).superRefine((event, context) => {
    const expected = eventParameters[event.type];
    for (const parameter of ['seconds', 'percent', 'name'] as const) {
      if (expected?.name === parameter) {
        if (event[parameter] === undefined) {
          context.addIssue({
            code: 'custom',
            path: [parameter],
            message: `required for ${/^[aeiou]/.test(event.type) ? 'an' : 'a'} ${event.type} event: ${expected.what}`,
          });
        }
      } else if (event[parameter] !== undefined) {
        const types = typesWith(parameter);
        context.addIssue({
          code: 'custom',
          path: [parameter],
          message: `only ${types.slice(0, -1).join(', ')}${types.length > 1 ? ' and ' : ''}${types.at(-1)} events have ${parameter}`,
        });
      }
    }
  });

  return shape({
    ...objectSchemas,
    event: eventSchema as unknown as z.ZodType<ContextEvent>,
    now: z.iso
      .datetime({ offset: true, error: 'expected an ISO 8601 instant such as "2026-11-27T15:04:05Z"' })
      .optional(),
    schedules: z.record(z.string(), buildScheduleSchema(strict)).optional(),
  });
}

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

export type ContextParseResult<Context = ContextOf<Catalog>> =
  { ok: true; context: Context; warnings: string[] } | { ok: false; errors: string[]; warnings: string[] };

/** The context schemas of one catalog, and the parser that reports problems by place. */
export interface ContextSchemas<Context> {
  /** The whole context (unknown fields refused). `visitor` and `device` may be left out. */
  contextSchema: z.ZodType<Context>;
  /**
   * Checks a context JSON value; on failure, one message per problem, each naming its place.
   *
   * @example parseContext({ event: { type: 'on_page', seconds: '40' } })
   * // { ok: false, errors: ['context.event.seconds: expected a number, got "40"'] }
   */
  parseContext(value: unknown): ContextParseResult<Context>;
}

const built = new WeakMap<Catalog, ContextSchemas<unknown>>();

/**
 * The context schemas of a catalog (built once per catalog).
 *
 * @example createContextSchemas(extendCatalog(catalog, { fields: [referrer] })).parseContext(json)
 */
export function createContextSchemas<C extends Catalog>(catalog: C): ContextSchemas<ContextOf<C>> {
  const cached = built.get(catalog);
  if (cached) return cached as ContextSchemas<ContextOf<C>>;
  const strict = buildContextSchema(catalog, true);
  const lenient = buildContextSchema(catalog, false);
  const schemas: ContextSchemas<ContextOf<C>> = {
    contextSchema: strict as unknown as z.ZodType<ContextOf<C>>,
    parseContext(value) {
      const result = strict.safeParse(value, { error: errorMap });
      if (result.success) return { ok: true, context: result.data as ContextOf<C>, warnings: [] };
      const located = (issue: z.core.$ZodIssue) => `${pathText(issue.path)}: ${issue.message}`;
      // Unknown fields are likely typos: say so, but ignore them rather than refuse the context.
      const warnings = result.error.issues
        .filter((issue) => issue.code === 'unrecognized_keys')
        .map((issue) => `${located(issue)} (ignored)`);
      const errors = result.error.issues.filter((issue) => issue.code !== 'unrecognized_keys').map(located);
      if (errors.length > 0) return { ok: false, errors, warnings };
      return { ok: true, context: lenient.parse(value) as ContextOf<C>, warnings };
    },
  };
  built.set(catalog, schemas as ContextSchemas<unknown>);
  return schemas;
}

const builtinSchemas = createContextSchemas(builtinCatalog);

/** A business-hours schedule as the context carries it (unknown fields refused). */
export const scheduleSchema = buildScheduleSchema(true);

/** The whole context of the built-in catalog (unknown fields refused). `visitor` and `device` may be left out. */
export const contextSchema = builtinSchemas.contextSchema;

/**
 * Checks a context JSON value against the built-in catalog; on failure, one message per problem, each
 * naming its place.
 *
 * @example parseContext({ event: { type: 'on_page', seconds: '40' } })
 * // { ok: false, errors: ['context.event.seconds: expected a number, got "40"'] }
 */
export function parseContext(value: unknown): ContextParseResult<ContextOf<typeof builtinCatalog>> {
  return builtinSchemas.parseContext(value);
}
