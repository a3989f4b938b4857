/**
 * `/api/v1/dsl/*`: the rule language as a service (check, format, explain).
 */
import { z } from 'zod';
import { id, text } from './common.ts';
import { diagnostic, explanation, frequency, ruleAst } from './rule.ts';

export const dslSource = z.strictObject({ source: text(100_000), channel_id: id.optional() });

/** The context is checked by the rule language's own context schema (`parseContext`), as the CLI does. */
export const dslExplain = z.strictObject({
  source: text(100_000),
  context: z.unknown().meta({ description: 'The visitor context JSON of `proactive eval --context`.' }),
});

export const dslCheckResult = z.object({
  valid: z.boolean(),
  diagnostics: z.array(diagnostic),
  rule: ruleAst.nullable(),
});
export const dslFormatResult = z.object({
  text: z.string(),
  changed: z.boolean(),
  diagnostics: z.array(diagnostic),
});
export const dslExplainResult = z.object({
  fires: z.boolean(),
  explain: explanation,
  frequency,
  tags: z.array(z.string()),
  diagnostics: z.array(diagnostic),
});

export type DslCheckResult = z.infer<typeof dslCheckResult>;
export type DslFormatResult = z.infer<typeof dslFormatResult>;
export type DslExplainResult = z.infer<typeof dslExplainResult>;
