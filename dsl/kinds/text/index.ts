/**
 * Text: quoted strings compared without regard to case (page URL, page title). `contains` looks for the
 * text anywhere; a list means "at least one of" (or "none of" with the negative operators).
 */
import { z } from 'zod';
import type { FieldEntry } from '../../catalog/types.ts';
import type { MatchKind } from '../kind.ts';
import { emptyString, fitsStrings, listNote, listSnippet, validateStrings } from '../string-values.ts';
import { foldCase, textRuntime } from './runtime.ts';

const code = (text: string) => `\`${text}\``;

export const textKind: MatchKind<'text', string> = {
  name: 'text',
  operators: ['is', 'is_not', 'contains', 'does_not_contain'],
  diagnosticCodes: { 'empty-value': 'An empty string matches every page (warning).' },
  runtime: textRuntime,
  contextValue: () => z.string(),
  validate(value, field, report) {
    validateStrings(value, field, report, (item) => {
      if (item.value === '') {
        report.warning(
          'empty-value',
          item.range,
          `An empty value matches every ${field.label.toLowerCase()}. Type the text to look for.`,
        );
      }
    });
  },
  completeValue: (field) => [
    { label: field.example, kind: 'value', insertText: field.example, detail: field.label },
    listSnippet(field),
  ],
  hoverValue: () => undefined,
  compileValue: foldCase,
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
