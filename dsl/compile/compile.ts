/**
 * The compiler: rule AST -> compiled wire form (see compiled.ts). Each value is normalised here, once, by
 * its field's kind (`compileValue`), the same way the kind's runtime prepares context values, so
 * evaluation does no preparation of rule values.
 */
import type { Catalog, FieldEntry } from '../catalog/types.ts';
import type { Validate } from '../check/validator.ts';
import type { Condition, Rule, Timing, Value } from '../model/ast.ts';
import { createLineIndex, type Diagnostic } from '../model/diagnostic.ts';
import {
  COMPILED_VERSION,
  type CompiledCondition,
  type CompiledEvent,
  type CompiledRule,
} from './compiled.ts';

/** Thrown by {@link compile} for a rule with errors; `diagnostics` holds them. */
export class CompileError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[], source?: string) {
    const lineOf = source === undefined ? undefined : createLineIndex(source);
    const lines = diagnostics.map((diagnostic) => {
      const at = lineOf?.(diagnostic.range.start);
      const where = at ? `${at.line}:${at.column}` : `${diagnostic.range.start}-${diagnostic.range.end}`;
      return `  ${where} ${diagnostic.code}: ${diagnostic.message}`;
    });
    super(`Cannot compile a rule with errors; fix these first:\n${lines.join('\n')}`);
    this.name = 'CompileError';
    this.diagnostics = diagnostics;
  }
}

function valuesOf(value: Value): (string | number | boolean)[] {
  if (value.kind === 'list') return value.items.map((item) => item.value);
  return [value.kind === 'symbol' ? value.name : value.value];
}

/** The compiled event of a rule's trigger (page load and `for M:SS` as they always were). */
function compileEvent(timing: Timing): CompiledEvent {
  switch (timing.kind) {
    case 'page_load':
    case 'exit_intent':
      return { type: timing.kind };
    case 'on_page':
    case 'on_site':
    case 'idle':
      return { type: timing.kind, seconds: timing.minutes * 60 + timing.seconds };
    case 'scroll':
      return { type: 'scroll', percent: timing.percent };
    case 'custom':
      return { type: 'custom', name: timing.name };
  }
}

/**
 * The compiler of a catalog; `validate` is the same catalog's validator (a rule with errors is refused).
 *
 * @example createCompiler(catalog, createValidator(catalog))(rule).when.t // 'cmp'
 */
export function createCompiler(
  catalog: Catalog,
  validate: Validate,
): (rule: Rule, source?: string) => CompiledRule {
  function compileCondition(condition: Condition): CompiledCondition {
    switch (condition.kind) {
      case 'and':
      case 'or':
        return { t: condition.kind, of: condition.operands.map(compileCondition) };
      case 'not':
        return { t: 'not', of: compileCondition(condition.operand) };
      case 'comparison': {
        // The rule validated, so its fields are the catalog's.
        const field = catalog.fieldByName(condition.field) as FieldEntry;
        const kind = catalog.kindOf(field);
        const values = [...new Set(valuesOf(condition.value).map((value) => kind.compileValue(value)))];
        const match = kind.compiledMatch?.(condition.value) ?? field.match;
        const key = condition.key === undefined ? {} : { key: condition.key };
        return { t: 'cmp', field: field.name, ...key, match, op: condition.operator, values };
      }
    }
  }

  /**
   * Compiles a valid rule to its wire form. Throws a {@link CompileError} listing the problems when the rule
   * has errors (warnings are fine). Pass the rule's source text to get line:column positions in the message.
   *
   * @example compile(parse('when visitor.page_url contains "Pricing" for 0:30').rule!).when
   * // { t: 'cmp', field: 'visitor.page_url', match: 'text', op: 'contains', values: ['pricing'] }
   */
  return function compile(rule: Rule, source?: string): CompiledRule {
    const errors = validate(rule).filter((diagnostic) => diagnostic.severity === 'error');
    if (errors.length > 0) throw new CompileError(errors, source);
    const { timeOfDay } = rule;
    return {
      v: COMPILED_VERSION,
      when: compileCondition(rule.condition),
      event: compileEvent(rule.timing),
      time_of_day:
        timeOfDay.kind === 'anytime'
          ? { mode: 'anytime' }
          : { mode: timeOfDay.kind, schedule: timeOfDay.schedule ?? 'default' },
      frequency: rule.frequency,
      tags: rule.tags.map((tag) => tag.toLowerCase()),
    };
  };
}
