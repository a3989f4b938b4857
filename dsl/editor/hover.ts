/**
 * Hover: the catalog's documentation for the word under the cursor (field, operator, value, keyword,
 * language tag).
 */
import type { IToken } from 'chevrotain';
import type { OperatorName, SourceRange } from '../model/ast.ts';
import {
  fieldByName,
  fields,
  frequencies,
  keywordDocs,
  operatorByName,
  timesOfDay,
} from '../catalog/catalog.ts';
import * as t from '../syntax/lexer.ts';
import { decodeString } from '../syntax/strings.ts';
import { languageName, objectLabel } from './complete.ts';

export interface HoverResult {
  range: SourceRange;
  /** Markdown. */
  contents: string;
}

function tokenAt(tokens: IToken[], offset: number): { token: IToken; index: number } | undefined {
  const index = tokens.findIndex(
    (token) => token.startOffset <= offset && offset < token.startOffset + token.image.length,
  );
  return index < 0 ? undefined : { token: tokens[index] as IToken, index };
}

/** The operator a token belongs to: `is`, `is not`, `contains` or `does not contain`. */
function operatorAt(tokens: IToken[], index: number): OperatorName {
  const type = tokens[index]?.tokenType;
  const previous = tokens[index - 1]?.tokenType;
  if (type === t.Contains) return 'contains';
  if (type === t.Does || type === t.Contain || (type === t.Not && previous === t.Does))
    return 'does_not_contain';
  if (type === t.Not || tokens[index + 1]?.tokenType === t.Not) return 'is_not';
  return 'is';
}

function fieldOfValue(tokens: IToken[], index: number): string | undefined {
  for (let at = index - 1; at >= 0; at--) {
    const token = tokens[at] as IToken;
    if (token.tokenType === t.Identifier && fieldByName(token.image)) return token.image;
    if (token.tokenType === t.And || token.tokenType === t.Or || token.tokenType === t.When) return undefined;
  }
  return undefined;
}

function docOf(tokens: IToken[], index: number): string | undefined {
  const token = tokens[index] as IToken;
  const word = token.image;
  const field = fieldByName(word);
  if (field) {
    const allowed = field.operators.map((name) => operatorByName(name).keyword);
    return `**${field.name}** — ${objectLabel(field.object)} › ${field.label}\n\n${field.doc}\n\nOperators: ${allowed.join(', ')}. Example: \`${field.name} ${allowed[0]} ${field.example}\``;
  }
  const symbol = fields.flatMap((entry) => entry.symbols ?? []).find((entry) => entry.name === word);
  if (symbol) return `**${symbol.name}** — ${symbol.label}\n\n${symbol.doc}`;
  const frequency = frequencies.find((entry) => entry.name === word);
  if (frequency) return `**${frequency.name}** — ${frequency.label}\n\n${frequency.doc}`;
  const timeOfDay = timesOfDay.find((entry) => entry.keyword.split(' ')[0] === word);
  if (timeOfDay) return `**${timeOfDay.keyword}** — ${timeOfDay.label}\n\n${timeOfDay.doc}`;
  if ([t.Is, t.Not, t.Contains, t.Does, t.Contain].includes(token.tokenType)) {
    const previous = tokens[index - 1]?.tokenType;
    if (token.tokenType === t.Not && previous !== t.Is && previous !== t.Does)
      return `**not**\n\n${keywordDocs.not}`;
    const operator = operatorByName(operatorAt(tokens, index));
    return `**${operator.keyword}** — ${operator.label}\n\n${operator.doc}`;
  }
  if (keywordDocs[word]) return `**${word}**\n\n${keywordDocs[word]}`;
  if (token.tokenType === t.StringLiteral && fieldOfValue(tokens, index) === 'device.language') {
    const tag = decodeString(word).value;
    return `**${tag}** — ${languageName(tag)}`;
  }
  return undefined;
}

/**
 * Documentation for the token at `offset`, or null when there is none.
 *
 * @example hover('when device.language is "fr"', 8)?.contents // '**device.language** — Device › Language ...'
 */
export function hover(text: string, offset: number): HoverResult | null {
  const tokens = t.ruleLexer.tokenize(text).tokens;
  const found = tokenAt(tokens, offset) ?? tokenAt(tokens, offset - 1);
  if (!found) return null;
  const contents = docOf(tokens, found.index);
  if (!contents) return null;
  return {
    range: { start: found.token.startOffset, end: found.token.startOffset + found.token.image.length },
    contents,
  };
}
