/**
 * AST -> canonical text. Short rules print on one line; longer ones (or ones with comments) put each
 * operand of the top-level `and` / `or` on its own line and each clause on its own line. Parentheses
 * appear only where precedence needs them (`not` binds tighter than `and`, which binds tighter than `or`).
 * `parse(print(rule))` equals `rule` for every rule in normal form (see ast.ts).
 */
import {
  MAX_NESTING,
  nestingDepth,
  type Comparison,
  type Condition,
  type Rule,
  type TimeOfDay,
  type Timing,
  type Value,
} from '../model/ast.ts';
import type { Catalog } from '../catalog/types.ts';
import { encodeNumber, encodeString } from './strings.ts';

/** Lines longer than this are broken. */
export const printWidth = 100;

const precedence: Record<Condition['kind'], number> = { or: 1, and: 2, not: 3, comparison: 4 };

/** Whether `child` needs parentheses under a parent of the given kind. */
function needsParentheses(parentKind: 'and' | 'or' | 'not', child: Condition): boolean {
  return precedence[child.kind] < precedence[parentKind];
}

function printValue(value: Value): string {
  switch (value.kind) {
    case 'string':
      return encodeString(value.value);
    case 'symbol':
      return value.name;
    case 'number':
      return encodeNumber(value.value);
    case 'boolean':
      return String(value.value);
    case 'list':
      return `[${value.items.map((item) => encodeString(item.value)).join(', ')}]`;
  }
}

function hasComments(condition: Condition): boolean {
  switch (condition.kind) {
    case 'comparison':
      return condition.comments !== undefined;
    case 'not':
      return hasComments(condition.operand);
    default:
      return condition.operands.some(hasComments);
  }
}

const pad = (indent: number) => ' '.repeat(indent);
const commentLine = (indent: number, text: string) => `${pad(indent)}# ${text}`;

/** How a catalog's rules are written back as text. */
export interface Printer {
  /**
   * The canonical text of a rule, ending with a newline.
   *
   * @example print(parse('when   visitor.page_url  contains "pricing"').rule!) // 'when visitor.page_url contains "pricing" once_per_visit\n'
   */
  print(rule: Rule): string;
  /**
   * The clauses after the condition, in canonical order. `anytime` (the default time of day) is left out;
   * the frequency is always written, since it is what admins most often need to see.
   *
   * @example printClauses(rule) // ['for 0:30', 'during business_hours', 'once_per_visit']
   */
  printClauses(rule: Rule): string[];
  /**
   * One condition on one line, without comments.
   *
   * @example printConditionInline(rule.condition) // 'visitor.page_url contains "pricing" and not device.language is "fr"'
   */
  printConditionInline(condition: Condition): string;
}

/**
 * The printer of a catalog (operators are written with its keywords).
 *
 * @example createPrinter(catalog).print(rule)
 */
export function createPrinter(catalog: Catalog): Printer {
  function printComparison(comparison: Comparison): string {
    const operator = catalog.operatorByName(comparison.operator);
    if (!operator) {
      throw new Error(
        `Cannot print the operator "${comparison.operator}": the catalog has ${catalog.operators.map((entry) => entry.name).join(', ')}.`,
      );
    }
    const key = comparison.key === undefined ? '' : `[${encodeString(comparison.key)}]`;
    return `${comparison.field}${key} ${operator.keyword} ${printValue(comparison.value)}`;
  }

  function printConditionInline(condition: Condition): string {
    switch (condition.kind) {
      case 'comparison':
        return printComparison(condition);
      case 'not':
        return `not ${wrapInline('not', condition.operand)}`;
      default:
        return condition.operands
          .map((operand) => wrapInline(condition.kind, operand))
          .join(` ${condition.kind} `);
    }
  }

  function wrapInline(parentKind: 'and' | 'or' | 'not', child: Condition): string {
    const text = printConditionInline(child);
    return needsParentheses(parentKind, child) ? `(${text})` : text;
  }

  /**
   * The inline width of a condition, or more than `budget` when it is wider or has comments (which force
   * line breaks). Stops measuring past the budget, so deciding where to break a line is linear overall.
   */
  function inlineWidth(condition: Condition, budget: number): number {
    if (condition.kind === 'comparison') {
      return condition.comments === undefined ? printComparison(condition).length : Infinity;
    }
    if (condition.kind === 'not') {
      const extra = needsParentheses('not', condition.operand) ? 6 : 4;
      return extra + inlineWidth(condition.operand, budget - extra);
    }
    const separator = condition.kind.length + 2;
    let width = -separator;
    for (const operand of condition.operands) {
      const extra = separator + (needsParentheses(condition.kind, operand) ? 2 : 0);
      width += extra + inlineWidth(operand, budget - width - extra);
      if (width > budget) return width;
    }
    return width;
  }

  function fitsInline(condition: Condition, indent: number): boolean {
    const budget = printWidth - indent - 4;
    return inlineWidth(condition, budget) <= budget;
  }

  /**
   * Comments that must go on their own lines before the line where an operand starts: those of its first
   * comparison, unless the operand is parenthesised (they then go inside, after the `(`).
   */
  function leadingComments(parentKind: 'and' | 'or' | 'not', operand: Condition): readonly string[] {
    let node = operand;
    let parent = parentKind;
    while (!needsParentheses(parent, node)) {
      if (node.kind === 'comparison') return node.comments?.before ?? [];
      parent = node.kind;
      node = node.kind === 'not' ? node.operand : (node.operands[0] as Condition);
    }
    return [];
  }

  /**
   * Writes a condition's lines into `out`, the first one after `prefix`. Its leading comments are the
   * caller's to write (see {@link leadingComments}).
   */
  function render(condition: Condition, indent: number, prefix: string, out: string[]): void {
    if (condition.kind === 'comparison') {
      const after = condition.comments?.after;
      out.push(prefix + printComparison(condition) + (after === undefined ? '' : ` # ${after}`));
      return;
    }
    if (fitsInline(condition, indent)) {
      out.push(prefix + printConditionInline(condition));
      return;
    }
    if (condition.kind === 'not') {
      renderOperand('not', condition.operand, indent, `${prefix}not `, out);
      return;
    }
    condition.operands.forEach((operand, index) => {
      if (index === 0) {
        renderOperand(condition.kind, operand, indent, prefix, out);
        return;
      }
      for (const text of leadingComments(condition.kind, operand)) out.push(commentLine(indent, text));
      renderOperand(condition.kind, operand, indent, `${pad(indent)}${condition.kind} `, out);
    });
  }

  function renderOperand(
    parentKind: 'and' | 'or' | 'not',
    operand: Condition,
    indent: number,
    prefix: string,
    out: string[],
  ): void {
    if (!needsParentheses(parentKind, operand)) {
      render(operand, indent, prefix, out);
    } else if (fitsInline(operand, indent)) {
      out.push(`${prefix}(${printConditionInline(operand)})`);
    } else {
      out.push(`${prefix}(`);
      for (const text of leadingComments('or', operand)) out.push(commentLine(indent + 2, text));
      render(operand, indent + 2, pad(indent + 2), out);
      out.push(`${pad(indent)})`);
    }
  }

  function printTiming(timing: Timing): string | null {
    const duration = (minutes: number, seconds: number) => `${minutes}:${String(seconds).padStart(2, '0')}`;
    switch (timing.kind) {
      case 'page_load':
        return null;
      case 'on_page':
        return `for ${duration(timing.minutes, timing.seconds)}`;
      case 'on_site':
        return `for ${duration(timing.minutes, timing.seconds)} on_site`;
      case 'idle':
        return `on idle ${duration(timing.minutes, timing.seconds)}`;
      case 'exit_intent':
        return 'on exit_intent';
      case 'scroll':
        return `on scroll ${timing.percent}%`;
      case 'custom':
        return `on event ${encodeString(timing.name)}`;
    }
  }

  function printTimeOfDay(timeOfDay: TimeOfDay): string | null {
    if (timeOfDay.kind === 'anytime') return null;
    const schedule = timeOfDay.schedule === null ? '' : ` ${encodeString(timeOfDay.schedule)}`;
    return `${timeOfDay.kind} business_hours${schedule}`;
  }

  function printClauses(rule: Rule): string[] {
    const tags = rule.tags.length > 0 ? `tag ${rule.tags.map(encodeString).join(', ')}` : null;
    return [printTiming(rule.timing), printTimeOfDay(rule.timeOfDay), rule.frequency, tags].filter(
      (clause): clause is string => clause !== null,
    );
  }

  function print(rule: Rule): string {
    if (nestingDepth(rule.condition) > MAX_NESTING) {
      throw new Error(
        `Cannot print a condition nested more than ${MAX_NESTING} levels deep; validate the rule first (code too-deep).`,
      );
    }
    const lines = (rule.comments?.before ?? []).map((text) => commentLine(0, text));
    const clauses = printClauses(rule);
    const conditionWidth = hasComments(rule.condition) ? Infinity : inlineWidth(rule.condition, printWidth);
    const clausesWidth = clauses.reduce((width, clause) => width + 1 + clause.length, 0);
    if (5 + conditionWidth + clausesWidth <= printWidth) {
      lines.push(['when', printConditionInline(rule.condition), ...clauses].join(' '));
    } else {
      const leading = leadingComments('or', rule.condition);
      if (leading.length > 0) {
        lines.push('when');
        for (const text of leading) lines.push(commentLine(2, text));
        render(rule.condition, 2, '  ', lines);
      } else {
        render(rule.condition, 2, 'when ', lines);
      }
      for (const clause of clauses) lines.push(clause);
    }
    for (const text of rule.comments?.end ?? []) lines.push(commentLine(0, text));
    return `${lines.join('\n')}\n`;
  }

  return { print, printClauses, printConditionInline };
}
