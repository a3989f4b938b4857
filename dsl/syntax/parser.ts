/**
 * Text -> AST. Lexes with the catalog's lexer, parses with its grammar (error recovery on, so one pass
 * reports every syntax error it can), then a typed CST visitor (node types generated into syntax/cst.d.ts)
 * builds the plain JSON AST and attaches comments. Operators and frequencies are read back through the
 * catalog: the words written are looked up, whatever tokens they are.
 */
import type { CstNode, ILexingResult, IToken } from 'chevrotain';
import type { Catalog, FieldEntry, TimeOfDayEntry } from '../catalog/types.ts';
import type {
  Comparison,
  Condition,
  Frequency,
  ListValue,
  OperatorName,
  Rule,
  SourceRange,
  StringValue,
  TimeOfDay,
  Timing,
  Value,
} from '../model/ast.ts';
import { createLineIndex, sortDiagnostics, type Diagnostic, type LineColumn } from '../model/diagnostic.ts';
import type {
  ClauseCstChildren,
  ComparisonCstChildren,
  ConjunctionCstChildren,
  DisjunctionCstChildren,
  FieldKeyCstChildren,
  FrequencyCstChildren,
  FrequencyCstNode,
  ICstNodeVisitor,
  OperatorCstChildren,
  RuleCstChildren,
  StringCstChildren,
  StringListCstChildren,
  TagsCstChildren,
  TagsCstNode,
  TimeOfDayCstChildren,
  TimeOfDayCstNode,
  TimingCstChildren,
  TimingCstNode,
  TriggerCstChildren,
  UnaryCstChildren,
  ValueCstChildren,
} from './cst.d.ts';
import { createGrammar, type RuleGrammar } from './grammar.ts';
import { createVocabulary, UnterminatedString, type Vocabulary } from './lexer.ts';
import { nestingProblem } from './nesting.ts';
import { createTypos } from './typos.ts';
import { decodeString } from './strings.ts';

export interface ParseResult {
  /** The AST, or null when the text has syntax errors. */
  rule: Rule | null;
  /** Syntax errors (code `syntax`, `unterminated-string`, `invalid-escape`, `duplicate-clause`, ...). */
  diagnostics: Diagnostic[];
}

/** A node as the parser builds it: always with its range. */
type Located<T> = T & { range: SourceRange };

function rangeOfToken(token: IToken): SourceRange {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

function tokensUnder(node: CstNode): IToken[] {
  return Object.values(node.children).flatMap((items) =>
    (items ?? []).flatMap((item) => ('children' in item ? tokensUnder(item) : [item])),
  );
}

/** The tokens of a node's children in text order (called for every operator: kept allocation-light). */
function tokensIn(children: Readonly<Record<string, IToken[] | undefined>>): IToken[] {
  const tokens: IToken[] = [];
  for (const key in children) {
    // Insertion in text order: a handful of tokens, and no sort's temporary arrays.
    for (const token of children[key] ?? []) {
      let at = tokens.length;
      tokens.push(token);
      for (; at > 0 && (tokens[at - 1] as IToken).startOffset > token.startOffset; at--) {
        tokens[at] = tokens[at - 1] as IToken;
      }
      tokens[at] = token;
    }
  }
  return tokens;
}

function first<T>(items: readonly T[] | undefined): T {
  return (items as readonly T[])[0] as T;
}

/** A clause and its node (clauses may come in any order, each at most once). */
type Clause =
  | { name: 'timing'; node: TimingCstNode }
  | { name: 'timeOfDay'; node: TimeOfDayCstNode }
  | { name: 'frequency'; node: FrequencyCstNode }
  | { name: 'tags'; node: TagsCstNode };
type ClauseName = Clause['name'];

const clauseNames: Record<ClauseName, string> = {
  timing: 'when to check (its trigger)',
  timeOfDay: 'the time of day',
  frequency: 'how often',
  tags: 'its tags',
};

/**
 * Builds AST nodes from the CST; collects problems found while decoding (escapes, durations, clauses).
 * One method per grammar rule, typed by the generated CST types (`ICstNodeVisitor` checks the set).
 */
class AstBuilder implements Omit<ICstNodeVisitor<unknown, unknown>, 'visit' | 'validateVisitor'> {
  diagnostics: Diagnostic[] = [];
  /** Every comparison built, in text order (for attaching comments). */
  comparisons: Located<Comparison>[] = [];
  private lineOf!: (offset: number) => LineColumn;
  private readonly operatorsByWords: ReadonlyMap<string, OperatorName>;

  constructor(private readonly catalog: Catalog) {
    this.operatorsByWords = new Map(catalog.operators.map((operator) => [operator.keyword, operator.name]));
  }

  /** Prepares the one builder for a new text (validating a visitor is costly, so it is built once). */
  reset(lineOf: (offset: number) => LineColumn): this {
    this.lineOf = lineOf;
    this.diagnostics = [];
    this.comparisons = [];
    return this;
  }

  rule(children: RuleCstChildren, whenStart: number): Located<Rule> {
    const condition = this.disjunction(first(children.disjunction).children);
    let timing: Timing = { kind: 'page_load' };
    let timeOfDay: TimeOfDay = { kind: 'anytime' };
    let frequency: Frequency = this.catalog.defaultFrequency;
    let tags: string[] = [];
    let tagRanges: SourceRange[] = [];
    const seen = new Map<ClauseName, SourceRange>();
    let end = condition.range.end;
    for (const node of children.clause ?? []) {
      const clause = this.clause(node.children);
      const name = clause.name;
      const range = this.rangeOfNode(clause.node);
      end = Math.max(end, range.end);
      const earlier = seen.get(name);
      if (earlier) {
        this.diagnostics.push({
          range,
          severity: 'error',
          code: 'duplicate-clause',
          message: `This rule already says ${clauseNames[name]} (line ${this.lineOf(earlier.start).line}). Keep one of them.`,
          fix: { title: 'Remove this one', edits: [{ range, text: '' }] },
        });
        continue;
      }
      seen.set(name, range);
      if (clause.name === 'timing') timing = this.timing(clause.node.children, range);
      else if (clause.name === 'timeOfDay') timeOfDay = this.timeOfDay(clause.node.children, range);
      else if (clause.name === 'frequency') frequency = this.frequency(clause.node.children);
      else ({ tags, tagRanges } = this.tags(clause.node.children));
    }
    const rule: Located<Rule> = {
      kind: 'rule',
      condition,
      timing,
      timeOfDay,
      frequency,
      tags,
      range: { start: whenStart, end },
    };
    if (tagRanges.length > 0) rule.tagRanges = tagRanges;
    return rule;
  }

  /** Which clause this is (the grammar gives each clause node exactly one child). */
  clause(children: ClauseCstChildren): Clause {
    if (children.timing) return { name: 'timing', node: first(children.timing) };
    if (children.timeOfDay) return { name: 'timeOfDay', node: first(children.timeOfDay) };
    if (children.frequency) return { name: 'frequency', node: first(children.frequency) };
    return { name: 'tags', node: first(children.tags) };
  }

  disjunction(children: DisjunctionCstChildren): Located<Condition> {
    const nodes = children.conjunction;
    if (nodes.length === 1) return this.conjunction(first(nodes).children);
    const operands: Condition[] = [];
    let start = 0;
    let end = 0;
    for (let index = 0; index < nodes.length; index++) {
      const operand = this.conjunction((nodes[index] as (typeof nodes)[number]).children);
      if (index === 0) start = operand.range.start;
      end = operand.range.end;
      this.flatten('or', operand, operands);
    }
    return { kind: 'or', operands, range: { start, end } };
  }

  conjunction(children: ConjunctionCstChildren): Located<Condition> {
    const nodes = children.unary;
    if (nodes.length === 1) return this.unary(first(nodes).children);
    const operands: Condition[] = [];
    let start = 0;
    let end = 0;
    for (let index = 0; index < nodes.length; index++) {
      const operand = this.unary((nodes[index] as (typeof nodes)[number]).children);
      if (index === 0) start = operand.range.start;
      end = operand.range.end;
      this.flatten('and', operand, operands);
    }
    return { kind: 'and', operands, range: { start, end } };
  }

  /** An operand of the same kind (a group) lends its operands: `a and (b and c)` is one `and`. */
  private flatten(kind: 'and' | 'or', operand: Condition, into: Condition[]): void {
    if (operand.kind === kind) for (const inner of operand.operands) into.push(inner);
    else into.push(operand);
  }

  unary(children: UnaryCstChildren): Located<Condition> {
    const not = children.Not?.[0];
    if (not) {
      const operand = this.unary(first(children.unary).children);
      return {
        kind: 'not',
        operand,
        range: { start: not.startOffset, end: operand.range?.end ?? not.startOffset },
      };
    }
    const open = children.LParen?.[0];
    if (open) {
      const inner = this.disjunction(first(children.disjunction).children);
      const close = first(children.RParen);
      // A comparison keeps its own range (comments attach to it); a group's range includes its parentheses.
      if (inner.kind === 'comparison') return inner;
      return { ...inner, range: { start: open.startOffset, end: close.startOffset + 1 } };
    }
    return this.comparison(first(children.comparison).children);
  }

  comparison(children: ComparisonCstChildren): Located<Comparison> {
    const field = first(children.Identifier);
    const fieldKey = children.fieldKey?.[0];
    const key = fieldKey && this.fieldKey(fieldKey.children);
    const operator = this.operator(first(children.operator).children);
    const value = this.value(first(children.value).children);
    const range = { start: field.startOffset, end: value.range.end };
    const comparison: Located<Comparison> = key
      ? {
          kind: 'comparison',
          field: field.image,
          key: key.value,
          keyRange: key.range,
          operator,
          value,
          range,
        }
      : { kind: 'comparison', field: field.image, operator, value, range };
    this.comparisons.push(comparison);
    return comparison;
  }

  /** The key of a keyed field: the string in brackets. */
  fieldKey(children: FieldKeyCstChildren): Located<StringValue> {
    return this.string(first(children.string).children);
  }

  /** The catalog operator whose keyword is the words written (the grammar only accepts those). */
  operator(children: OperatorCstChildren): OperatorName {
    const tokens = tokensIn(children);
    let words = (tokens[0] as IToken).image;
    for (let index = 1; index < tokens.length; index++) words += ` ${(tokens[index] as IToken).image}`;
    return this.operatorsByWords.get(words) as OperatorName;
  }

  value(children: ValueCstChildren): Located<Value> {
    const symbol = children.Identifier?.[0];
    if (symbol) return { kind: 'symbol', name: symbol.image, range: rangeOfToken(symbol) };
    const number = children.NumberLiteral?.[0];
    if (number) return { kind: 'number', value: Number(number.image), range: rangeOfToken(number) };
    const truth = children.True?.[0] ?? children.False?.[0];
    if (truth) return { kind: 'boolean', value: truth.image === 'true', range: rangeOfToken(truth) };
    const list = children.stringList?.[0];
    if (list) {
      return this.stringList(list.children);
    }
    return this.string(first(children.string).children);
  }

  stringList(children: StringListCstChildren): Located<ListValue> {
    const items: StringValue[] = [];
    for (const node of children.string ?? []) items.push(this.string(node.children));
    const open = first(children.LBracket);
    const close = first(children.RBracket);
    return { kind: 'list', items, range: { start: open.startOffset, end: close.startOffset + 1 } };
  }

  string(children: StringCstChildren): Located<StringValue> {
    const token = children.StringLiteral?.[0] ?? first(children.UnterminatedString);
    const range = rangeOfToken(token);
    if (token.tokenType === UnterminatedString) {
      this.diagnostics.push({
        range,
        severity: 'error',
        code: 'unterminated-string',
        message:
          'This string has no closing quote. Add " at its end (strings cannot span lines; write \\n for a line break).',
        fix: {
          title: 'Add the closing quote',
          edits: [{ range: { start: range.end, end: range.end }, text: '"' }],
        },
      });
    }
    const decoded = decodeString(token.image);
    for (const problem of decoded.problems) {
      const start = range.start + problem.offset;
      this.diagnostics.push({
        range: { start, end: start + problem.length },
        severity: 'error',
        code: 'invalid-escape',
        message: problem.message,
      });
    }
    return { kind: 'string', value: decoded.value, range };
  }

  timing(children: TimingCstChildren, range: SourceRange): Timing {
    if (children.trigger) return this.trigger(first(children.trigger).children, range);
    const kind = children.OnSite ? 'on_site' : 'on_page';
    return { kind, ...this.duration(first(children.Duration)), range };
  }

  /** The trigger after `on`. */
  trigger(children: TriggerCstChildren, range: SourceRange): Timing {
    if (children.ExitIntent) return { kind: 'exit_intent', range };
    if (children.Percent) return { kind: 'scroll', percent: parseInt(first(children.Percent).image), range };
    if (children.Duration) return { kind: 'idle', ...this.duration(first(children.Duration)), range };
    return { kind: 'custom', name: this.string(first(children.string).children).value, range };
  }

  /** Minutes and seconds of a duration; seconds not written with two digits are reported. */
  duration(token: IToken): { minutes: number; seconds: number } {
    const [minutesText, secondsText] = token.image.split(':') as [string, string];
    if (secondsText.length !== 2) {
      const seconds = Number(secondsText);
      const suggestion = `${Number(minutesText) + Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
      this.diagnostics.push({
        range: rangeOfToken(token),
        severity: 'error',
        code: 'invalid-duration',
        message: `Write the time as minutes:seconds with two digits for the seconds, e.g. ${suggestion}.`,
        fix: {
          title: `Change to ${suggestion}`,
          edits: [{ range: rangeOfToken(token), text: suggestion }],
        },
      });
    }
    return { minutes: Number(minutesText), seconds: Number(secondsText) };
  }

  /** The catalog entry whose keyword starts with the first word written (`during business_hours`). */
  timeOfDay(children: TimeOfDayCstChildren, range: SourceRange): TimeOfDay {
    const { string: schedule, ...words } = children;
    const written = first(tokensIn(words)).image;
    const entry = this.catalog.timesOfDay.find((candidate) => candidate.keyword.split(' ')[0] === written);
    const kind = (entry as TimeOfDayEntry).name;
    if (kind === 'anytime') return { kind, range };
    return { kind, schedule: schedule ? this.string(first(schedule).children).value : null, range };
  }

  /** The catalog frequency named by the word written. */
  frequency(children: FrequencyCstChildren): Frequency {
    return first(tokensIn(children)).image as Frequency;
  }

  tags(children: TagsCstChildren): { tags: string[]; tagRanges: SourceRange[] } {
    const tags: string[] = [];
    const tagRanges: SourceRange[] = [];
    const seen = new Set<string>();
    for (const node of children.string) {
      const value = this.string(node.children);
      const tag = value.value.toLowerCase();
      if (seen.has(tag)) continue;
      seen.add(tag);
      tags.push(tag);
      tagRanges.push(value.range);
    }
    return { tags, tagRanges };
  }

  /**
   * From the first to the last token under a CST node (the grammar tracks no node locations: it is
   * faster). Children are grouped by token type in the order each type first occurs, so the first token
   * listed is the earliest; the last is not (`tag "a", "b"` lists the comma after both strings).
   */
  private rangeOfNode(node: CstNode): SourceRange {
    const tokens = tokensUnder(node);
    const first = tokens[0] as IToken;
    let last = first;
    for (const token of tokens) if (token.startOffset > last.startOffset) last = token;
    return { start: first.startOffset, end: last.startOffset + last.image.length };
  }
}

function unexpectedCharacterMessage(catalog: Catalog, text: string, offset: number, length: number): string {
  let wordStart = offset;
  while (wordStart > 0 && /[A-Za-z0-9_.]/.test(text.charAt(wordStart - 1))) wordStart--;
  const word = text.slice(wordStart, offset);
  if (text.charAt(offset) === '.' && /^[A-Za-z_]/.test(word)) {
    const example =
      catalog.fields.find((field) => field.object === word) ?? (catalog.fields[0] as FieldEntry);
    return `The field name \`${word}.\` is incomplete. Finish it, e.g. ${word}.${example.name.split('.')[1]}.`;
  }
  return `Unexpected character \`${text.slice(offset, offset + length)}\`. Strings go in double quotes; comments start with #.`;
}

/** A catalog's parser, and the syntax it is made of (the editor services read it too). */
export interface Parser {
  vocabulary: Vocabulary;
  grammar: RuleGrammar;
  /**
   * Parses a rule text into the AST, with every syntax error found. `lexed`: the text's tokens, when the
   * caller has them already (an editor lexes once per text).
   *
   * @example parse('when visitor.page_url contains "pricing" for 0:30').rule?.timing // { kind: 'on_page', minutes: 0, seconds: 30, ... }
   */
  parse(text: string, lexed?: ILexingResult): ParseResult;
}

/**
 * The parser of a catalog: its lexer, grammar and AST builder, each built once.
 *
 * @example createParser(catalog).parse('when device.language is "fr"').rule?.condition.kind // 'comparison'
 */
export function createParser(catalog: Catalog): Parser {
  const vocabulary = createVocabulary(catalog);
  const grammar = createGrammar(catalog, vocabulary);
  const astBuilder = new AstBuilder(catalog);
  const typoAt = createTypos(catalog);
  return { vocabulary, grammar, parse };

  function parse(text: string, lexed = vocabulary.lexer.tokenize(text)): ParseResult {
    const diagnostics: Diagnostic[] = lexed.errors.map((error) => ({
      range: { start: error.offset, end: error.offset + Math.max(error.length, 1) },
      severity: 'error',
      code: 'syntax',
      message: unexpectedCharacterMessage(catalog, text, error.offset, error.length),
    }));
    if (lexed.tokens.length === 0) {
      diagnostics.push({
        range: { start: 0, end: text.length },
        severity: 'error',
        code: 'empty-rule',
        message: 'The rule is empty. Start with `when`, e.g. when visitor.page_url contains "pricing".',
      });
      return { rule: null, diagnostics };
    }
    const tooDeep = nestingProblem(lexed.tokens);
    if (tooDeep) return { rule: null, diagnostics: sortDiagnostics([...diagnostics, tooDeep]) };
    grammar.input = lexed.tokens;
    const cst = grammar.rule();
    // Lines are only needed for messages: index them on first use (most texts have no error).
    let lineIndex: ((offset: number) => LineColumn) | undefined;
    const lineOf = (offset: number) => (lineIndex ??= createLineIndex(text))(offset);
    const errorLines = new Set<number>();
    // A character the lexer dropped explains the grammar error right where it was.
    const lexedAway = new Set(diagnostics.map((diagnostic) => diagnostic.range.start));
    for (const error of grammar.errors) {
      const token = error.token;
      // After the first error on a line, recovery often reports follow-on errors there: keep the first.
      const line = Number.isNaN(token.startOffset) ? Infinity : lineOf(token.startOffset).line;
      if (errorLines.size > 0 && (errorLines.has(line) || line === Infinity)) continue;
      errorLines.add(line);
      const atEnd = Number.isNaN(token.startOffset) || token.image === '';
      const lastToken = lexed.tokens.at(-1) as IToken;
      const start = atEnd ? lastToken.startOffset + lastToken.image.length : token.startOffset;
      if (lexedAway.has(start)) continue;
      const typo = atEnd
        ? undefined
        : typoAt(lexed.tokens, indexOfToken(lexed.tokens, token), error.context.ruleStack, text);
      diagnostics.push(
        typo
          ? { ...typo, severity: 'error' }
          : {
              range: { start, end: atEnd ? start : start + token.image.length },
              severity: 'error',
              code: 'syntax',
              message: error.message,
            },
      );
    }
    if (diagnostics.length > 0) return { rule: null, diagnostics: sortDiagnostics(diagnostics) };

    const builder = astBuilder.reset(lineOf);
    const rule = builder.rule(cst.children, first(lexed.tokens).startOffset);
    attachComments(rule, builder.comparisons, text, lexed.groups.comments as IToken[]);
    const all = diagnostics.concat(builder.diagnostics);
    const hasErrors = all.some((diagnostic) => diagnostic.severity === 'error');
    return { rule: hasErrors ? null : rule, diagnostics: sortDiagnostics(all) };
  }
}

/** The index of a token in the lexer's tokens (they are in text order). */
function indexOfToken(tokens: readonly IToken[], token: IToken): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((tokens[middle] as IToken).startOffset < token.startOffset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function commentText(image: string): string {
  const body = image.slice(1);
  return (body.startsWith(' ') ? body.slice(1) : body).replace(/\r$/, '');
}

/** Whether `text` holds only whitespace from `start` to `end` (what `slice(start, end).trim() === ''` says). */
function isBlank(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (!whitespace.test(text.charAt(at))) return false;
  return true;
}

const whitespace = /^\s$/;

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * Comment placement: above `when` -> rule.before; at the end of a line that ends a comparison -> that
 * comparison's `after`; on its own line (or anywhere else) -> `before` of the next comparison; after the
 * condition -> rule.end. The printer writes comments back exactly where this puts them.
 */
function attachComments(
  rule: Located<Rule>,
  comparisons: Located<Comparison>[],
  text: string,
  comments: IToken[],
): void {
  const conditionEnd = (rule.condition as Located<Condition>).range.end;
  const ruleStart = rule.range.start;
  // Comments and comparisons are both in text order: `upcoming` is the first comparison after the comment.
  let upcoming = 0;
  for (const comment of comments) {
    const offset = comment.startOffset;
    const content = commentText(comment.image);
    if (offset < ruleStart) {
      ((rule.comments ??= {}).before ??= []).push(content);
      continue;
    }
    while (
      upcoming < comparisons.length &&
      (comparisons[upcoming] as Located<Comparison>).range.start < offset
    )
      upcoming++;
    const lineStart = lineStartOf(text, offset);
    const trailing = !isBlank(text, lineStart, offset);
    const previous = comparisons[upcoming - 1];
    if (
      trailing &&
      previous &&
      previous.comments?.after === undefined &&
      previous.range.end >= lineStart &&
      /^[\s)]*$/.test(text.slice(previous.range.end, offset))
    ) {
      (previous.comments ??= {}).after = content;
      continue;
    }
    const next = offset < conditionEnd ? comparisons[upcoming] : undefined;
    if (next) {
      ((next.comments ??= {}).before ??= []).push(content);
    } else {
      ((rule.comments ??= {}).end ??= []).push(content);
    }
  }
}
