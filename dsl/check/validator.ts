/**
 * Meaning checks on a parsed rule, driven by the catalog: known fields, operators each field allows,
 * value kinds, language tags, durations, schedules and tags. Every diagnostic says what is wrong, where,
 * and how to fix it; `fix` carries the edit when there is an obvious one.
 */
import {
  comparisonsOf,
  type Comparison,
  type Rule,
  type SourceRange,
  type StringValue,
} from '../model/ast.ts';
import {
  fieldByName,
  fields,
  onPageSeconds,
  operatorByName,
  type FieldEntry,
  type SymbolEntry,
} from '../catalog/catalog.ts';
import type { Diagnostic, Fix } from '../model/diagnostic.ts';
import { encodeString } from '../syntax/strings.ts';
import { closestMatch } from './suggest.ts';

export interface ValidateOptions {
  /** Names of the schedules that exist; when given, a named schedule must be one of them. */
  schedules?: readonly string[];
  /** Whether the channel has business hours; when false, `during` / `outside business_hours` are errors. */
  hasBusinessHours?: boolean;
}

/** Every diagnostic code, with a one-line explanation (the docs page lists them). */
export const diagnosticCodes = {
  syntax: 'The text does not follow the grammar of a rule.',
  'empty-rule': 'The text holds no rule.',
  'unterminated-string': 'A string has no closing quote.',
  'invalid-escape': 'A string contains an escape other than \\" \\\\ \\n \\t or \\u{...}.',
  'invalid-duration': 'A duration is not written as minutes:seconds with two-digit seconds.',
  'duplicate-clause': 'A clause (timing, time of day, frequency, tags) is written twice.',
  'unknown-field': 'The field is not in the catalog.',
  'operator-not-allowed': 'The field does not support that operator.',
  'invalid-value': 'The value is not of the kind the field takes.',
  'unknown-value': 'The word is not one of the values the field takes.',
  'list-not-allowed': 'The field takes a single value, not a list.',
  'empty-list': 'A list has no values.',
  'empty-value': 'An empty string matches every page (warning).',
  'duplicate-value': 'A list repeats a value (warning).',
  'invalid-language': 'A language is not a BCP 47 tag.',
  'duration-out-of-range': 'The time on the page is outside 0:01 to 60:00, or the seconds exceed 59.',
  'unknown-schedule': 'The named schedule does not exist.',
  'no-business-hours': 'The channel has no business hours, so the time of day cannot depend on them.',
  'invalid-tag': 'A tag is empty or contains whitespace.',
} as const;

export type DiagnosticCode = keyof typeof diagnosticCodes;

const noRange: SourceRange = { start: 0, end: 0 };

class Collector {
  readonly diagnostics: Diagnostic[] = [];

  error(code: DiagnosticCode, range: SourceRange | undefined, message: string, fix?: Fix | null): void {
    this.push('error', code, range, message, fix);
  }

  warning(code: DiagnosticCode, range: SourceRange | undefined, message: string, fix?: Fix | null): void {
    this.push('warning', code, range, message, fix);
  }

  private push(
    severity: Diagnostic['severity'],
    code: DiagnosticCode,
    range: SourceRange | undefined,
    message: string,
    fix?: Fix | null,
  ): void {
    const diagnostic: Diagnostic = { range: range ?? noRange, severity, code, message };
    if (fix && range) diagnostic.fix = fix;
    this.diagnostics.push(diagnostic);
  }
}

function replaceFix(range: SourceRange | undefined, text: string, title = `Change to ${text}`): Fix | null {
  return range ? { title, edits: [{ range, text }] } : null;
}

function fieldRange(comparison: Comparison): SourceRange | undefined {
  const start = comparison.range?.start;
  return start === undefined ? undefined : { start, end: start + comparison.field.length };
}

function operatorRange(comparison: Comparison): SourceRange | undefined {
  const field = fieldRange(comparison);
  const valueStart = comparison.value.range?.start;
  return field && valueStart !== undefined ? { start: field.end + 1, end: valueStart - 1 } : undefined;
}

function suggestField(name: string): string | undefined {
  const byKey = fields.find((field) => field.name.split('.')[1] === name.split('.').at(-1));
  return (
    byKey?.name ??
    closestMatch(
      name,
      fields.map((field) => field.name),
    )
  );
}

function checkField(comparison: Comparison, out: Collector): FieldEntry | undefined {
  const field = fieldByName(comparison.field);
  if (field) return field;
  const suggestion = suggestField(comparison.field);
  const known = fields.map((entry) => entry.name).join(', ');
  out.error(
    'unknown-field',
    fieldRange(comparison),
    suggestion
      ? `Unknown field \`${comparison.field}\`. Did you mean ${suggestion}?`
      : `Unknown field \`${comparison.field}\`. Fields: ${known}.`,
    suggestion ? replaceFix(fieldRange(comparison), suggestion) : null,
  );
  return undefined;
}

function checkOperator(comparison: Comparison, field: FieldEntry, out: Collector): void {
  if (field.operators.includes(comparison.operator)) return;
  const allowed = field.operators.map((name) => operatorByName(name).keyword);
  const onlyOne = allowed.length === 1 ? allowed[0] : undefined;
  out.error(
    'operator-not-allowed',
    operatorRange(comparison),
    `${field.name} can't use \`${operatorByName(comparison.operator).keyword}\`. Use ${allowed.join(' or ')}.`,
    onlyOne ? replaceFix(operatorRange(comparison), onlyOne) : null,
  );
}

function checkStrings(items: StringValue[], field: FieldEntry, out: Collector): void {
  const seen = new Set<string>();
  for (const item of items) {
    const key = item.value.toLowerCase();
    if (seen.has(key))
      out.warning(
        'duplicate-value',
        item.range,
        `${encodeString(item.value)} is already in the list; remove one.`,
      );
    seen.add(key);
    if (field.match === 'language') checkLanguage(item, out);
    else if (item.value === '' && field.match === 'text') {
      out.warning(
        'empty-value',
        item.range,
        `An empty value matches every ${field.label.toLowerCase()}. Type the text to look for.`,
      );
    }
  }
}

function checkLanguage(item: StringValue, out: Collector): void {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(item.value)[0];
  } catch {
    canonical = undefined;
  }
  if (canonical !== undefined && item.value !== '') return;
  const repaired = item.value.trim().replace(/_/g, '-');
  let suggestion: string | undefined;
  try {
    suggestion = repaired === '' ? undefined : Intl.getCanonicalLocales(repaired)[0];
  } catch {
    suggestion = undefined;
  }
  out.error(
    'invalid-language',
    item.range,
    `${encodeString(item.value)} is not a language tag. Write a BCP 47 tag such as "fr", "en-GB" or "pt-BR"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`,
    suggestion ? replaceFix(item.range, encodeString(suggestion)) : null,
  );
}

function checkValue(comparison: Comparison, field: FieldEntry, out: Collector): void {
  const value = comparison.value;
  if (field.match === 'symbol') {
    const symbols = field.symbols as readonly SymbolEntry[];
    const names = symbols.map((symbol) => symbol.name);
    const listing = names.join(' or ');
    if (value.kind === 'list') {
      out.error('list-not-allowed', value.range, `${field.name} takes one value: ${listing}.`);
    } else if (value.kind === 'string') {
      const bare = names.find((name) => name === value.value.trim().toLowerCase());
      out.error(
        'invalid-value',
        value.range,
        `${field.name} takes a word without quotes: ${listing}.`,
        bare ? replaceFix(value.range, bare) : null,
      );
    } else if (!names.includes(value.name)) {
      const suggestion = closestMatch(value.name, names);
      out.error(
        'unknown-value',
        value.range,
        `\`${value.name}\` is not a value of ${field.name}. Use ${listing}.`,
        suggestion ? replaceFix(value.range, suggestion) : null,
      );
    }
    return;
  }
  if (value.kind === 'symbol') {
    const quoted = encodeString(value.name);
    out.error(
      'invalid-value',
      value.range,
      `Put the value in double quotes: ${quoted}. ${field.name} compares text, not a word of the language.`,
      replaceFix(value.range, quoted),
    );
    return;
  }
  if (value.kind === 'list') {
    if (value.items.length === 0) {
      out.error(
        'empty-list',
        value.range,
        `The list is empty. Add at least one value, e.g. [${field.example}].`,
      );
    }
    checkStrings(value.items, field, out);
    return;
  }
  checkStrings([value], field, out);
}

function checkComparison(comparison: Comparison, out: Collector): void {
  const field = checkField(comparison, out);
  if (!field) return;
  checkOperator(comparison, field, out);
  checkValue(comparison, field, out);
}

function checkTiming(rule: Rule, out: Collector): void {
  const timing = rule.timing;
  if (timing.kind !== 'on_page') return;
  const total = timing.minutes * 60 + timing.seconds;
  if (timing.seconds > 59) {
    const fixed = `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
    out.error(
      'duration-out-of-range',
      timing.range,
      `Seconds go from 00 to 59: write ${fixed} for ${total} seconds.`,
      replaceFix(timing.range, `for ${fixed}`, `Change to for ${fixed}`),
    );
  } else if (total < onPageSeconds.min || total > onPageSeconds.max) {
    out.error(
      'duration-out-of-range',
      timing.range,
      `The time on the page must be from 0:01 to 60:00 (it is ${timing.minutes}:${String(timing.seconds).padStart(2, '0')}). To check on page load, leave out \`for\`.`,
    );
  }
}

function checkTimeOfDay(rule: Rule, options: ValidateOptions, out: Collector): void {
  const timeOfDay = rule.timeOfDay;
  if (timeOfDay.kind === 'anytime') return;
  if (options.hasBusinessHours === false) {
    out.error(
      'no-business-hours',
      timeOfDay.range,
      `"${timeOfDay.kind} business_hours" needs business hours on the channel. Set a schedule for the channel, or use anytime.`,
      replaceFix(timeOfDay.range, 'anytime'),
    );
    return;
  }
  const known = options.schedules;
  if (timeOfDay.schedule === null || known === undefined || known.includes(timeOfDay.schedule)) return;
  const suggestion = closestMatch(timeOfDay.schedule, known);
  out.error(
    'unknown-schedule',
    timeOfDay.range,
    known.length === 0
      ? `There is no schedule named ${encodeString(timeOfDay.schedule)}. Leave out the name to use the channel's business hours.`
      : `There is no schedule named ${encodeString(timeOfDay.schedule)}. Schedules: ${known.map((name) => encodeString(name)).join(', ')}.`,
    suggestion
      ? replaceFix(
          timeOfDay.range,
          `${timeOfDay.kind} business_hours ${encodeString(suggestion)}`,
          `Change to ${encodeString(suggestion)}`,
        )
      : null,
  );
}

function checkTags(rule: Rule, out: Collector): void {
  rule.tags.forEach((tag, index) => {
    const range = rule.tagRanges?.[index] ?? rule.range;
    if (tag.trim() === '') {
      out.error('invalid-tag', range, 'A tag cannot be empty. Type a word such as "vip", or remove it.');
    } else if (/\s/.test(tag)) {
      const fixed = tag.trim().replace(/\s+/g, '_');
      out.error(
        'invalid-tag',
        range,
        `Tags can't contain spaces: ${encodeString(tag)}. Use ${encodeString(fixed)}.`,
        rule.tagRanges?.[index] ? replaceFix(range, encodeString(fixed)) : null,
      );
    }
  });
}

/**
 * Checks a rule's meaning against the catalog and the channel's schedules.
 *
 * @example validate(parse('when visitor.page_ulr is "x"').rule!)[0]?.message // 'Unknown field `visitor.page_ulr`. Did you mean visitor.page_url?'
 */
export function validate(rule: Rule, options: ValidateOptions = {}): Diagnostic[] {
  const out = new Collector();
  for (const comparison of comparisonsOf(rule.condition)) checkComparison(comparison, out);
  checkTiming(rule, out);
  checkTimeOfDay(rule, options, out);
  checkTags(rule, out);
  return out.diagnostics;
}
