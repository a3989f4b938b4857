/**
 * The test panel's sample facts (app/rules/sample-visitor.ts): which input each field gets and what
 * context value its text becomes. The field's kind decides both; a keyed field is edited as `key=value`
 * pairs, each value made a fact by the kind.
 */
import type { SampleControl } from '../kinds/kind.ts';
import type { Catalog, FieldEntry } from './types.ts';

/**
 * The `key=value` pairs of a keyed field's sample, separated by `;`; pairs without `=` or a key are left
 * out, and both sides are trimmed.
 *
 * @example keyValuePairs('plan=pro; seats=12') // [['plan', 'pro'], ['seats', '12']]
 */
export function keyValuePairs(text: string): [string, string][] {
  return text.split(';').flatMap((pair): [string, string][] => {
    const equals = pair.indexOf('=');
    const key = pair.slice(0, equals).trim();
    return equals < 0 || key === '' ? [] : [[key, pair.slice(equals + 1).trim()]];
  });
}

/**
 * The input of a field's sample: the kind's, or `key=value` pairs for a keyed field.
 *
 * @example sampleControlOf(catalog.fieldByName('visitor.query')!, catalog) // { control: 'keyValues' }
 */
export function sampleControlOf(field: FieldEntry, catalog: Catalog): SampleControl {
  return field.key ? { control: 'keyValues' } : catalog.kindOf(field).sampleControl(field);
}

/**
 * The context value of a field's sample text, as the kind reads samples (a number for a number field),
 * one per key for a keyed field; undefined when the text gives none (an empty number).
 *
 * @example sampleFactOf(catalog.fieldByName('visitor.attributes')!, 'plan=pro; seats=12', catalog) // { plan: 'pro', seats: 12 }
 */
export function sampleFactOf(field: FieldEntry, text: string, catalog: Catalog): unknown {
  const kind = catalog.kindOf(field);
  const fact = (value: string) => (kind.sampleValue ? kind.sampleValue(value, field) : value);
  if (!field.key) return fact(text);
  return Object.fromEntries(
    keyValuePairs(text)
      .map(([key, value]) => [key, fact(value)])
      .filter(([, value]) => value !== undefined),
  );
}
