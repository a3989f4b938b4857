/**
 * Highlighting: the lexer's token table turned into editor token classes and into a Monaco Monarch
 * language definition. Nothing here imports Monaco; the admin app registers the definition.
 */
import type { IToken } from 'chevrotain';
import { fields } from '../catalog/catalog.ts';
import {
  Identifier,
  ruleLexer,
  tokenTable,
  UnterminatedString,
  WhiteSpace,
  type TokenCategory,
} from '../syntax/lexer.ts';

export interface HighlightToken {
  start: number;
  end: number;
  category: TokenCategory | 'field' | 'invalid';
}

const categoryByName = new Map(tokenTable.map((entry) => [entry.token.name, entry.category]));
const fieldNames = new Set(fields.map((field) => field.name));

/**
 * The highlighted tokens of a text, comments included, in text order; characters the lexer rejects are `invalid`.
 *
 * @example tokens('when visitor.page_url is "x"').map((token) => token.category) // ['keyword', 'field', 'operator', 'string']
 */
export function tokens(text: string): HighlightToken[] {
  const lexed = ruleLexer.tokenize(text);
  const all = [...lexed.tokens, ...(lexed.groups.comments as IToken[])].map((token): HighlightToken => {
    const category = categoryByName.get(token.tokenType.name) as TokenCategory;
    const isField = token.tokenType === Identifier && fieldNames.has(token.image);
    return {
      start: token.startOffset,
      end: token.startOffset + token.image.length,
      category: isField ? 'field' : category,
    };
  });
  for (const error of lexed.errors)
    all.push({ start: error.offset, end: error.offset + error.length, category: 'invalid' });
  return all.sort((a, b) => a.start - b.start);
}

/** Monarch token class per category (Monaco's default themes colour these). */
const monarchClass: Record<TokenCategory, string> = {
  keyword: 'keyword',
  operator: 'keyword.operator',
  identifier: 'identifier',
  string: 'string',
  number: 'number',
  delimiter: 'delimiter',
  comment: 'comment',
};

function wordsOf(category: TokenCategory): string[] {
  return tokenTable
    .filter((entry) => entry.category === category && entry.token.LONGER_ALT === Identifier)
    .map((entry) => (entry.token.PATTERN as RegExp).source);
}

function patternOf(pattern: unknown): RegExp {
  return pattern instanceof RegExp
    ? pattern
    : new RegExp(String(pattern).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

const identifierCases = {
  cases: {
    '@keywords': monarchClass.keyword,
    '@operators': monarchClass.operator,
    '@fields': 'type.identifier',
    '@default': monarchClass.identifier,
  },
};

/** One Monarch rule per token of the table; keywords are matched as identifiers and classified by `cases`. */
const monarchRules = tokenTable
  .filter((entry) => entry.token.LONGER_ALT !== Identifier)
  .map(({ token, category }) => {
    const pattern = patternOf(token.PATTERN);
    if (token === Identifier) return [pattern, identifierCases] as const;
    if (token === WhiteSpace) return [pattern, 'white'] as const;
    if (token === UnterminatedString) return [pattern, 'string.invalid'] as const;
    return [pattern, monarchClass[category]] as const;
  });

/**
 * The Monarch definition of the language, generated from the token table and the catalog's fields.
 *
 * @example monaco.languages.setMonarchTokensProvider('proactive', monarchLanguage)
 */
export const monarchLanguage = {
  defaultToken: 'invalid',
  tokenPostfix: '.proactive',
  keywords: wordsOf('keyword'),
  operators: wordsOf('operator'),
  fields: [...fieldNames],
  tokenizer: { root: monarchRules },
};
