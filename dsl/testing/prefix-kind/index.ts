/**
 * An example match kind, used by tests and walked through in docs/extending.md: text compared by its
 * beginning, with an operator of its own, `is under` (`visitor.page_path is under "/blog"`).
 * Values are quoted strings, case-insensitive; a list means "under one of".
 */
import { z } from 'zod';
import type { MatchKind } from '../../kinds/kind.ts';
import {
  emptyString,
  fitsStrings,
  listNote,
  listSnippet,
  validateStrings,
} from '../../kinds/string-values.ts';
import { foldCase } from '../../kinds/text/runtime.ts';
import { prefixRuntime } from './runtime.ts';

export const prefixKind: MatchKind<'prefix', string> = {
  name: 'prefix',
  operators: ['is_under', 'is'],
  newOperators: [
    {
      name: 'is_under',
      keyword: 'is under',
      label: 'Is under',
      doc: 'The path begins with the value, or with one of the values of a list.',
    },
  ],
  diagnosticCodes: { 'missing-slash': 'A path prefix does not start with "/".' },
  runtime: prefixRuntime,
  contextValue: () => z.string(),
  validate(value, field, report) {
    validateStrings(value, field, report, (item) => {
      if (!item.value.startsWith('/')) {
        report.error('missing-slash', item.range, `A path starts with "/": write "/${item.value}".`);
      }
    });
  },
  completeValue: (field) => [
    { label: field.example, kind: 'value', insertText: field.example, detail: field.label },
    listSnippet(field),
  ],
  hoverValue: (value) => `**${value}** — pages whose path starts with ${value}`,
  compileValue: foldCase,
  describeValues: (field) => `a path in quotes, e.g. \`${field.example}\`${listNote(field)}`,
  documentValues: () => '- **A path prefix** in quotes, starting with `/`: `"/blog"`.',
  valueControl: (field) => ({ control: 'chips', allowsList: field.allowsList }),
  defaultValue: emptyString,
  fitsValue: fitsStrings,
  sampleControl: () => ({ control: 'text' }),
  sampleDefault: (field) => field.sample ?? '/',
};
