/**
 * Highlighting: a language's token table turned into editor token classes and into a Monaco Monarch
 * language definition. Nothing here imports Monaco; the admin app registers the definition.
 */
import type { IToken } from 'chevrotain';
import type { RuleLanguage } from '../language.ts';
import { Identifier, UnterminatedString, WhiteSpace, type TokenCategory } from '../syntax/lexer.ts';
import { createLexing, type Lex } from './lexing.ts';

export interface HighlightToken {
  start: number;
  end: number;
  category: TokenCategory | 'field' | 'invalid';
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

/** The Monarch definition of a language (the admin app registers it with Monaco). */
export interface MonarchLanguage {
  defaultToken: string;
  tokenPostfix: string;
  keywords: string[];
  operators: string[];
  fields: string[];
  tokenizer: { root: (readonly [RegExp, string | typeof identifierCases])[] };
}

/**
 * The highlighting of a catalog's language: `tokens(text)` and the Monarch definition, both generated
 * from its token table and fields.
 *
 * @example createHighlighting(language).tokens('when visitor.page_url is "x"').map((token) => token.category) // ['keyword', 'field', 'operator', 'string']
 */
export function createHighlighting(
  language: RuleLanguage,
  lex: Lex = createLexing(language.syntax.vocabulary),
) {
  const { tokenTable } = language.syntax.vocabulary;
  const categoryByName = new Map(tokenTable.map((entry) => [entry.token.name, entry.category]));
  const fieldNames = new Set(language.catalog.fields.map((field) => field.name));

  function tokens(text: string): HighlightToken[] {
    const lexed = lex(text);
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

  const wordsOf = (category: TokenCategory): string[] =>
    language.syntax.vocabulary.keywordTable
      .filter((entry) => entry.category === category)
      .map((entry) => patternOf(entry.token.PATTERN).source);

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

  const monarchLanguage: MonarchLanguage = {
    defaultToken: 'invalid',
    tokenPostfix: '.proactive',
    keywords: wordsOf('keyword'),
    operators: wordsOf('operator'),
    fields: [...fieldNames],
    tokenizer: { root: monarchRules },
  };
  return { tokens, monarchLanguage };
}
