/**
 * Text: quoted strings compared without regard to case in every script (page title, UTM parameters, query
 * parameters). `contains` looks for the text anywhere, `starts with` / `ends with` at an end, `matches`
 * takes a wildcard pattern; a list means "at least one of" (or "none of" with the negative operators).
 */
import { z } from 'zod';
import type { FieldEntry } from '../../catalog/types.ts';
import { encodeString } from '../../syntax/strings.ts';
import type { MatchKind } from '../kind.ts';
import {
  completeText,
  emptyString,
  emptyValueCode,
  fitsStrings,
  listNote,
  validateText,
} from '../string-values.ts';
import { textWithOperators } from '../extra-runtime.ts';
import { foldCase } from './runtime.ts';

const code = (text: string) => `\`${text}\``;

export const textKind: MatchKind<'text', string> = {
  name: 'text',
  operators: [
    'is',
    'is_not',
    'contains',
    'does_not_contain',
    'starts_with',
    'ends_with',
    'matches',
    'does_not_match',
  ],
  diagnosticCodes: emptyValueCode,
  runtime: textWithOperators,
  contextValue: () => z.string(),
  validate: validateText,
  completeValue: completeText,
  hoverValue(value, field) {
    if (value === '') return `**""** — the empty text: every ${field.label.toLowerCase()} contains it.`;
    const folded = foldCase(value);
    const upper = value.toUpperCase();
    const same =
      folded !== value
        ? `, as ${encodeString(folded)}`
        : upper !== value
          ? `: ${encodeString(upper)} is the same`
          : '';
    return `**${encodeString(value)}** — text, compared without regard to case${same}.`;
  },
  compileValue: (value) => foldCase(value as string),
  describeValues: (field: FieldEntry) => `text in quotes, e.g. ${code(field.example)}${listNote(field)}`,
  documentValues: () =>
    [
      '- **Text** goes in double quotes: `"pricing"`. Inside quotes you can write any Unicode text, emoji',
      '  included, and these escapes: `\\"` (a quote), `\\\\` (a backslash), `\\n` (a new line), `\\t`',
      '  (a tab) and `\\u{1F44B}` (any character by its code point).',
      '- **A list** of texts, in square brackets: `["pricing", "plans"]`. With `contains` a list means',
      '  "contains at least one of", with `does not contain` "contains none of", with `is` "equals one of",',
      '  and with `is not` "equals none of".',
    ].join('\n'),
  valueControl: (field) => ({ control: 'chips', allowsList: field.allowsList }),
  defaultValue: emptyString,
  fitsValue: fitsStrings,
  sampleControl: () => ({ control: 'text' }),
  sampleDefault: (field) => field.sample ?? '',
};
