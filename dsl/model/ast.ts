/**
 * The rule AST: THE model of a proactive message's rule. The parser produces it, the visual builder edits
 * it, the printer turns it back into canonical text, and the compiler turns it into the wire form.
 *
 * It is plain JSON (no classes, no `undefined` values that matter): `JSON.parse(JSON.stringify(rule))`
 * gives an equal rule. Source ranges are optional and ignored by {@link rulesEqual}.
 *
 * Normal form (what the parser emits and every producer must keep):
 * - `and` / `or` nodes have at least two operands, and no operand has the same kind as its parent
 *   (`(a and b) and c` is `and[a, b, c]`);
 * - comments sit on comparisons (before / after) and on the rule (before `when`, at the end);
 * - tags are lower-case and unique;
 * - optional members (`range`, `comments`) are absent rather than `undefined`.
 */

import type { builtinFrequencies, builtinOperators } from '../catalog/catalog.ts';

/** Offsets into the source text, `end` exclusive. */
export interface SourceRange {
  start: number;
  end: number;
}

/**
 * Comments that belong to a comparison: whole-line comments written just before it (`before`), and one
 * comment at the end of its line (`after`). The text excludes the leading `#` and one following space.
 */
export interface Comments {
  before?: string[];
  after?: string;
}

/** Comments of the whole rule: above `when` (`before`), and after the condition's last comparison (`end`). */
export interface RuleComments {
  before?: string[];
  end?: string[];
}

interface NodeBase {
  range?: SourceRange;
}

/** The built-in catalog's operator names. */
export type BuiltinOperatorName = (typeof builtinOperators)[number]['name'];

/**
 * The comparison operators, by their AST names: the built-in ones, or one an extended catalog's kind
 * brings (`string & {}` keeps editors offering the built-in names). The catalog says which field allows which.
 */
export type OperatorName = BuiltinOperatorName | (string & {});

/** A double-quoted string: `"pricing"`. `value` is the decoded text. */
export interface StringValue extends NodeBase {
  kind: 'string';
  value: string;
}

/** A list of strings: `["pricing", "plans"]`. */
export interface ListValue extends NodeBase {
  kind: 'list';
  items: StringValue[];
}

/** A bare catalog symbol: `new_user`, `returning_user`. */
export interface SymbolValue extends NodeBase {
  kind: 'symbol';
  name: string;
}

/** A number: `3`, `-2`, `12.5` (finite; written without exponent). */
export interface NumberValue extends NodeBase {
  kind: 'number';
  value: number;
}

/** `true` or `false`. */
export interface BooleanValue extends NodeBase {
  kind: 'boolean';
  value: boolean;
}

export type Value = StringValue | ListValue | SymbolValue | NumberValue | BooleanValue;

/**
 * `field operator value`, e.g. `visitor.page_url contains "pricing"`. `field` is the dotted name as
 * written; a keyed field names its key in brackets, `visitor.attributes["plan"] is "pro"`, which is
 * `field: 'visitor.attributes'` with `key: 'plan'`.
 */
export interface Comparison extends NodeBase {
  kind: 'comparison';
  field: string;
  /** The key of a keyed field (`visitor.query["ref"]`), decoded. */
  key?: string;
  /** Where the key's string was written (like `range`, ignored by equality). */
  keyRange?: SourceRange;
  operator: OperatorName;
  value: Value;
  comments?: Comments;
}

export interface AndCondition extends NodeBase {
  kind: 'and';
  operands: Condition[];
}

export interface OrCondition extends NodeBase {
  kind: 'or';
  operands: Condition[];
}

export interface NotCondition extends NodeBase {
  kind: 'not';
  operand: Condition;
}

export type Condition = Comparison | AndCondition | OrCondition | NotCondition;

/**
 * When the conditions are checked (the trigger; one per rule): on page load (none written), after
 * `for M:SS` on the page, `for M:SS on_site` on the site, `on exit_intent`, `on scroll N%`,
 * `on idle M:SS`, or `on event "name"` (a custom event the site tracks).
 */
export type Timing =
  | { kind: 'page_load'; range?: SourceRange }
  | { kind: 'on_page' | 'on_site' | 'idle'; minutes: number; seconds: number; range?: SourceRange }
  | { kind: 'exit_intent'; range?: SourceRange }
  | { kind: 'scroll'; percent: number; range?: SourceRange }
  | { kind: 'custom'; name: string; range?: SourceRange };

/**
 * Time of day. `schedule: null` means the channel's own business-hours schedule; a string names another
 * schedule (`during business_hours "EMEA support"`).
 */
export type TimeOfDay =
  | { kind: 'anytime'; range?: SourceRange }
  | { kind: 'during' | 'outside'; schedule: string | null; range?: SourceRange };

/** How often a message may show: the names of the catalog's frequencies. */
export type Frequency = (typeof builtinFrequencies)[number]['name'];

/** One rule: `when <condition> [trigger] [time of day] [frequency] [tag "a", "b"]`. */
export interface Rule extends NodeBase {
  kind: 'rule';
  condition: Condition;
  timing: Timing;
  timeOfDay: TimeOfDay;
  frequency: Frequency;
  /** Lower-case, unique, in written order. */
  tags: string[];
  comments?: RuleComments;
  /** Where each tag was written (parallel to `tags`); like `range`, ignored by equality. */
  tagRanges?: SourceRange[];
}

/** Keys that locate a node in its source text rather than describe it. */
const locationKeys = new Set(['range', 'tagRanges', 'keyRange']);

/**
 * Structural equality of two AST values, ignoring source ranges.
 *
 * @example rulesEqual(parse('when a.b is "x"').rule, parse('when  a.b is "x" # hi').rule) // false: comments count
 */
export function rulesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => rulesEqual(item, b[index]));
  }
  const keysOf = (value: object) =>
    Object.keys(value).filter(
      (key) => !locationKeys.has(key) && (value as Record<string, unknown>)[key] !== undefined,
    );
  const aKeys = keysOf(a);
  const bKeys = keysOf(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) =>
    rulesEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/**
 * A copy of an AST value without source ranges: what the server stores and what tests compare.
 *
 * @example withoutRanges(parse('when visitor.page_url is "x"').rule)
 */
export function withoutRanges<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, inner: unknown) => (locationKeys.has(key) ? undefined : inner)),
  ) as T;
}

/**
 * All comparisons of a condition, in text order.
 *
 * @example comparisonsOf(rule.condition).map((comparison) => comparison.field) // ['visitor.page_url', 'device.language']
 */
export function comparisonsOf(condition: Condition): Comparison[] {
  const found: Comparison[] = [];
  gatherComparisons(condition, found);
  return found;
}

function gatherComparisons(condition: Condition, found: Comparison[]): void {
  if (condition.kind === 'comparison') found.push(condition);
  else if (condition.kind === 'not') gatherComparisons(condition.operand, found);
  else for (const operand of condition.operands) gatherComparisons(operand, found);
}

/**
 * How deep a condition may nest: parentheses and `not` count one level each, as the rule text writes them.
 * Deeper rules are refused with a `too-deep` diagnostic (text) or a schema error (AST JSON), so nothing
 * downstream (validator, printer, compiler, evaluator) can run out of stack.
 */
export const MAX_NESTING = 64;

/** Whether a child is a parenthesised group under its parent (`or` under `and`; `and` / `or` under `not`). */
function isGroup(child: unknown, parentKind: 'and' | 'not'): boolean {
  const kind = (child as { kind?: unknown } | null)?.kind;
  return kind === 'or' || (parentKind === 'not' && kind === 'and');
}

/**
 * The nesting of a condition as its canonical text writes it: one level per `not` and per parenthesised
 * group (an `or` inside an `and`, an `and` / `or` after `not`). Reads any JSON safely and stops counting
 * past `limit`, so a hostile AST 100,000 levels deep costs `limit` steps and no stack.
 *
 * @example nestingDepth(parse('when not (a.b is "x" or a.c is "y")').rule!.condition) // 2
 */
export function nestingDepth(condition: unknown, limit = MAX_NESTING): number {
  const node = condition as { kind?: unknown; operand?: unknown; operands?: unknown } | null;
  if (typeof node !== 'object' || node === null || limit < 0) return 0;
  if (node.kind === 'not') {
    const levels = 1 + (isGroup(node.operand, 'not') ? 1 : 0);
    return levels + nestingDepth(node.operand, limit - levels);
  }
  if ((node.kind !== 'and' && node.kind !== 'or') || !Array.isArray(node.operands)) return 0;
  let deepest = 0;
  for (const operand of node.operands) {
    const levels = node.kind === 'and' && isGroup(operand, 'and') ? 1 : 0;
    deepest = Math.max(deepest, levels + nestingDepth(operand, limit - levels));
    if (deepest > limit) break;
  }
  return deepest;
}
