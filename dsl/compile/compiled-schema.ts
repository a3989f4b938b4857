/**
 * The zod schema of the compiled wire form: the server checks what it stores and serves with it. Built
 * from a catalog (fields, their match kinds and operators, frequencies, duration limits). The evaluator
 * must not import this file (zod stays out of the widget).
 */
import { z } from 'zod';
import type { Catalog, EventEntry, FieldEntry } from '../catalog/types.ts';
import type { AnyMatchKind } from '../kinds/kind.ts';
import { COMPILED_VERSION, type CompiledCondition, type CompiledRule } from './compiled.ts';

/** The compiled-rule schemas of one catalog. */
export interface CompiledSchemas {
  /** A compiled condition tree node. */
  compiledConditionSchema: z.ZodType<CompiledCondition>;
  /** The whole compiled rule, version included. */
  compiledRuleSchema: z.ZodType<CompiledRule>;
}

/**
 * The compiled-rule schemas of a catalog.
 *
 * @example createCompiledSchemas(catalog).compiledRuleSchema.parse(json)
 */
export function createCompiledSchemas(catalog: Catalog): CompiledSchemas {
  const { fields, frequencies, onPageSeconds, operators } = catalog;
  const fieldByName = (name: string) => catalog.fieldByName(name);
  /** The kinds a field's comparisons may compile to: its own, and those its kind compiles to. */
  const matchesOf = (field: FieldEntry) => [field.match, ...(catalog.kindOf(field).compilesTo ?? [])];
  const matchKinds = [...new Set(fields.flatMap(matchesOf))] as [string, ...string[]];
  const operatorNames = operators.map((operator) => operator.name) as [string, ...string[]];
  // The catalog gives every trigger that waits its limits.
  const secondsOf = (type: string) =>
    (catalog.events.find((event) => event.name === type) as EventEntry).seconds as typeof onPageSeconds;

  const comparisonSchema = z
    .strictObject({
      t: z.literal('cmp'),
      field: z.enum(fields.map((field) => field.name) as [string, ...string[]]),
      key: z.string().min(1, 'a key is not empty').optional(),
      match: z.enum(matchKinds),
      op: z.enum(operatorNames),
      values: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1, 'needs at least one value'),
    })
    .superRefine((comparison, context) => {
      // Refinements run only once the shape is valid, so the field is a catalog field here.
      const field = fieldByName(comparison.field) as FieldEntry;
      const issue = (path: string, message: string) =>
        context.addIssue({ code: 'custom', path: [path], message });
      const matches = matchesOf(field);
      if (!matches.includes(comparison.match)) {
        issue('match', `${field.name} is matched as ${matches.map((name) => `"${name}"`).join(' or ')}`);
        return;
      }
      const kind = catalog.kinds[comparison.match] as AnyMatchKind;
      if (!(field.operators as readonly string[]).includes(comparison.op)) {
        issue('op', `${field.name} allows ${field.operators.join(', ')}, not ${comparison.op}`);
      } else if (!kind.operators.includes(comparison.op)) {
        issue('op', `the ${kind.name} kind allows ${kind.operators.join(', ')}, not ${comparison.op}`);
      }
      const type = kind.runtime.type ?? 'string';
      if (comparison.values.some((value) => typeof value !== type)) {
        issue('values', `${kind.name} values are ${type}s`);
      }
      if (field.key && comparison.key === undefined) issue('key', `${field.name} needs a key`);
      if (!field.key && comparison.key !== undefined) issue('key', `${field.name} has no keys`);
    });

  const compiledConditionSchema: z.ZodType<CompiledCondition> = z.lazy(() =>
    z.union([
      comparisonSchema,
      z.strictObject({ t: z.enum(['and', 'or']), of: z.array(compiledConditionSchema).min(1) }),
      z.strictObject({ t: z.literal('not'), of: compiledConditionSchema }),
    ]),
  ) as z.ZodType<CompiledCondition>;

  const compiledRuleSchema: z.ZodType<CompiledRule> = z.strictObject({
    v: z.literal(COMPILED_VERSION, {
      error: `unsupported compiled version (this server writes version ${COMPILED_VERSION})`,
    }),
    when: compiledConditionSchema,
    event: z.union([
      z.strictObject({ type: z.literal('page_load') }),
      z.strictObject({
        type: z.literal('on_page'),
        seconds: z.int().min(onPageSeconds.min).max(onPageSeconds.max),
      }),
      ...(['on_site', 'idle'] as const).map((type) =>
        z.strictObject({
          type: z.literal(type),
          seconds: z.int().min(secondsOf(type).min).max(secondsOf(type).max),
        }),
      ),
      z.strictObject({ type: z.literal('exit_intent') }),
      z.strictObject({ type: z.literal('scroll'), percent: z.int().min(1).max(100) }),
      z.strictObject({ type: z.literal('custom'), name: z.string().min(1) }),
    ]),
    time_of_day: z.union([
      z.strictObject({ mode: z.literal('anytime') }),
      z.strictObject({ mode: z.enum(['during', 'outside']), schedule: z.string().min(1) }),
    ]),
    frequency: z.enum(
      frequencies.map((frequency) => frequency.name) as [
        CompiledRule['frequency'],
        ...CompiledRule['frequency'][],
      ],
    ),
    tags: z.array(z.string().regex(/^[^\sA-Z]+$/, 'tags are lower-case and contain no whitespace')),
  }) as z.ZodType<CompiledRule>;
  return { compiledConditionSchema, compiledRuleSchema };
}
