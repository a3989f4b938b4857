/**
 * The compiler: rule AST -> compiled wire form (see compiled.ts). Values are normalised here, once, the
 * same way the evaluator prepares context values (evaluate/text.ts), so evaluation does no preparation of
 * rule values.
 */
import type { Condition, Rule, Value } from '../model/ast.ts';
import { fieldByName, type MatchKind } from '../catalog/catalog.ts';
import { COMPILED_VERSION, type CompiledCondition, type CompiledRule } from './compiled.ts';
import { lineColumnAt, type Diagnostic } from '../model/diagnostic.ts';
import { canonicalLanguage, foldCase } from '../runtime/text.ts';
import { validate } from '../check/validator.ts';

/** Thrown by {@link compile} for a rule with errors; `diagnostics` holds them. */
export class CompileError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[], source?: string) {
    const lines = diagnostics.map((diagnostic) => {
      const where =
        source === undefined
          ? `${diagnostic.range.start}-${diagnostic.range.end}`
          : `${lineColumnAt(source, diagnostic.range.start).line}:${lineColumnAt(source, diagnostic.range.start).column}`;
      return `  ${where} ${diagnostic.code}: ${diagnostic.message}`;
    });
    super(`Cannot compile a rule with errors; fix these first:\n${lines.join('\n')}`);
    this.name = 'CompileError';
    this.diagnostics = diagnostics;
  }
}

const normalisers: Record<MatchKind, (value: string) => string> = {
  text: foldCase,
  language: (value) => canonicalLanguage(value) ?? value.toLowerCase(),
  symbol: (value) => value,
};

function valuesOf(value: Value): string[] {
  if (value.kind === 'list') return value.items.map((item) => item.value);
  return [value.kind === 'string' ? value.value : value.name];
}

function compileCondition(condition: Condition): CompiledCondition {
  switch (condition.kind) {
    case 'and':
    case 'or':
      return { t: condition.kind, of: condition.operands.map(compileCondition) };
    case 'not':
      return { t: 'not', of: compileCondition(condition.operand) };
    case 'comparison': {
      const match = (fieldByName(condition.field) as { match: MatchKind }).match;
      const values = [...new Set(valuesOf(condition.value).map(normalisers[match]))];
      return { t: 'cmp', field: condition.field, match, op: condition.operator, values };
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
export function compile(rule: Rule, source?: string): CompiledRule {
  const errors = validate(rule).filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new CompileError(errors, source);
  const { timing, timeOfDay } = rule;
  return {
    v: COMPILED_VERSION,
    when: compileCondition(rule.condition),
    event:
      timing.kind === 'page_load'
        ? { type: 'page_load' }
        : { type: 'on_page', seconds: timing.minutes * 60 + timing.seconds },
    time_of_day:
      timeOfDay.kind === 'anytime'
        ? { mode: 'anytime' }
        : { mode: timeOfDay.kind, schedule: timeOfDay.schedule ?? 'default' },
    frequency: rule.frequency,
    tags: rule.tags.map((tag) => tag.toLowerCase()),
  };
}
