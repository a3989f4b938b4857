/**
 * Hover: the catalog's documentation for the word under the cursor (field, operator, keyword, frequency,
 * time of day); for a value what the field's kind says about it (how text compares, a symbol's meaning,
 * a language's name, or what is wrong with it); what a duration, a schedule name or a tag means.
 */
import type { IToken } from 'chevrotain';
import type { Catalog, FieldEntry, OperatorEntry } from '../catalog/types.ts';
import { closestMatch } from '../check/suggest.ts';
import type { ValidateOptions } from '../check/validator.ts';
import type { RuleLanguage } from '../language.ts';
import type { SourceRange } from '../model/ast.ts';
import * as t from '../syntax/lexer.ts';
import { decodeString, encodeString } from '../syntax/strings.ts';
import { objectLabel } from './complete.ts';
import { createLexing, type Lex } from './lexing.ts';

export interface HoverResult {
  range: SourceRange;
  /** Markdown. */
  contents: string;
}

/** What hover knows of the channel: the same options as the validator (the schedules that exist). */
export type HoverOptions = ValidateOptions;

/** `M:SS`. */
const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * A time on the page in words.
 *
 * @example spokenDuration(125) // '2 minutes 5 seconds'
 */
export function spokenDuration(seconds: number): string {
  const unit = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const minutes = Math.floor(seconds / 60);
  const parts = [
    minutes > 0 ? unit(minutes, 'minute') : '',
    seconds % 60 > 0 || minutes === 0 ? unit(seconds % 60, 'second') : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** The hover of a duration (`for 2:05`): how long, or what is wrong with it. */
function durationDoc(word: string, catalog: Catalog): string {
  const [minutesText, secondsText] = word.split(':') as [string, string];
  const total = Number(minutesText) * 60 + Number(secondsText);
  const { min, max } = catalog.onPageSeconds;
  const limits = `The time on the page goes from ${clock(min)} to ${clock(max)}.`;
  if (secondsText.length !== 2 || Number(secondsText) > 59) {
    const fixed = total >= min && total <= max ? ` Write ${clock(total)} for ${spokenDuration(total)}.` : '';
    return `⚠️ **${word}** — seconds are written with two digits, from 00 to 59.${fixed} ${limits}`;
  }
  if (total < min || total > max)
    return `⚠️ **${word}** is out of range. ${limits} To check on page load, leave out \`for\`.`;
  return `**${word}** — ${spokenDuration(total)} on the page\n\nThe conditions are checked once the visitor has been on the page for ${spokenDuration(total)}, counting only while the tab is visible. ${limits}`;
}

/** The hover of a schedule name (`during business_hours "EMEA support"`), and whether it exists. */
function scheduleDoc(name: string, timeOfDay: 'during' | 'outside', options: HoverOptions): string {
  const quoted = encodeString(name);
  const doc = `**${quoted}** — schedule\n\n\`${timeOfDay} business_hours ${quoted}\` uses the business hours of the schedule ${quoted} (in its own time zone) instead of the channel's.`;
  const known = options.schedules;
  if (known === undefined || known.includes(name)) return doc;
  const suggestion = closestMatch(name, known);
  const listing =
    known.length === 0
      ? "There are no named schedules: leave out the name to use the channel's business hours."
      : `Schedules: ${known.map((schedule) => encodeString(schedule)).join(', ')}.`;
  const meant = suggestion ? ` Did you mean ${encodeString(suggestion)}?` : '';
  return `⚠️ There is no schedule named ${quoted}.${meant} ${listing}\n\n${doc}`;
}

/** The hover of a tag (`tag "VIP"`): what tags do, and how it is stored. */
function tagDoc(tag: string): string {
  const added = 'Added to the tickets created from the conversation this message starts.';
  if (tag.trim() === '') return `⚠️ **""** — a tag cannot be empty. Type a word such as "vip", or remove it.`;
  if (/\s/.test(tag))
    return `⚠️ **${encodeString(tag)}** — tags can't contain spaces: write ${encodeString(tag.trim().replace(/\s+/g, '_'))}.\n\n${added}`;
  const lower = tag.toLowerCase();
  const stored = lower === tag ? '' : `\n\nTags are stored in lower case: this one is added as \`${lower}\`.`;
  return `**${tag}** — tag\n\n${added}${stored}`;
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
  lex: Lex = createLexing(language.syntax.vocabulary),
): (text: string, offset: number, options?: HoverOptions) => HoverResult | null {
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

  /** Whether the string at `index` is one of the tags of `tag "a", "b"`. */
  function isTag(tokens: IToken[], index: number): boolean {
    let at = index - 1;
    while (tokens[at]?.tokenType === t.Comma && tokens[at - 1]?.tokenType === t.StringLiteral) at -= 2;
    return tokens[at]?.tokenType === t.Tag;
  }

  /** The keyed field whose key the token is (`"plan"` in `visitor.attributes["plan"]`), if it is one. */
  function keyedFieldOf(tokens: IToken[], index: number): FieldEntry | undefined {
    const field = tokens[index - 2];
    if (tokens[index - 1]?.tokenType !== t.LBracket || field?.tokenType !== t.Identifier) return undefined;
    return catalog.fieldByName(field.image)?.key ? catalog.fieldByName(field.image) : undefined;
  }

  /** A key of a keyed field, with its declaration when the editor has the declarations. */
  function keyDoc(field: FieldEntry, key: string, options: HoverOptions): string {
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

  function docOf(tokens: IToken[], index: number, options: HoverOptions): string | undefined {
    const token = tokens[index] as IToken;
    const word = token.image;
    if (token.tokenType === t.Duration) return durationDoc(word, catalog);
    if (token.tokenType === t.StringLiteral) {
      const value = decodeString(word).value;
      if (tokens[index - 1]?.tokenType === t.BusinessHours)
        return scheduleDoc(value, tokens[index - 2]?.tokenType === t.Outside ? 'outside' : 'during', options);
      if (isTag(tokens, index)) return tagDoc(value);
    }
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
    const tokens = lex(text).tokens;
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
