/**
 * Text -> AST. Lexes with the catalog's lexer, parses with its grammar (error recovery on, so one pass
 * reports every syntax error it can), which hands what it recognises to the AST builder here (no CST in
 * between), then attaches comments. Operators and frequencies are the catalog's: the grammar has one
 * alternative per operator and per frequency.
 */
import type { ILexingResult, IToken } from 'chevrotain';
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
import {
  createGrammar,
  type Clause,
  type GrammarActions,
  type Located,
  type RuleGrammar,
  type TimingSyntax,
} from './grammar.ts';
import { createVocabulary, Identifier, NumberLiteral, UnterminatedString, type Vocabulary } from './lexer.ts';
import { nestingProblem } from './nesting.ts';
import { createTypos } from './typos.ts';
import { decodeString } from './strings.ts';

export interface ParseResult {
  /** The AST, or null when the text has syntax errors. */
  rule: Rule | null;
  /** Syntax errors (code `syntax`, `unterminated-string`, `invalid-escape`, `duplicate-clause`, ...). */
  diagnostics: Diagnostic[];
}

function rangeOfToken(token: IToken): SourceRange {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

type ClauseName = Clause['name'];

const clauseNames: Record<ClauseName, string> = {
  timing: 'when to check (its trigger)',
  timeOfDay: 'the time of day',
  frequency: 'how often',
  tags: 'its tags',
};

/**
 * Builds AST nodes from what the grammar recognises; collects problems found while decoding (escapes,
 * durations, clauses). One builder per parser, reset for each text.
 */
class AstBuilder implements GrammarActions {
  diagnostics: Diagnostic[] = [];
  /** Every comparison built, in text order (for attaching comments). */
  comparisons: Located<Comparison>[] = [];
  private lineOf!: (offset: number) => LineColumn;

  constructor(private readonly catalog: Catalog) {}

  /** Prepares the one builder for a new text. */
  reset(lineOf: (offset: number) => LineColumn): this {
    this.lineOf = lineOf;
    this.diagnostics = [];
    this.comparisons = [];
    return this;
  }

  rule(when: IToken, condition: Located<Condition>, clauses: readonly Clause[]): Located<Rule> {
    let timing: Timing = { kind: 'page_load' };
    let timeOfDay: TimeOfDay = { kind: 'anytime' };
    let frequency: Frequency = this.catalog.defaultFrequency;
    let tags: string[] = [];
    let tagRanges: SourceRange[] = [];
    const seen = new Map<ClauseName, SourceRange>();
    let end = condition.range.end;
    for (const clause of clauses) {
      const { name, range } = clause;
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
      if (clause.name === 'timing') timing = clause.value;
      else if (clause.name === 'timeOfDay') timeOfDay = clause.value;
      else if (clause.name === 'frequency') frequency = clause.value;
      else ({ tags, tagRanges } = this.tags(clause.value));
    }
    const rule: Located<Rule> = {
      kind: 'rule',
      condition,
      timing,
      timeOfDay,
      frequency,
      tags,
      range: { start: when.startOffset, end },
    };
    if (tagRanges.length > 0) rule.tagRanges = tagRanges;
    return rule;
  }

  group(kind: 'and' | 'or', operands: readonly Located<Condition>[]): Located<Condition> {
    const first = operands[0] as Located<Condition>;
    if (operands.length === 1) return first;
    const flat: Condition[] = [];
    // An operand of the same kind (a group) lends its operands: `a and (b and c)` is one `and`.
    for (const operand of operands) {
      if (operand.kind === kind) for (const inner of operand.operands) flat.push(inner);
      else flat.push(operand);
    }
    const last = operands[operands.length - 1] as Located<Condition>;
    return { kind, operands: flat, range: { start: first.range.start, end: last.range.end } };
  }

  not(not: IToken, operand: Located<Condition>): Located<Condition> {
    return {
      kind: 'not',
      operand,
      range: { start: not.startOffset, end: operand.range?.end ?? not.startOffset },
    };
  }

  parenthesized(open: IToken, inner: Located<Condition>, close: IToken): Located<Condition> {
    // A comparison keeps its own range (comments attach to it); a group's range includes its parentheses.
    if (inner.kind === 'comparison') return inner;
    return { ...inner, range: { start: open.startOffset, end: close.startOffset + 1 } };
  }

  comparison(
    field: IToken,
    key: Located<StringValue> | undefined,
    operator: OperatorName,
    value: Located<Value>,
  ): Located<Comparison> {
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

  word(token: IToken): Located<Value> {
    const range = rangeOfToken(token);
    if (token.tokenType === Identifier) return { kind: 'symbol', name: token.image, range };
    if (token.tokenType === NumberLiteral) return { kind: 'number', value: Number(token.image), range };
    return { kind: 'boolean', value: token.image === 'true', range };
  }

  list(open: IToken, items: StringValue[], close: IToken): Located<ListValue> {
    return { kind: 'list', items, range: { start: open.startOffset, end: close.startOffset + 1 } };
  }

  string(token: IToken): Located<StringValue> {
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

  timing(written: TimingSyntax, range: SourceRange): Timing {
    switch (written.kind) {
      case 'on_page':
      case 'on_site':
      case 'idle':
        return { kind: written.kind, ...this.duration(written.duration), range };
      case 'scroll':
        return { kind: 'scroll', percent: parseInt(written.percent.image), range };
      case 'custom':
        return { kind: 'custom', name: written.name.value, range };
      default:
        return { kind: written.kind, range };
    }
  }

  /** Minutes and seconds of a duration; seconds not written with two digits are reported. */
  private duration(token: IToken): { minutes: number; seconds: number } {
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
  timeOfDay(word: IToken, schedule: Located<StringValue> | undefined, range: SourceRange): TimeOfDay {
    const written = word.image;
    const entry = this.catalog.timesOfDay.find((candidate) => candidate.keyword.split(' ')[0] === written);
    const kind = (entry as TimeOfDayEntry).name;
    if (kind === 'anytime') return { kind, range };
    return { kind, schedule: schedule ? schedule.value : null, range };
  }

  /** The tags written, lower-cased, each once. */
  private tags(values: readonly Located<StringValue>[]): { tags: string[]; tagRanges: SourceRange[] } {
    const tags: string[] = [];
    const tagRanges: SourceRange[] = [];
    const seen = new Set<string>();
    for (const value of values) {
      const tag = value.value.toLowerCase();
      if (seen.has(tag)) continue;
      seen.add(tag);
      tags.push(tag);
      tagRanges.push(value.range);
    }
    return { tags, tagRanges };
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
    // Lines are only needed for messages: index them on first use (most texts have no error).
    let lineIndex: ((offset: number) => LineColumn) | undefined;
    const lineOf = (offset: number) => (lineIndex ??= createLineIndex(text))(offset);
    const builder = astBuilder.reset(lineOf);
    grammar.actions = builder;
    grammar.input = lexed.tokens;
    const built = grammar.rule();
    grammar.actions = undefined;
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

    const rule = built as Located<Rule>;
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
