/**
 * Booleans: `true` or `false`, without quotes, compared with `is` (boolean attributes and event
 * properties: `visitor.attributes["trial"] is true`).
 */
import { z } from 'zod';
import { replaceFix } from '../../model/diagnostic.ts';
import type { MatchKind } from '../kind.ts';
import { booleanRuntime } from './runtime.ts';

const options = [
  { name: 'true', label: 'True', doc: 'The fact is true.' },
  { name: 'false', label: 'False', doc: 'The fact is false.' },
];

export const booleanKind: MatchKind<'boolean', boolean> = {
  name: 'boolean',
  operators: ['is'],
  runtime: booleanRuntime,
  contextValue: () => z.boolean(),
  validate(value, field, report) {
    if (value.kind === 'boolean') return;
    const written = value.kind === 'string' ? value.value.trim().toLowerCase() : '';
    const bare = written === 'true' || written === 'false' ? written : undefined;
    report.error(
      'invalid-value',
      value.range,
      bare
        ? `${field.name} is true or false: write ${bare} without quotes.`
        : `${field.name} is true or false: write is true or is false.`,
      bare ? replaceFix(value.range, bare) : null,
    );
  },
  completeValue: () =>
    options.map((option) => ({
      label: option.name,
      kind: 'value' as const,
      insertText: option.name,
      detail: option.label,
    })),
  hoverValue: () => undefined,
  compileValue: (value) => value,
  describeValues: () => '`true` or `false`',
  documentValues: () => '- **true** and **false** are written without quotes: `is true`, `is false`.',
  valueControl: () => ({ control: 'boolean' }),
  defaultValue: () => ({ kind: 'boolean', value: true }),
  fitsValue: (value) => value.kind === 'boolean',
  sampleControl: () => ({ control: 'select', options }),
  sampleDefault: (field) => field.sample ?? 'true',
  sampleValue: (text) => (text === 'true' ? true : text === 'false' ? false : undefined),
};
