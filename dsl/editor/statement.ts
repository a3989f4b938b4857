/**
 * The statement around the cursor: what completion hands the grammar instead of the whole text before
 * the cursor. A rule is `when` + a condition + clauses; what may come next depends only on the comparison
 * or clause being written, whether a group is open, and whether the clauses have begun. So the tokens
 * before the cursor are cut back to the last place a statement starts (`when`, `and`, `or`, `(`, a
 * negating `not`, a clause's first word), and that place is stood for by a few made-up tokens: `when (`
 * while a group is open, `when x is ""` once a condition is complete. The result is short whatever the
 * length of the text, and an error in an earlier statement no longer hides what may come next.
 */
import { createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import * as t from '../syntax/lexer.ts';
import type { Vocabulary } from '../syntax/lexer.ts';

/** The clause each clause-starting token begins (a rule says each clause at most once). */
export type ClauseName = 'timing' | 'timeOfDay' | 'frequency' | 'tags';

export interface Statement {
  /** Tokens the grammar reads in place of the text before the cursor. */
  tokens: IToken[];
  /**
   * Tokens to try when `tokens` lead nowhere (the statement itself has an error): the statement taken as
   * complete, so that what may follow it is still offered. Undefined when the statement cannot be.
   */
  recovery?: IToken[];
}

const made = (type: TokenType, image: string) =>
  createTokenInstance(type, image, NaN, NaN, NaN, NaN, NaN, NaN);

/** Tokens after which a condition starts. */
const conditionStarts: ReadonlySet<TokenType> = new Set([t.When, t.And, t.Or, t.LParen]);

/** Tokens a condition may end with (a value, or a group's `)`). */
const conditionEnds: ReadonlySet<TokenType> = new Set([
  t.StringLiteral,
  t.UnterminatedString,
  t.RBracket,
  t.Identifier,
  t.NumberLiteral,
  t.True,
  t.False,
  t.RParen,
]);

/**
 * The clause each clause-starting token of a vocabulary begins.
 *
 * @example clauseStarts(vocabulary).get(t.Tag) // 'tags'
 */
export function clauseStarts(vocabulary: Vocabulary): ReadonlyMap<TokenType, ClauseName> {
  return new Map<TokenType, ClauseName>([
    [t.For, 'timing'],
    [t.On, 'timing'],
    [t.Anytime, 'timeOfDay'],
    [t.During, 'timeOfDay'],
    [t.Outside, 'timeOfDay'],
    [t.Tag, 'tags'],
    ...vocabulary.frequencies.map((token): [TokenType, ClauseName] => [token, 'frequency']),
  ]);
}

/**
 * Cuts the tokens before the cursor back to the statement being written.
 *
 * @example createStatement(vocabulary)(tokenize('when a.b is "x" and c.d ')).tokens.map((token) => token.image) // ['when', 'c.d']
 */
export function createStatement(vocabulary: Vocabulary): (before: readonly IToken[]) => Statement {
  const clauses = clauseStarts(vocabulary);
  const operator = (vocabulary.operators.at(-1) as Vocabulary['operators'][number]).tokens;
  const when = made(t.When, 'when');
  const open = made(t.LParen, '(');
  /** A complete condition: `x is ""`. */
  const condition = [
    made(t.Identifier, 'x'),
    ...operator.map((token) => made(token, token.name)),
    made(t.StringLiteral, '""'),
  ];
  /** A complete clause, for going on after a broken one. */
  const clause = made(vocabulary.frequencies[0] as TokenType, 'frequency');

  /** Whether the `not` at `index` negates a condition (rather than being part of `is not`). */
  function negates(before: readonly IToken[], index: number): boolean {
    const previous = before[index - 1]?.tokenType;
    if (previous === undefined || conditionStarts.has(previous)) return true;
    return previous === t.Not && negates(before, index - 1);
  }

  /** Whether a group is open after `before[0..end)`; one open group says as much as several. */
  function groupOpen(before: readonly IToken[], end: number): boolean {
    let depth = 0;
    for (let index = 0; index < end; index++) {
      const type = (before[index] as IToken).tokenType;
      if (type === t.LParen) depth++;
      else if (type === t.RParen && depth > 0) depth--;
    }
    return depth > 0;
  }

  return (before) => {
    for (let index = before.length - 1; index >= 0; index--) {
      const type = (before[index] as IToken).tokenType;
      if (clauses.has(type)) {
        return {
          tokens: [when, ...condition, ...before.slice(index)],
          recovery: [when, ...condition, clause],
        };
      }
      const starts = conditionStarts.has(type) || (type === t.Not && negates(before, index));
      if (!starts && type !== t.RParen) continue;
      const group = groupOpen(before, index + 1) ? [open] : [];
      const rest = before.slice(index + 1);
      const complete = [when, ...group, ...condition];
      const last = before.at(-1) as IToken;
      return {
        tokens: starts ? [when, ...group, ...rest] : [...complete, ...rest],
        // A field, something in place of the operator, and a value: taken as a condition.
        recovery: rest.length >= 3 && conditionEnds.has(last.tokenType) ? complete : undefined,
      };
    }
    return { tokens: [...before] };
  };
}
