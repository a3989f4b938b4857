/**
 * The compiled rule: the small, versioned JSON the server sends to widgets. Produced by `compile()` from
 * the AST, validated on the server by `compiledRuleSchema` (zod), and turned into closures by the
 * evaluator. This file holds types only, so the widget can import it without pulling in anything else.
 *
 * Values are normalised at compile time by the field's kind (text lower-cased with Unicode-aware
 * folding, language tags canonicalised and lower-cased), so the evaluator does no per-check preparation of rule values.
 */
import type { builtinKinds } from '../kinds/builtin.ts';
import type { Frequency, OperatorName } from '../model/ast.ts';

/** The built-in kinds' names, or an extended catalog's (the evaluator is given their runtimes). */
export type MatchKindName = keyof typeof builtinKinds | (string & {});

/** Bumped whenever the meaning of the compiled form changes; evaluators refuse versions they do not know. */
export const COMPILED_VERSION = 1;

/** A compiled rule value: text for most kinds, a number or a boolean for the kinds of those. */
export type CompiledValue = string | number | boolean;

export type CompiledCondition =
  | { t: 'and'; of: CompiledCondition[] }
  | { t: 'or'; of: CompiledCondition[] }
  | { t: 'not'; of: CompiledCondition }
  | {
      t: 'cmp';
      /** Dotted context path, e.g. `visitor.page_url`. */
      field: string;
      /** For keyed fields, the key under the field: `visitor.attributes["plan"]` is `context.visitor.attributes.plan`. */
      key?: string;
      /** The match kind: how `values` compare at run time. */
      match: MatchKindName;
      op: OperatorName;
      /** Normalised values (of the kind's type); a single value is a one-item list. */
      values: CompiledValue[];
    };

/**
 * The event a rule waits for: the page loaded (no trigger), time on the page (`for M:SS`) or on the site
 * (`for M:SS on_site`), exit intent, a scroll depth, idle time, or a custom event the site tracks.
 */
export type CompiledEvent =
  | { type: 'page_load' }
  | { type: 'on_page'; seconds: number }
  | { type: 'on_site'; seconds: number }
  | { type: 'exit_intent' }
  | { type: 'scroll'; percent: number }
  | { type: 'idle'; seconds: number }
  | { type: 'custom'; name: string };

/** `schedule` is the key in the context's `schedules` map: `default` for the channel's own. */
export type CompiledTimeOfDay = { mode: 'anytime' } | { mode: 'during' | 'outside'; schedule: string };

export interface CompiledRule {
  v: typeof COMPILED_VERSION;
  when: CompiledCondition;
  event: CompiledEvent;
  time_of_day: CompiledTimeOfDay;
  frequency: Frequency;
  tags: string[];
}
