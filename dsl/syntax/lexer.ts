/**
 * The tokens of the rule language. The structural ones are fixed; the words of operators and frequencies
 * come from the catalog, so a catalog with more operators has more keywords. A catalog's `Vocabulary`
 * (its token table and lexer) is what the grammar, the highlighter (Monarch rules are generated from the
 * table) and completion read.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import type { Catalog } from '../catalog/types.ts';

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
/** A share of the page: `50%` (`on scroll 50%`). */
export const Percent = createToken({ name: 'Percent', pattern: /\d+%/, label: 'a percentage such as 50%' });

/**
 * A number value: `3`, `-2`, `12.5`. Also what `for 30` is read as, so that the error can say "write
 * 0:30".
 */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /-?\d+(?:\.\d+)?/,
  label: 'a number',
});
/**
 * A run of comparison signs that is not an operator (`==`, `!=`, `<>`, `=>`): never valid, but read as
 * one token so that the error can say "write is". The operators `<`, `<=`, `>`, `>=` are tried first and
 * give way to it when it is longer.
 */
export const Comparator = createToken({ name: 'Comparator', pattern: /[=!<>]+/, label: 'a comparison sign' });

/** Token names of the comparison signs an operator may be written as. */
const signNames: Readonly<Record<string, string>> = {
  '<': 'Less',
  '<=': 'LessOrEqual',
  '>': 'Greater',
  '>=': 'GreaterOrEqual',
};

const keywordTokens = new Map<string, TokenType>();

/**
 * The token of a keyword, created once per word and shared by every catalog's lexer. Its name is the
 * word in PascalCase (`once_per_visit` is `OncePerVisit`), or the sign's name (`>=` is
 * `GreaterOrEqual`), as chevrotain's messages and the grammar's recorded productions name it.
 *
 * @example keywordToken('contains').name // 'Contains'
 */
export function keywordToken(word: string): TokenType {
  let token = keywordTokens.get(word);
  if (!token) {
    const sign = signNames[word];
    token = sign
      ? createToken({ name: sign, pattern: word, longer_alt: Comparator, label: `\`${word}\`` })
      : createToken({
          name: word.replace(/(?:^|_)([a-z])/g, (_, letter: string) => letter.toUpperCase()),
          pattern: new RegExp(word),
          longer_alt: Identifier,
          label: `\`${word}\``,
        });
    keywordTokens.set(word, token);
  }
  return token;
}

/** Whether a token is an operator written as a comparison sign (`>=`), not a word. */
export const isSign = (token: TokenType): boolean => token.LONGER_ALT === Comparator;

export const When = keywordToken('when');
export const And = keywordToken('and');
export const Or = keywordToken('or');
export const Not = keywordToken('not');
export const For = keywordToken('for');
export const Anytime = keywordToken('anytime');
export const During = keywordToken('during');
export const Outside = keywordToken('outside');
export const BusinessHours = keywordToken('business_hours');
export const Tag = keywordToken('tag');
export const On = keywordToken('on');
export const OnSite = keywordToken('on_site');
export const ExitIntent = keywordToken('exit_intent');
export const Scroll = keywordToken('scroll');
export const Idle = keywordToken('idle');
export const Event = keywordToken('event');
export const True = keywordToken('true');
export const False = keywordToken('false');

export const LParen = createToken({ name: 'LParen', pattern: '(', label: '`(`' });
export const RParen = createToken({ name: 'RParen', pattern: ')', label: '`)`' });
export const LBracket = createToken({ name: 'LBracket', pattern: '[', label: '`[`' });
export const RBracket = createToken({ name: 'RBracket', pattern: ']', label: '`]`' });
export const Comma = createToken({ name: 'Comma', pattern: ',', label: '`,`' });

const structuralKeywords: readonly { token: TokenType; category: TokenCategory }[] = [
  { token: When, category: 'keyword' },
  { token: And, category: 'keyword' },
  { token: Or, category: 'keyword' },
  { token: Not, category: 'operator' },
  { token: For, category: 'keyword' },
  { token: Anytime, category: 'keyword' },
  { token: During, category: 'keyword' },
  { token: Outside, category: 'keyword' },
  { token: BusinessHours, category: 'keyword' },
  { token: Tag, category: 'keyword' },
  { token: On, category: 'keyword' },
  { token: OnSite, category: 'keyword' },
  { token: ExitIntent, category: 'keyword' },
  { token: Scroll, category: 'keyword' },
  { token: Idle, category: 'keyword' },
  { token: Event, category: 'keyword' },
  { token: True, category: 'keyword' },
  { token: False, category: 'keyword' },
];

/** An operator as the grammar reads it: its catalog name and the tokens of its words, in order. */
export interface OperatorSyntax {
  name: string;
  tokens: readonly TokenType[];
}

/** The tokens and lexer of one catalog. */
export interface Vocabulary {
  /** Every token, in matching order, with its editor category. */
  tokenTable: readonly { token: TokenType; category: TokenCategory }[];
  /** The keyword tokens in the order the language declares them (structural, operators, frequencies). */
  keywordTable: readonly { token: TokenType; category: TokenCategory }[];
  allTokens: TokenType[];
  /** The words of the language, e.g. `when`, `business_hours`, `contains`. Keywords are lower-case. */
  keywords: readonly string[];
  /** The catalog's operators, longest first (so `is not` is tried before `is`). */
  operators: readonly OperatorSyntax[];
  /** The tokens operator keywords are made of. */
  operatorWords: ReadonlySet<TokenType>;
  /** One token per frequency, in catalog order. */
  frequencies: readonly TokenType[];
  lexer: Lexer;
}

const wordsOf = (keyword: string) => keyword.split(' ');

/**
 * The vocabulary of a catalog. Throws when a catalog word cannot be a keyword (a symbol spelled like an
 * operator word would never reach the parser as a value).
 *
 * @example createVocabulary(catalog).lexer.tokenize('when visitor.page_url is "x"').tokens.length // 4
 */
export function createVocabulary(catalog: Catalog): Vocabulary {
  const inCatalogOrder = catalog.operators.map((operator) => ({
    name: operator.name,
    tokens: wordsOf(operator.keyword).map(keywordToken),
  }));
  const operatorWords = new Set(inCatalogOrder.flatMap((operator) => operator.tokens));
  const operators = [...inCatalogOrder].sort((a, b) => b.tokens.length - a.tokens.length);
  const frequencies = catalog.frequencies.map((frequency) => keywordToken(frequency.name));
  const structural = new Set(structuralKeywords.map((entry) => entry.token));
  const keywordEntries = [
    ...structuralKeywords,
    ...[...operatorWords]
      .filter((token) => !structural.has(token))
      .map((token) => ({ token, category: 'operator' as const })),
    ...frequencies.map((token) => ({ token, category: 'keyword' as const })),
  ];
  const wordOf = (token: TokenType) =>
    token.PATTERN instanceof RegExp ? token.PATTERN.source : (token.PATTERN as string);
  const keywords = keywordEntries.map((entry) => wordOf(entry.token));
  for (const field of catalog.fields) {
    for (const symbol of field.symbols ?? []) {
      if (keywords.includes(symbol.name)) {
        throw new Error(
          `Invalid catalog: the symbol "${symbol.name}" of field "${field.name}" is a keyword of the language; rename it.`,
        );
      }
    }
  }
  // A keyword must be tried before any keyword it begins with (`contains` before `contain`, `>=` before
  // `>`); signs before the comparator they give way to.
  const byLength = [...keywordEntries].sort((a, b) => wordOf(b.token).length - wordOf(a.token).length);
  const tokenTable = [
    { token: WhiteSpace, category: 'delimiter' as const },
    { token: Comment, category: 'comment' as const },
    { token: StringLiteral, category: 'string' as const },
    { token: UnterminatedString, category: 'string' as const },
    { token: Duration, category: 'number' as const },
    { token: Percent, category: 'number' as const },
    { token: NumberLiteral, category: 'number' as const },
    ...byLength.filter((entry) => isSign(entry.token)),
    { token: Comparator, category: 'operator' as const },
    ...byLength.filter((entry) => !isSign(entry.token)),
    { token: Identifier, category: 'identifier' as const },
    { token: LParen, category: 'delimiter' as const },
    { token: RParen, category: 'delimiter' as const },
    { token: LBracket, category: 'delimiter' as const },
    { token: RBracket, category: 'delimiter' as const },
    { token: Comma, category: 'delimiter' as const },
  ];
  const allTokens = tokenTable.map((entry) => entry.token);
  return {
    tokenTable,
    keywordTable: keywordEntries,
    allTokens,
    keywords,
    operators,
    operatorWords,
    frequencies,
    lexer: new Lexer(allTokens, { ensureOptimizations: true, positionTracking: 'onlyOffset' }),
  };
}
