/**
 * What kinds whose values are quoted strings share (text, language, and most kinds to come): a value is
 * a string or, when the field allows it, a list of strings; a bare word is a mistake with an obvious fix.
 */
import type { CompletionItem } from '../editor/complete.ts';
import type { FieldEntry } from '../catalog/types.ts';
import type { StringValue, Value } from '../model/ast.ts';
import { replaceFix } from '../model/diagnostic.ts';
import { encodeString } from '../syntax/strings.ts';
import type { ValueContext, ValueReport } from './kind.ts';

/**
 * Checks a string-valued comparison: quotes, lists, duplicates; `checkItem` adds the kind's own checks of
 * each string.
 *
 * @example validateStrings(value, field, report, (item) => checkLanguage(item, report))
 */
export function validateStrings(
  value: Value,
  field: FieldEntry,
  report: ValueReport,
  checkItem: (item: StringValue) => void,
): void {
  if (value.kind === 'symbol' || value.kind === 'number' || value.kind === 'boolean') {
    const written = value.kind === 'symbol' ? value.name : String(value.value);
    const quoted = encodeString(written);
    const what =
      value.kind === 'symbol' ? 'a word of the language' : value.kind === 'number' ? 'a number' : written;
    report.error(
      'invalid-value',
      value.range,
      `Put the value in double quotes: ${quoted}. ${field.name} compares text, not ${what}.`,
      replaceFix(value.range, quoted),
    );
    return;
  }
  if (value.kind === 'string') {
    checkItem(value);
    return;
  }
  if (!field.allowsList) {
    report.error('list-not-allowed', value.range, `${field.name} takes one value, not a list.`);
    return;
  }
  if (value.items.length === 0) {
    report.error(
      'empty-list',
      value.range,
      `The list is empty. Add at least one value, e.g. [${field.example}].`,
    );
  }
  const seen = new Set<string>();
  for (const item of value.items) {
    const key = item.value.toLowerCase();
    if (seen.has(key))
      report.warning(
        'duplicate-value',
        item.range,
        `${encodeString(item.value)} is already in the list; remove one.`,
      );
    seen.add(key);
    checkItem(item);
  }
}

/**
 * The completion item that writes a list of the field's example.
 *
 * @example listSnippet(fieldByName('visitor.page_url')!).insertText // '["pricing"]'
 */
export function listSnippet(field: FieldEntry): CompletionItem {
  return { label: '[…]', kind: 'snippet', insertText: `[${field.example}]`, detail: 'A list of values' };
}

/** A string value, or a list of strings where the field allows lists. */
export function fitsStrings(value: Value, field: FieldEntry): boolean {
  return value.kind === 'string' || (value.kind === 'list' && field.allowsList);
}

/** The value a string field starts with: an empty string. */
export const emptyString = (): Value => ({ kind: 'string', value: '' });

/** ", or a list such as [...]" when the field allows lists (for the docs' Values cell). */
export function listNote(field: FieldEntry): string {
  return field.allowsList ? `, or a list such as [${field.example}, ...]` : '';
}

/** The codes text-like kinds report about values that match everything or one text only, with their meaning. */
export const emptyValueCode = {
  'empty-value': 'An empty string, or a pattern of stars only, matches every page (warning).',
  'no-wildcard': 'A `matches` pattern has no `*`, so it matches one whole text only (warning).',
} as const;

/** Checks a `matches` pattern: one of stars only matches everything; one without a star, one text. */
function checkPattern(item: StringValue, field: FieldEntry, report: ValueReport): void {
  const what = field.label.toLowerCase();
  if (/^\*+$/.test(item.value)) {
    report.warning(
      'empty-value',
      item.range,
      `The pattern ${encodeString(item.value)} matches every ${what}. Type the text around the *, e.g. "*/blog/*".`,
    );
  } else if (!item.value.includes('*')) {
    const anywhere = encodeString(`*${item.value}*`);
    report.warning(
      'no-wildcard',
      item.range,
      `${encodeString(item.value)} has no *: matches compares the whole ${what}, so only ${encodeString(item.value)} itself matches. Write ${anywhere} to find it anywhere, or use is.`,
      item.value === '' ? null : replaceFix(item.range, anywhere),
    );
  }
}

/**
 * Checks a text-like value (text, URLs): quotes, lists, duplicates, a warning for an empty value, which
 * matches everything, and for `matches` patterns that match everything or one text only.
 *
 * @example validateText(value, field, report, { operator: 'matches' })
 */
export function validateText(
  value: Value,
  field: FieldEntry,
  report: ValueReport,
  context: ValueContext = {},
): void {
  const pattern = context.operator === 'matches' || context.operator === 'does_not_match';
  validateStrings(value, field, report, (item) => {
    if (pattern) {
      checkPattern(item, field, report);
    } else if (item.value === '') {
      report.warning(
        'empty-value',
        item.range,
        `An empty value matches every ${field.label.toLowerCase()}. Type the text to look for.`,
      );
    }
  });
}

/** Completion for a text-like value: the field's example, and a list of it. */
export function completeText(field: FieldEntry): CompletionItem[] {
  return [
    { label: field.example, kind: 'value', insertText: field.example, detail: field.label },
    listSnippet(field),
  ];
}
