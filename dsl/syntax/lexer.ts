/**
 * The token table of the rule language. The lexer, the parser, the highlighter (Monarch rules are
 * generated from `tokenTable`) and completion all read it.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

/** How a token is coloured in editors. */
export type TokenCategory =
  'keyword' | 'operator' | 'identifier' | 'string' | 'number' | 'delimiter' | 'comment';

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
});
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n]*/, group: 'comments' });

/** A dotted name such as `visitor.page_url`, or a bare word such as `new_user`. */
export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/,
  label: 'a field name',
});

export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\n]|\\.)*"/,
  label: 'a "quoted string"',
});
/** A string without its closing quote; reported by the parser and read as if it were closed. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\n]|\\.)*\\?/,
  label: 'a "quoted string"',
});
export const Duration = createToken({
  name: 'Duration',
  pattern: /\d+:\d+/,
  label: 'a duration such as 0:30',
});

function keyword(word: string, name: string = word.charAt(0).toUpperCase() + word.slice(1)): TokenType {
  return createToken({ name, pattern: new RegExp(word), longer_alt: Identifier, label: `\`${word}\`` });
}

export const When = keyword('when');
export const And = keyword('and');
export const Or = keyword('or');
export const Not = keyword('not');
export const Is = keyword('is');
export const Contains = keyword('contains');
export const Contain = keyword('contain');
export const Does = keyword('does');
export const For = keyword('for');
export const Anytime = keyword('anytime');
export const During = keyword('during');
export const Outside = keyword('outside');
export const BusinessHours = keyword('business_hours', 'BusinessHours');
export const OncePerCustomer = keyword('once_per_customer', 'OncePerCustomer');
export const OncePerVisit = keyword('once_per_visit', 'OncePerVisit');
export const EveryTime = keyword('every_time', 'EveryTime');
export const Tag = keyword('tag');

export const LParen = createToken({ name: 'LParen', pattern: '(', label: '`(`' });
export const RParen = createToken({ name: 'RParen', pattern: ')', label: '`)`' });
export const LBracket = createToken({ name: 'LBracket', pattern: '[', label: '`[`' });
export const RBracket = createToken({ name: 'RBracket', pattern: ']', label: '`]`' });
export const Comma = createToken({ name: 'Comma', pattern: ',', label: '`,`' });

/** Every token, in matching order, with its editor category. */
export const tokenTable: readonly { token: TokenType; category: TokenCategory }[] = [
  { token: WhiteSpace, category: 'delimiter' },
  { token: Comment, category: 'comment' },
  { token: StringLiteral, category: 'string' },
  { token: UnterminatedString, category: 'string' },
  { token: Duration, category: 'number' },
  { token: When, category: 'keyword' },
  { token: And, category: 'keyword' },
  { token: Or, category: 'keyword' },
  { token: Not, category: 'operator' },
  { token: Is, category: 'operator' },
  { token: Contains, category: 'operator' },
  { token: Contain, category: 'operator' },
  { token: Does, category: 'operator' },
  { token: For, category: 'keyword' },
  { token: Anytime, category: 'keyword' },
  { token: During, category: 'keyword' },
  { token: Outside, category: 'keyword' },
  { token: BusinessHours, category: 'keyword' },
  { token: OncePerCustomer, category: 'keyword' },
  { token: OncePerVisit, category: 'keyword' },
  { token: EveryTime, category: 'keyword' },
  { token: Tag, category: 'keyword' },
  { token: Identifier, category: 'identifier' },
  { token: LParen, category: 'delimiter' },
  { token: RParen, category: 'delimiter' },
  { token: LBracket, category: 'delimiter' },
  { token: RBracket, category: 'delimiter' },
  { token: Comma, category: 'delimiter' },
];

export const allTokens: TokenType[] = tokenTable.map((entry) => entry.token);

/** The words of the language, e.g. `when`, `business_hours`. Keywords are lower-case. */
export const keywords: readonly string[] = tokenTable
  .filter((entry) => entry.category === 'keyword' || entry.category === 'operator')
  .map((entry) => (entry.token.PATTERN as RegExp).source);

/**
 * The one lexer instance.
 *
 * @example ruleLexer.tokenize('when visitor.page_url is "x"').tokens.length // 4
 */
export const ruleLexer = new Lexer(allTokens, { ensureOptimizations: true, positionTracking: 'onlyOffset' });
