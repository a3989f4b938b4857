/**
 * Messages for the mistakes admins make most, in place of the grammar's generic "Expected ... but found
 * ...": a number where a duration or a percentage goes (`for 30`, `on scroll 50`), keywords written with
 * spaces (`once per visit`, `exit intent`), near-miss words (`once_per_session`, `tags`), and operators
 * from other languages (`==`, `!=`, `=>`, `equals`). Each comes with the fix when there is one.
 */
import type { IToken } from 'chevrotain';
import type { Catalog } from '../catalog/types.ts';
import { closestMatch } from '../check/suggest.ts';
import type { SourceRange } from '../model/ast.ts';
import type { Fix } from '../model/diagnostic.ts';
import * as t from './lexer.ts';

/** A better diagnostic for a syntax error. */
export interface Typo {
  code: string;
  range: SourceRange;
  message: string;
  fix?: Fix;
}

/** Words admins bring from elsewhere, and what the rule language says instead. */
const clauseAliases: Readonly<Record<string, string>> = {
  once_per_session: 'once_per_visit',
  once_per_user: 'once_per_customer',
  once_per_visitor: 'once_per_customer',
  always: 'every_time',
  tags: 'tag',
};

const operatorAliases: Readonly<Record<string, string>> = {
  '==': 'is',
  '=': 'is',
  '===': 'is',
  equals: 'is',
  equal: 'is',
  '!=': 'is not',
  '!==': 'is not',
  '<>': 'is not',
  '=>': '>=',
  '=<': '<=',
  isnt: 'is not',
  contain: 'contains',
  includes: 'contains',
  include: 'contains',
  has: 'contains',
};

const rangeOf = (first: IToken, last: IToken = first): SourceRange => ({
  start: first.startOffset,
  end: last.startOffset + last.image.length,
});

const replacing = (range: SourceRange, text: string): Fix => ({
  title: `Change to ${text}`,
  edits: [{ range, text }],
});

/** `seconds` as the language writes a duration: `0:30`, `1:30`. */
function durationOf(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The typo explainer of a catalog: given the tokens, the index of the token a syntax error is at, and
 * the grammar rules the parser was in, a clearer diagnostic, or undefined to keep the grammar's.
 *
 * @example createTypos(catalog)(tokens, 6, ['rule'])?.message // 'Write once_per_visit, with underscores.'
 */
export function createTypos(catalog: Catalog) {
  const clauseWords = [
    ...catalog.frequencies.map((entry) => entry.name),
    ...catalog.timesOfDay.flatMap((entry) => entry.keyword.split(' ')),
    'tag',
    'for',
    'and',
    'or',
    'on_site',
    'exit_intent',
    'scroll',
    'idle',
  ];
  const keywords = new Set([...clauseWords, ...catalog.operators.map((operator) => operator.keyword)]);
  const operatorKeywords = catalog.operators.map((operator) => operator.keyword);
  const fieldNames = new Set(catalog.fields.map((field) => field.name));

  /** Up to three words from `index` on one line, joined by `_`, that make a keyword: `once per visit`. */
  function joinedKeyword(tokens: readonly IToken[], index: number, text: string): Typo | undefined {
    let joined = (tokens[index] as IToken).image;
    for (let next = index + 1; next <= index + 2 && next < tokens.length; next++) {
      const previous = tokens[next - 1] as IToken;
      const token = tokens[next] as IToken;
      const gap = text.slice(previous.startOffset + previous.image.length, token.startOffset);
      if (!/^[ \t]+$/.test(gap) || !/^[a-z_]+$/i.test(token.image)) return undefined;
      joined += `_${token.image}`;
      const word = joined.toLowerCase();
      if (keywords.has(word)) {
        const range = rangeOf(tokens[index] as IToken, token);
        return {
          code: 'syntax',
          range,
          message: `Did you mean ${word}? Keywords are one word, joined with underscores.`,
          fix: replacing(range, word),
        };
      }
    }
    return undefined;
  }

  function durationTypo(token: IToken, what: string, before: string): Typo {
    const seconds = Number(token.image);
    const written = durationOf(seconds);
    const range = rangeOf(token);
    return {
      code: 'invalid-duration',
      range,
      message: `Write ${what} as minutes:seconds: ${before} ${written} is ${seconds} seconds.`,
      fix: replacing(range, written),
    };
  }

  function percentTypo(token: IToken): Typo {
    const range = rangeOf(token);
    const written = `${token.image}%`;
    return {
      code: 'syntax',
      range,
      message: `Write the scroll depth as a percentage: on scroll ${written}.`,
      fix: replacing(range, written),
    };
  }

  /** A number where the trigger wants a duration or a percentage. */
  function triggerNumberTypo(tokens: readonly IToken[], index: number, rule: string | undefined) {
    const token = tokens[index] as IToken;
    if (token.tokenType !== t.NumberLiteral || !/^\d+$/.test(token.image)) return undefined;
    const previous = tokens[index - 1]?.tokenType;
    if (rule === 'timing') return durationTypo(token, 'the time on the page', 'for');
    if (rule !== 'trigger') return undefined;
    if (previous === t.Idle) return durationTypo(token, 'the idle time', 'idle');
    return previous === t.Scroll ? percentTypo(token) : undefined;
  }

  function operatorTypo(token: IToken, rule: string | undefined): Typo | undefined {
    const word = token.image.toLowerCase();
    const range = rangeOf(token);
    if (word === '!' && rule === 'unary') {
      return {
        code: 'syntax',
        range,
        message: 'Write `not` instead of `!`.',
        fix: replacing(range, 'not'),
      };
    }
    const meant =
      operatorAliases[word] ??
      (token.tokenType === t.Identifier ? closestMatch(word, operatorKeywords) : undefined);
    if (!meant || rule === 'unary') return undefined;
    return {
      code: 'syntax',
      range,
      message: `Expected an operator but found \`${token.image}\`: write \`${meant}\`. Operators: ${operatorKeywords.join(', ')}.`,
      fix: replacing(range, meant),
    };
  }

  function clauseTypo(token: IToken): Typo | undefined {
    const word = token.image.toLowerCase();
    if (fieldNames.has(token.image)) return undefined;
    const meant = clauseAliases[word] ?? closestMatch(word, clauseWords);
    if (!meant || meant === word) return undefined;
    const range = rangeOf(token);
    return {
      code: 'syntax',
      range,
      message: `Unknown word \`${token.image}\`. Did you mean ${meant}?`,
      fix: replacing(range, meant),
    };
  }

  return (tokens: readonly IToken[], index: number, ruleStack: readonly string[], text: string) => {
    const token = tokens[index];
    if (!token) return undefined;
    const rule = ruleStack.at(-1);
    const triggerTypo = triggerNumberTypo(tokens, index, rule);
    if (triggerTypo) return triggerTypo;
    if (rule === 'operator' || token.tokenType === t.Comparator) return operatorTypo(token, rule);
    if (token.tokenType !== t.Identifier) return undefined;
    return joinedKeyword(tokens, index, text) ?? (rule === 'comparison' ? undefined : clauseTypo(token));
  };
}
