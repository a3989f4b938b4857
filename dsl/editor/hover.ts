/**
 * Hover: the catalog's documentation for the word under the cursor (field, operator, keyword, frequency,
 * time of day), and for a value what the field's kind says about it (a symbol's meaning, a language's
 * name).
 */
import type { IToken } from 'chevrotain';
import type { FieldEntry, OperatorEntry } from '../catalog/types.ts';
import type { RuleLanguage } from '../language.ts';
import type { SourceRange } from '../model/ast.ts';
import * as t from '../syntax/lexer.ts';
import { decodeString, encodeString } from '../syntax/strings.ts';
import { objectLabel, type EditorOptions } from './complete.ts';

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

/**
 * The hover of a catalog's language.
 *
 * @example createHover(language)('when device.language is "fr"', 8)?.contents // '**device.language** — Device › Language ...'
 */
export function createHover(
  language: RuleLanguage,
): (text: string, offset: number, options?: EditorOptions) => HoverResult | null {
  const { catalog } = language;
  const { vocabulary } = language.syntax;
  const { keywordDocs } = catalog;
  const isOperatorWord = (token: IToken | undefined) =>
    token !== undefined && vocabulary.operatorWords.has(token.tokenType);

  /**
   * The operator a word belongs to: the run of operator words after a field is its keyword (or, while
   * the text is being written, begins it). Undefined for a `not` that negates a condition.
   */
  function operatorAt(tokens: IToken[], index: number): OperatorEntry | undefined {
    let start = index;
    while (isOperatorWord(tokens[start - 1])) start--;
    let end = index + 1;
    while (isOperatorWord(tokens[end])) end++;
    const before = tokens[start - 1]?.tokenType;
    if (before !== t.Identifier && before !== t.RBracket) return undefined;
    const written = tokens
      .slice(start, end)
      .map((token) => token.image)
      .join(' ');
    return (
      catalog.operators.find((operator) => operator.keyword === written) ??
      catalog.operators.find((operator) => operator.keyword.startsWith(`${written} `))
    );
  }

  /** The catalog field of the comparison a value belongs to. */
  function fieldOfValue(tokens: IToken[], index: number) {
    for (let at = index - 1; at >= 0; at--) {
      const token = tokens[at] as IToken;
      if (token.tokenType === t.Identifier && catalog.fieldByName(token.image)) {
        return catalog.fieldByName(token.image);
      }
      if (token.tokenType === t.And || token.tokenType === t.Or || token.tokenType === t.When)
        return undefined;
    }
    return undefined;
  }

  /** The keyed field whose key the token is (`"plan"` in `visitor.attributes["plan"]`), if it is one. */
  function keyedFieldOf(tokens: IToken[], index: number): FieldEntry | undefined {
    const field = tokens[index - 2];
    if (tokens[index - 1]?.tokenType !== t.LBracket || field?.tokenType !== t.Identifier) return undefined;
    return catalog.fieldByName(field.image)?.key ? catalog.fieldByName(field.image) : undefined;
  }

  /** A key of a keyed field, with its declaration when the editor has the declarations. */
  function keyDoc(field: FieldEntry, key: string, options: EditorOptions): string {
    const about = field.key as NonNullable<FieldEntry['key']>;
    const title = `**${encodeString(key)}** — ${objectLabel(catalog, field.object)} › ${field.label}`;
    if (!about.declarations || !options[about.declarations]) {
      return `${title}\n\nThe ${about.label} ${encodeString(key)} of ${field.name}.`;
    }
    const declared = options[about.declarations]?.find((declaration) => declaration.key === key);
    return declared
      ? `${title}: ${declared.label ?? key}\n\nA declared ${about.label}: ${declared.type === 'boolean' ? 'true or false' : declared.type}.`
      : `${title}\n\nThe ${about.label} ${encodeString(key)} is not declared in the settings.`;
  }

  function docOf(tokens: IToken[], index: number, options: EditorOptions): string | undefined {
    const token = tokens[index] as IToken;
    const word = token.image;
    const field = catalog.fieldByName(word);
    if (field) {
      // Catalogs only let fields allow operators they have.
      const allowed = field.operators.map((name) => (catalog.operatorByName(name) as OperatorEntry).keyword);
      const key = field.key ? `[${field.key.example}]` : '';
      return `**${field.name}${key}** — ${objectLabel(catalog, field.object)} › ${field.label}\n\n${field.doc}\n\nOperators: ${allowed.join(', ')}. Example: \`${field.name}${key} ${allowed[0]} ${field.example}\``;
    }
    const keyed = token.tokenType === t.StringLiteral ? keyedFieldOf(tokens, index) : undefined;
    if (keyed) return keyDoc(keyed, decodeString(word).value, options);
    const isWord = token.tokenType !== t.Identifier && token.tokenType !== t.StringLiteral;
    const trigger = catalog.events.find((event) => {
      const words = event.syntax.split(' ');
      return isWord && words[0] !== word && words.includes(word);
    });
    if (trigger) return `**${trigger.syntax}** — ${trigger.label}\n\n${trigger.doc}`;
    if (token.tokenType === t.Identifier || token.tokenType === t.StringLiteral) {
      const owner = fieldOfValue(tokens, index);
      const value = token.tokenType === t.StringLiteral ? decodeString(word).value : word;
      return owner ? catalog.kindOf(owner).hoverValue(value, owner) : undefined;
    }
    const frequency = catalog.frequencies.find((entry) => entry.name === word);
    if (frequency) return `**${frequency.name}** — ${frequency.label}\n\n${frequency.doc}`;
    const timeOfDay = catalog.timesOfDay.find((entry) => entry.keyword.split(' ')[0] === word);
    if (timeOfDay) return `**${timeOfDay.keyword}** — ${timeOfDay.label}\n\n${timeOfDay.doc}`;
    const operator = isOperatorWord(token) ? operatorAt(tokens, index) : undefined;
    if (operator) return `**${operator.keyword}** — ${operator.label}\n\n${operator.doc}`;
    const doc = keywordDocs[word];
    return doc ? `**${word}**\n\n${doc}` : undefined;
  }

  return (text, offset, options = {}) => {
    const tokens = vocabulary.lexer.tokenize(text).tokens;
    const found = tokenAt(tokens, offset) ?? tokenAt(tokens, offset - 1);
    if (!found) return null;
    const contents = docOf(tokens, found.index, options);
    if (!contents) return null;
    return {
      range: { start: found.token.startOffset, end: found.token.startOffset + found.token.image.length },
      contents,
    };
  };
}
