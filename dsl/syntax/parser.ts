/**
 * Text -> AST. Lexes with the one lexer, parses with the one grammar (error recovery on, so one pass
 * reports every syntax error it can), then a CST visitor builds the plain JSON AST and attaches comments.
 */
import type { CstNode, IToken } from 'chevrotain';
import type {
  Comparison,
  Condition,
  Frequency,
  OperatorName,
  Rule,
  SourceRange,
  StringValue,
  TimeOfDay,
  Timing,
  Value,
} from '../model/ast.ts';
import { defaultFrequency } from '../catalog/catalog.ts';
import { lineColumnAt, type Diagnostic } from '../model/diagnostic.ts';
import { grammar } from './grammar.ts';
import { ruleLexer, UnterminatedString } from './lexer.ts';
import { decodeString } from './strings.ts';

export interface ParseResult {
  /** The AST, or null when the text has syntax errors. */
  rule: Rule | null;
  /** Syntax errors (code `syntax`, `unterminated-string`, `invalid-escape`, `duplicate-clause`, ...). */
  diagnostics: Diagnostic[];
}

type Children = Record<string, (CstNode | IToken)[] | undefined>;

/** A node as the parser builds it: always with its range. */
type Located<T> = T & { range: SourceRange };

const BaseVisitor = grammar.getBaseCstVisitorConstructorWithDefaults();

function rangeOfToken(token: IToken): SourceRange {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

function tokensOf(children: Children, name: string): IToken[] {
  return (children[name] ?? []) as IToken[];
}

function nodesOf(children: Children, name: string): CstNode[] {
  return (children[name] ?? []) as CstNode[];
}

function tokensUnder(node: CstNode): IToken[] {
  return Object.values(node.children).flatMap((items) =>
    (items ?? []).flatMap((item) => ('children' in item ? tokensUnder(item) : [item])),
  );
}

function first<T>(items: T[]): T {
  return items[0] as T;
}

/** Builds AST nodes from the CST; collects problems found while decoding (escapes, durations, clauses). */
class AstBuilder extends BaseVisitor {
  diagnostics: Diagnostic[] = [];
  /** Every comparison built, in text order (for attaching comments). */
  comparisons: Located<Comparison>[] = [];
  private text = '';

  constructor() {
    super();
    this.validateVisitor();
  }

  /** Prepares the one builder for a new text (validating a visitor is costly, so it is built once). */
  reset(text: string): this {
    this.text = text;
    this.diagnostics = [];
    this.comparisons = [];
    return this;
  }

  rule(children: Children, whenStart: number): Located<Rule> {
    const condition = this.disjunction(first(nodesOf(children, 'disjunction')).children as Children);
    let timing: Timing = { kind: 'page_load' };
    let timeOfDay: TimeOfDay = { kind: 'anytime' };
    let frequency: Frequency = defaultFrequency;
    let tags: string[] = [];
    let tagRanges: SourceRange[] = [];
    const seen = new Map<string, SourceRange>();
    let end = condition.range.end;
    for (const clause of nodesOf(children, 'clause')) {
      const [name, node] = Object.entries(clause.children)[0] as [string, CstNode[]];
      const inner = first(node);
      const range = this.rangeOfNode(inner);
      end = Math.max(end, range.end);
      const earlier = seen.get(name);
      if (earlier) {
        this.diagnostics.push({
          range,
          severity: 'error',
          code: 'duplicate-clause',
          message: `This rule already says ${clauseNames[name]} (line ${lineColumnAt(this.text, earlier.start).line}). Keep one of them.`,
          fix: { title: 'Remove this one', edits: [{ range, text: '' }] },
        });
        continue;
      }
      seen.set(name, range);
      const innerChildren = inner.children as Children;
      if (name === 'timing') timing = this.timing(innerChildren, range);
      else if (name === 'timeOfDay') timeOfDay = this.timeOfDay(innerChildren, range);
      else if (name === 'frequency') frequency = this.frequency(innerChildren);
      else {
        ({ tags, tagRanges } = this.tags(innerChildren));
      }
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

  disjunction(children: Children): Located<Condition> {
    return this.combine(
      'or',
      nodesOf(children, 'conjunction').map((node) => this.conjunction(node.children as Children)),
    );
  }

  conjunction(children: Children): Located<Condition> {
    return this.combine(
      'and',
      nodesOf(children, 'unary').map((node) => this.unary(node.children as Children)),
    );
  }

  private combine(kind: 'and' | 'or', operands: Located<Condition>[]): Located<Condition> {
    if (operands.length === 1) return first(operands);
    const flat = operands.flatMap((operand) => (operand.kind === kind ? operand.operands : [operand]));
    return {
      kind,
      operands: flat,
      range: { start: first(operands).range.start, end: (operands.at(-1) as Located<Condition>).range.end },
    };
  }

  unary(children: Children): Located<Condition> {
    const not = tokensOf(children, 'Not')[0];
    if (not) {
      const operand = this.unary(first(nodesOf(children, 'unary')).children as Children);
      return {
        kind: 'not',
        operand,
        range: { start: not.startOffset, end: operand.range?.end ?? not.startOffset },
      };
    }
    const open = tokensOf(children, 'LParen')[0];
    if (open) {
      const inner = this.disjunction(first(nodesOf(children, 'disjunction')).children as Children);
      const close = first(tokensOf(children, 'RParen'));
      // A comparison keeps its own range (comments attach to it); a group's range includes its parentheses.
      if (inner.kind === 'comparison') return inner;
      return { ...inner, range: { start: open.startOffset, end: close.startOffset + 1 } };
    }
    return this.comparison(first(nodesOf(children, 'comparison')).children as Children);
  }

  comparison(children: Children): Located<Comparison> {
    const field = first(tokensOf(children, 'Identifier'));
    const operator = this.operator(first(nodesOf(children, 'operator')).children as Children);
    const value = this.value(first(nodesOf(children, 'value')).children as Children);
    const comparison: Located<Comparison> = {
      kind: 'comparison',
      field: field.image,
      operator,
      value,
      range: { start: field.startOffset, end: value.range.end },
    };
    this.comparisons.push(comparison);
    return comparison;
  }

  operator(children: Children): OperatorName {
    if (children.Contains) return 'contains';
    if (children.Does) return 'does_not_contain';
    return children.Not ? 'is_not' : 'is';
  }

  value(children: Children): Located<Value> {
    const symbol = tokensOf(children, 'Identifier')[0];
    if (symbol) return { kind: 'symbol', name: symbol.image, range: rangeOfToken(symbol) };
    const list = nodesOf(children, 'stringList')[0];
    if (list) {
      const listChildren = list.children as Children;
      const items = nodesOf(listChildren, 'string').map((node) => this.string(node.children as Children));
      const open = first(tokensOf(listChildren, 'LBracket'));
      const close = first(tokensOf(listChildren, 'RBracket'));
      return { kind: 'list', items, range: { start: open.startOffset, end: close.startOffset + 1 } };
    }
    return this.string(first(nodesOf(children, 'string')).children as Children);
  }

  string(children: Children): Located<StringValue> {
    const token = first([
      ...tokensOf(children, 'StringLiteral'),
      ...tokensOf(children, 'UnterminatedString'),
    ]);
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

  timing(children: Children, range: SourceRange): Timing {
    const duration = first(tokensOf(children, 'Duration'));
    const [minutesText, secondsText] = duration.image.split(':') as [string, string];
    if (secondsText.length !== 2) {
      const seconds = Number(secondsText);
      const suggestion = `${Number(minutesText) + Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
      this.diagnostics.push({
        range: rangeOfToken(duration),
        severity: 'error',
        code: 'invalid-duration',
        message: `Write the time as minutes:seconds with two digits for the seconds, e.g. ${suggestion}.`,
        fix: {
          title: `Change to ${suggestion}`,
          edits: [{ range: rangeOfToken(duration), text: suggestion }],
        },
      });
    }
    return { kind: 'on_page', minutes: Number(minutesText), seconds: Number(secondsText), range };
  }

  timeOfDay(children: Children, range: SourceRange): TimeOfDay {
    if (children.Anytime) return { kind: 'anytime', range };
    const name = nodesOf(children, 'string')[0];
    return {
      kind: children.During ? 'during' : 'outside',
      schedule: name ? this.string(name.children as Children).value : null,
      range,
    };
  }

  frequency(children: Children): Frequency {
    if (children.OncePerCustomer) return 'once_per_customer';
    return children.EveryTime ? 'every_time' : 'once_per_visit';
  }

  tags(children: Children): { tags: string[]; tagRanges: SourceRange[] } {
    const tags: string[] = [];
    const tagRanges: SourceRange[] = [];
    for (const node of nodesOf(children, 'string')) {
      const value = this.string(node.children as Children);
      const tag = value.value.toLowerCase();
      if (tags.includes(tag)) continue;
      tags.push(tag);
      tagRanges.push(value.range);
    }
    return { tags, tagRanges };
  }

  /** From the first to the last token under a CST node (the grammar tracks no node locations: it is faster). */
  private rangeOfNode(node: CstNode): SourceRange {
    const tokens = tokensUnder(node);
    const last = tokens.reduce((latest, token) => (token.startOffset > latest.startOffset ? token : latest));
    return {
      start: Math.min(...tokens.map((token) => token.startOffset)),
      end: last.startOffset + last.image.length,
    };
  }
}

const astBuilder = new AstBuilder();

const clauseNames: Record<string, string> = {
  timing: 'when to check (for M:SS)',
  timeOfDay: 'the time of day',
  frequency: 'how often',
  tags: 'its tags',
};

function unexpectedCharacterMessage(text: string, offset: number, length: number): string {
  const word = /[A-Za-z0-9_.]*$/.exec(text.slice(0, offset))?.[0] ?? '';
  if (text.charAt(offset) === '.' && /^[A-Za-z_]/.test(word)) {
    return `The field name \`${word}.\` is incomplete. Finish it, e.g. ${word}.${word === 'device' ? 'language' : 'page_url'}.`;
  }
  return `Unexpected character \`${text.slice(offset, offset + length)}\`. Strings go in double quotes; comments start with #.`;
}

/**
 * Parses a rule text into the AST, with every syntax error found.
 *
 * @example parse('when visitor.page_url contains "pricing" for 0:30').rule?.timing // { kind: 'on_page', minutes: 0, seconds: 30, ... }
 */
export function parse(text: string): ParseResult {
  const lexed = ruleLexer.tokenize(text);
  const diagnostics: Diagnostic[] = lexed.errors.map((error) => ({
    range: { start: error.offset, end: error.offset + Math.max(error.length, 1) },
    severity: 'error',
    code: 'syntax',
    message: unexpectedCharacterMessage(text, error.offset, error.length),
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
  grammar.input = lexed.tokens;
  const cst = grammar.rule();
  const errorLines = new Set<number>();
  for (const error of grammar.errors) {
    const token = error.token;
    // After the first error on a line, recovery often reports follow-on errors there: keep the first.
    const line = Number.isNaN(token.startOffset) ? Infinity : lineColumnAt(text, token.startOffset).line;
    if (errorLines.size > 0 && (errorLines.has(line) || line === Infinity)) continue;
    errorLines.add(line);
    const atEnd = Number.isNaN(token.startOffset) || token.image === '';
    const lastToken = lexed.tokens.at(-1) as IToken;
    const start = atEnd ? lastToken.startOffset + lastToken.image.length : token.startOffset;
    diagnostics.push({
      range: { start, end: atEnd ? start : start + token.image.length },
      severity: 'error',
      code: 'syntax',
      message: error.message,
    });
  }
  if (diagnostics.length > 0) return { rule: null, diagnostics };

  const builder = astBuilder.reset(text);
  const rule = builder.rule(cst.children as Children, first(lexed.tokens).startOffset);
  attachComments(rule, builder.comparisons, text, lexed.groups.comments as IToken[]);
  diagnostics.push(...builder.diagnostics);
  const hasErrors = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  return { rule: hasErrors ? null : rule, diagnostics: sortDiagnostics(diagnostics) };
}

/** Diagnostics in text order, the way editors and the CLI list them. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

function commentText(image: string): string {
  const body = image.slice(1);
  return (body.startsWith(' ') ? body.slice(1) : body).replace(/\r$/, '');
}

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
      (rule.comments ??= {}).before = [...(rule.comments.before ?? []), content];
      continue;
    }
    while (
      upcoming < comparisons.length &&
      (comparisons[upcoming] as Located<Comparison>).range.start < offset
    )
      upcoming++;
    const lineStart = lineStartOf(text, offset);
    const trailing = text.slice(lineStart, offset).trim() !== '';
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
      (next.comments ??= {}).before = [...(next.comments.before ?? []), content];
    } else {
      (rule.comments ??= {}).end = [...(rule.comments.end ?? []), content];
    }
  }
}
