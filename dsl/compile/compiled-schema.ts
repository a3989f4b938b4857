/**
 * The zod schema of the compiled wire form: the server checks what it stores and serves with it. Built
 * from a catalog (fields, their match kinds and operators, frequencies, duration limits). The evaluator
 * must not import this file (zod stays out of the widget).
 */
import { z } from 'zod';
import type { Catalog, FieldEntry } from '../catalog/types.ts';
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
  const matchKinds = [...new Set(fields.map((field) => field.match))] as [string, ...string[]];
  const operatorNames = operators.map((operator) => operator.name) as [string, ...string[]];

  const comparisonSchema = z
    .strictObject({
      t: z.literal('cmp'),
      field: z.enum(fields.map((field) => field.name) as [string, ...string[]]),
      match: z.enum(matchKinds),
      op: z.enum(operatorNames),
      values: z.array(z.string()).min(1, 'needs at least one value'),
    })
    .superRefine((comparison, context) => {
      // Refinements run only once the shape is valid, so the field is a catalog field here.
      const field = fieldByName(comparison.field) as FieldEntry;
      if (field.match !== comparison.match) {
        context.addIssue({
          code: 'custom',
          path: ['match'],
          message: `${field.name} is matched as "${field.match}"`,
        });
      }
      if (!(field.operators as readonly string[]).includes(comparison.op)) {
        context.addIssue({
          code: 'custom',
          path: ['op'],
          message: `${field.name} allows ${field.operators.join(', ')}, not ${comparison.op}`,
        });
      }
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
