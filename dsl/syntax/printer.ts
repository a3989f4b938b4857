/**
 * AST -> canonical text. Short rules print on one line; longer ones (or ones with comments) put each
 * operand of the top-level `and` / `or` on its own line and each clause on its own line. Parentheses
 * appear only where precedence needs them (`not` binds tighter than `and`, which binds tighter than `or`).
 * `parse(print(rule))` equals `rule` for every rule in normal form (see ast.ts).
 */
import type { Comparison, Condition, Rule, TimeOfDay, Timing, Value } from '../model/ast.ts';
import type { Catalog } from '../catalog/types.ts';
import { encodeString } from './strings.ts';

/** Lines longer than this are broken. */
export const printWidth = 100;

const precedence: Record<Condition['kind'], number> = { or: 1, and: 2, not: 3, comparison: 4 };

/** Whether `child` needs parentheses under a parent of the given kind. */
function needsParentheses(parentKind: 'and' | 'or' | 'not', child: Condition): boolean {
  return precedence[child.kind] < precedence[parentKind];
}

function printValue(value: Value): string {
  if (value.kind === 'string') return encodeString(value.value);
  if (value.kind === 'symbol') return value.name;
  return `[${value.items.map((item) => encodeString(item.value)).join(', ')}]`;
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

/** Lines of a condition: `lines[0]` continues the current line, the rest are whole lines. */
interface Block {
  /** Comments that must go on their own lines before the line where the block starts. */
  leading: string[];
  lines: string[];
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
    return `${comparison.field} ${operator.keyword} ${printValue(comparison.value)}`;
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

  function fitsInline(condition: Condition, indent: number): boolean {
    return !hasComments(condition) && indent + 4 + printConditionInline(condition).length <= printWidth;
  }

  function render(condition: Condition, indent: number): Block {
    if (condition.kind === 'comparison') {
      const after = condition.comments?.after;
      return {
        leading: condition.comments?.before ?? [],
        lines: [printComparison(condition) + (after === undefined ? '' : ` # ${after}`)],
      };
    }
    if (fitsInline(condition, indent)) return { leading: [], lines: [printConditionInline(condition)] };
    if (condition.kind === 'not') {
      const operand = renderOperand('not', condition.operand, indent);
      return { leading: operand.leading, lines: [`not ${operand.lines[0]}`, ...operand.lines.slice(1)] };
    }
    const [head, ...rest] = condition.operands.map((operand) =>
      renderOperand(condition.kind, operand, indent),
    );
    const lines = [...(head as Block).lines];
    for (const operand of rest) {
      lines.push(...operand.leading.map((text) => commentLine(indent, text)));
      lines.push(`${pad(indent)}${condition.kind} ${operand.lines[0]}`, ...operand.lines.slice(1));
    }
    return { leading: (head as Block).leading, lines };
  }

  function renderOperand(parentKind: 'and' | 'or' | 'not', operand: Condition, indent: number): Block {
    if (!needsParentheses(parentKind, operand)) return render(operand, indent);
    if (fitsInline(operand, indent)) return { leading: [], lines: [`(${printConditionInline(operand)})`] };
    const body = render(operand, indent + 2);
    return {
      leading: [],
      lines: [
        '(',
        ...body.leading.map((text) => commentLine(indent + 2, text)),
        `${pad(indent + 2)}${body.lines[0]}`,
        ...body.lines.slice(1),
        `${pad(indent)})`,
      ],
    };
  }

  function printTiming(timing: Timing): string | null {
    if (timing.kind === 'page_load') return null;
    return `for ${timing.minutes}:${String(timing.seconds).padStart(2, '0')}`;
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
    const lines = (rule.comments?.before ?? []).map((text) => commentLine(0, text));
    const clauses = printClauses(rule);
    const singleLine = ['when', printConditionInline(rule.condition), ...clauses].join(' ');
    if (!hasComments(rule.condition) && singleLine.length <= printWidth) {
      lines.push(singleLine);
    } else {
      const block = render(rule.condition, 2);
      if (block.leading.length > 0) {
        lines.push('when', ...block.leading.map((text) => commentLine(2, text)), `  ${block.lines[0]}`);
      } else {
        lines.push(`when ${block.lines[0]}`);
      }
      lines.push(...block.lines.slice(1), ...clauses);
    }
    lines.push(...(rule.comments?.end ?? []).map((text) => commentLine(0, text)));
    return `${lines.join('\n')}\n`;
  }

  return { print, printClauses, printConditionInline };
}
