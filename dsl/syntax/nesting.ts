/**
 * The nesting guard: before the grammar (a recursive-descent parser) sees the tokens, one linear scan
 * measures how deep parentheses and `not` nest, and refuses a rule deeper than {@link MAX_NESTING} with a
 * diagnostic on the token that goes too deep. Nothing recursive ever runs on deeper input.
 */
import type { IToken, TokenType } from 'chevrotain';
import { MAX_NESTING } from '../model/ast.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import * as t from './lexer.ts';

/** Tokens after which `not` negates a condition (elsewhere it is part of an operator: `is not`). */
const conditionStarts = new Set<TokenType>([t.When, t.And, t.Or, t.Not, t.LParen]);

const GROUP = 1;
const NOT = 0;

/**
 * The `too-deep` diagnostic of a rule's tokens, or undefined when they nest at most {@link MAX_NESTING}
 * levels. A `not` is a level until the condition it negates ends (at `and`, `or` or the `)` of its group).
 *
 * @example nestingProblem(lexer.tokenize('when ' + '('.repeat(65) + 'a.b is "x"').tokens)?.code // 'too-deep'
 */
export function nestingProblem(tokens: readonly IToken[]): Diagnostic | undefined {
  const open: number[] = [];
  const closeNots = () => {
    while (open.length > 0 && open[open.length - 1] === NOT) open.pop();
  };
  let previous: TokenType | undefined;
  for (const token of tokens) {
    const type = token.tokenType;
    if (type === t.LParen || (type === t.Not && (previous === undefined || conditionStarts.has(previous)))) {
      open.push(type === t.LParen ? GROUP : NOT);
      if (open.length > MAX_NESTING) return tooDeep(token);
    } else if (type === t.RParen) {
      closeNots();
      open.pop();
      closeNots();
    } else if (type === t.And || type === t.Or) {
      closeNots();
    }
    previous = type;
  }
  return undefined;
}

function tooDeep(token: IToken): Diagnostic {
  return {
    range: { start: token.startOffset, end: token.startOffset + token.image.length },
    severity: 'error',
    code: 'too-deep',
    message: `Conditions nest more than ${MAX_NESTING} levels deep here (each \`(\` and each \`not\` is a level). Remove parentheses that group a single condition, write \`not not x\` as \`x\`, or split the rule into several messages.`,
  };
}
