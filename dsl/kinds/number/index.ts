/**
 * Numbers: written without quotes (`3`, `-2`, `12.5`) and compared with `is`, `is not`, `>`, `>=`, `<`,
 * `<=` (pages viewed, visit count, number attributes). One number per comparison.
 */
import { z } from 'zod';
import { replaceFix } from '../../model/diagnostic.ts';
import { encodeNumber } from '../../syntax/strings.ts';
import type { MatchKind } from '../kind.ts';
import { numberRuntime } from './runtime.ts';

const code = (text: string) => `\`${text}\``;

/** The number a text reads as (`"12"`, ` 3.5 `), or undefined. */
function numberIn(text: string): number | undefined {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : undefined;
}

export const numberKind: MatchKind<'number', number> = {
  name: 'number',
  operators: ['is', 'is_not', 'greater_than', 'greater_or_equal', 'less_than', 'less_or_equal'],
  runtime: numberRuntime,
  contextValue: () => z.number(),
  validate(value, field, report) {
    if (value.kind === 'number') {
      if (!Number.isFinite(value.value)) {
        report.error(
          'invalid-value',
          value.range,
          `${field.name} takes a finite number, e.g. ${field.example}.`,
        );
      }
      return;
    }
    if (value.kind === 'list') {
      report.error('list-not-allowed', value.range, `${field.name} takes one number, not a list.`);
      return;
    }
    const written = value.kind === 'string' ? numberIn(value.value) : undefined;
    report.error(
      'invalid-value',
      value.range,
      written === undefined
        ? `${field.name} is a number: write one without quotes, e.g. ${field.example}.`
        : `${field.name} is a number: write ${encodeNumber(written)} without quotes.`,
      written === undefined ? null : replaceFix(value.range, encodeNumber(written)),
    );
  },
  completeValue: (field) => [
    { label: field.example, kind: 'value', insertText: field.example, detail: field.label },
  ],
  hoverValue: () => undefined,
  compileValue: (value) => value,
  describeValues: (field) => `a number, e.g. ${code(field.example)}`,
  documentValues: () =>
    '- **A number** is written without quotes: `3`, `-2`, `12.5` (digits, an optional `-` and decimals; no exponent or thousands separator).',
  valueControl: () => ({ control: 'number' }),
  defaultValue: (field) => ({ kind: 'number', value: numberIn(field.example) ?? 0 }),
  fitsValue: (value) => value.kind === 'number',
  sampleControl: () => ({ control: 'number' }),
  sampleDefault: (field) => field.sample ?? '0',
  sampleValue: (text) => numberIn(text),
};
