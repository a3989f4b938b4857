/**
 * Symbols: one bare word out of the field's `symbols` (visit history: `new_user`, `returning_user`).
 */
import { z } from 'zod';
import type { FieldEntry, SymbolEntry } from '../../catalog/types.ts';
import { closestMatch } from '../../check/suggest.ts';
import { replaceFix } from '../../model/diagnostic.ts';
import type { MatchKind } from '../kind.ts';
import { symbolRuntime } from './runtime.ts';

const code = (text: string) => `\`${text}\``;
const symbolsOf = (field: FieldEntry): readonly SymbolEntry[] => field.symbols ?? [];
const namesOf = (field: FieldEntry) => symbolsOf(field).map((symbol) => symbol.name);

export const symbolKind: MatchKind<'symbol', string> = {
  name: 'symbol',
  operators: ['is', 'is_not'],
  runtime: symbolRuntime,
  checkField: (field) => (field.symbols ? undefined : 'a symbol field lists its symbols.'),
  contextValue: (field) => z.enum(namesOf(field) as [string, ...string[]]),
  validate(value, field, report) {
    // The common case first: a known word (checked on every comparison, so it allocates nothing).
    if (value.kind === 'symbol' && symbolsOf(field).some((symbol) => symbol.name === value.name)) return;
    const names = namesOf(field);
    const listing = names.join(' or ');
    if (value.kind === 'list') {
      report.error('list-not-allowed', value.range, `${field.name} takes one value: ${listing}.`);
    } else if (value.kind === 'string') {
      const bare = names.find((name) => name === value.value.trim().toLowerCase());
      report.error(
        'invalid-value',
        value.range,
        `${field.name} takes a word without quotes: ${listing}.`,
        bare ? replaceFix(value.range, bare) : null,
      );
    } else if (value.kind !== 'symbol') {
      report.error('invalid-value', value.range, `${field.name} takes a word without quotes: ${listing}.`);
    } else if (!names.includes(value.name)) {
      const suggestion = closestMatch(value.name, names);
      report.error(
        'unknown-value',
        value.range,
        `\`${value.name}\` is not a value of ${field.name}. Use ${listing}.`,
        suggestion ? replaceFix(value.range, suggestion) : null,
      );
    }
  },
  completeValue: (field) =>
    symbolsOf(field).map((symbol) => ({
      label: symbol.name,
      kind: 'value',
      insertText: symbol.name,
      detail: symbol.label,
      documentation: symbol.doc,
    })),
  hoverValue(value, field) {
    const symbol = symbolsOf(field).find((entry) => entry.name === value);
    return symbol && `**${symbol.name}** — ${symbol.label}\n\n${symbol.doc}`;
  },
  compileValue: (value) => value as string,
  describeValues: (field) =>
    symbolsOf(field)
      .map((symbol) => `${code(symbol.name)} (${symbol.label})`)
      .join(', '),
  documentValues: (fields) =>
    fields
      .map(
        (field) =>
          `- **A word** without quotes for ${field.label.toLowerCase()}: ${namesOf(field).map(code).join(' or ')}.`,
      )
      .join('\n'),
  valueControl: (field) => ({ control: 'select', options: symbolsOf(field) }),
  defaultValue: (field) => ({ kind: 'symbol', name: namesOf(field)[0] ?? '' }),
  fitsValue: (value) => value.kind === 'symbol',
  sampleControl: (field) => ({ control: 'select', options: symbolsOf(field) }),
  sampleDefault: (field) => field.sample ?? namesOf(field)[0] ?? '',
};
