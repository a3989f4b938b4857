/**
 * Meaning checks on a parsed rule, driven by a catalog: known fields and the operators each allows here;
 * the value of each comparison is checked by the field's kind (kinds/). Then durations, schedules and
 * tags. Every diagnostic says what is wrong, where, and how to fix it; `fix` carries the edit when there
 * is an obvious one.
 */
import type { AttributeDeclaration, Catalog, EventEntry, FieldEntry } from '../catalog/types.ts';
import type { ValueContext, ValueReport } from '../kinds/kind.ts';
import {
  comparisonsOf,
  MAX_NESTING,
  nestingDepth,
  type Comparison,
  type Rule,
  type SourceRange,
} from '../model/ast.ts';
import { replaceFix, type Diagnostic, type Fix } from '../model/diagnostic.ts';
import { encodeString } from '../syntax/strings.ts';
import { closestMatch } from './suggest.ts';

export interface ValidateOptions {
  /** Names of the schedules that exist; when given, a named schedule must be one of them. */
  schedules?: readonly string[];
  /** Whether the channel has business hours; when false, `during` / `outside business_hours` are errors. */
  hasBusinessHours?: boolean;
  /**
   * The attribute keys the site declares (per brand, in the admin app's settings); when given, a key of
   * `visitor.attributes` not among them is a warning (with a "did you mean"), and a value of another
   * type than the declared one an error.
   */
  attributes?: readonly AttributeDeclaration[];
}

/** The codes every catalog has, with a one-line explanation (the docs page lists them). Kinds add theirs. */
export const coreDiagnosticCodes = {
  syntax: 'The text does not follow the grammar of a rule.',
  'empty-rule': 'The text holds no rule.',
  'unterminated-string': 'A string has no closing quote.',
  'invalid-escape': 'A string contains an escape other than \\" \\\\ \\n \\t or \\u{...}.',
  'invalid-duration': 'A duration is not written as minutes:seconds with two-digit seconds.',
  'duplicate-clause': 'A clause (timing, time of day, frequency, tags) is written twice.',
  'too-deep': `Conditions nest more than ${MAX_NESTING} levels deep (parentheses and \`not\`).`,
  'unknown-field': 'The field is not in the catalog.',
  'operator-not-allowed': 'The field does not support that operator.',
  'invalid-value': 'The value is not of the kind the field takes.',
  'unknown-value': 'The word is not one of the values the field takes.',
  'list-not-allowed': 'The field takes a single value, not a list.',
  'empty-list': 'A list has no values.',
  'duplicate-value': 'A list repeats a value (warning).',
  'duration-out-of-range':
    'A time to wait (on the page, on the site, idle) is outside 0:01 to 60:00, or the seconds exceed 59.',
  'percent-out-of-range': 'A scroll depth is outside 1% to 100%.',
  'invalid-event-name': 'A custom event has an empty name.',
  'missing-key': 'A keyed field has no key, e.g. visitor.attributes without ["plan"].',
  'unexpected-key': 'A field that has no keys is written with one.',
  'unknown-attribute': 'An attribute key is not among the declared ones (warning).',
  'unknown-schedule': 'The named schedule does not exist.',
  'no-business-hours': 'The channel has no business hours, so the time of day cannot depend on them.',
  'invalid-tag': 'A tag is empty or contains whitespace.',
} as const;

/**
 * Every diagnostic code of a catalog: the core ones, then each kind's own, with their explanations.
 *
 * @example diagnosticCodesOf(catalog)['invalid-language'] // 'A language is not a BCP 47 tag.'
 */
export function diagnosticCodesOf(catalog: Catalog): Readonly<Record<string, string>> {
  return Object.assign(
    {},
    coreDiagnosticCodes,
    ...Object.values(catalog.kinds).map((kind) => kind.diagnosticCodes ?? {}),
  );
}

const noRange: SourceRange = { start: 0, end: 0 };

class Collector implements ValueReport {
  readonly diagnostics: Diagnostic[] = [];

  error(code: string, range: SourceRange | undefined, message: string, fix?: Fix | null): void {
    this.push('error', code, range, message, fix);
  }

  warning(code: string, range: SourceRange | undefined, message: string, fix?: Fix | null): void {
    this.push('warning', code, range, message, fix);
  }

  private push(
    severity: Diagnostic['severity'],
    code: string,
    range: SourceRange | undefined,
    message: string,
    fix?: Fix | null,
  ): void {
    const diagnostic: Diagnostic = { range: range ?? noRange, severity, code, message };
    if (fix && range) diagnostic.fix = fix;
    this.diagnostics.push(diagnostic);
  }
}

function fieldRange(comparison: Comparison): SourceRange | undefined {
  const start = comparison.range?.start;
  return start === undefined ? undefined : { start, end: start + comparison.field.length };
}

/** Where the operator is, assuming the canonical single spaces (after the field, or after `"key"]`). */
function operatorRange(comparison: Comparison): SourceRange | undefined {
  const field = fieldRange(comparison);
  const afterField = comparison.keyRange ? comparison.keyRange.end + 1 : field?.end;
  const valueStart = comparison.value.range?.start;
  return afterField !== undefined && valueStart !== undefined
    ? { start: afterField + 1, end: valueStart - 1 }
    : undefined;
}

const durationText = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** What the wait of each timed trigger is called in messages, and how to do without it. */
const waits: Readonly<Record<string, { what: string; instead: string }>> = {
  on_page: { what: 'The time on the page', instead: ' To check on page load, leave out `for`.' },
  on_site: { what: 'The time on the site', instead: '' },
  idle: { what: 'The idle time', instead: '' },
};

/** The validator of a catalog. */
export type Validate = (rule: Rule, options?: ValidateOptions) => Diagnostic[];

/**
 * The validator of a catalog.
 *
 * @example createValidator(catalog)(parse('when visitor.page_ulr is "x"').rule!)[0]?.code // 'unknown-field'
 */
export function createValidator(catalog: Catalog): Validate {
  const fieldNames = catalog.fields.map((field) => field.name);
  const keywordOf = (name: string) => catalog.operatorByName(name)?.keyword ?? name;

  /**
   * The field meant: one with the same key under another object (`page_title`), one of the same object
   * whose key holds the key written (`visitor.url` -> visitor.page_url, `device.lang` ->
   * device.language), or the closest name.
   */
  function suggestField(name: string): string | undefined {
    const [object, key = object] = name.toLowerCase().split('.') as [string, string?];
    const keyOf = (field: FieldEntry) => field.name.split('.')[1] as string;
    const byKey = catalog.fields.find((field) => keyOf(field) === key);
    const inKey = catalog.fields.filter(
      (field) => field.object === object && key.length >= 3 && keyOf(field).includes(key),
    );
    return byKey?.name ?? (inKey.length === 1 ? inKey[0]?.name : undefined) ?? closestMatch(name, fieldNames);
  }

  function checkField(comparison: Comparison, out: Collector): FieldEntry | undefined {
    const field = catalog.fieldByName(comparison.field);
    if (field) return field;
    const suggestion = suggestField(comparison.field);
    out.error(
      'unknown-field',
      fieldRange(comparison),
      suggestion
        ? `Unknown field \`${comparison.field}\`. Did you mean ${suggestion}?`
        : `Unknown field \`${comparison.field}\`. Fields: ${fieldNames.join(', ')}.`,
      suggestion ? replaceFix(fieldRange(comparison), suggestion) : null,
    );
    return undefined;
  }

  /** The operator of a comparison whose field does not allow it. */
  function checkOperator(comparison: Comparison, field: FieldEntry, out: Collector): void {
    const allowed = field.operators.map(keywordOf);
    const onlyOne = allowed.length === 1 ? allowed[0] : undefined;
    out.error(
      'operator-not-allowed',
      operatorRange(comparison),
      `${field.name} can't use \`${keywordOf(comparison.operator)}\`. Use ${allowed.join(' or ')}.`,
      onlyOne ? replaceFix(operatorRange(comparison), onlyOne) : null,
    );
  }

  /**
   * The key of a keyed field: written, not empty, and among the declared ones when the caller declares
   * them. Answers the key's declaration, if any.
   */
  function checkKey(
    comparison: Comparison,
    field: FieldEntry,
    options: ValidateOptions,
    out: Collector,
  ): AttributeDeclaration | undefined {
    const { key, keyRange } = comparison;
    if (!field.key) {
      if (key !== undefined) {
        out.error(
          'unexpected-key',
          keyRange ?? fieldRange(comparison),
          `${field.name} has no keys: write ${field.name} ${keywordOf(field.operators[0] as string)} ${field.example}, without [${encodeString(key)}].`,
        );
      }
      return undefined;
    }
    if (key === undefined || key.trim() === '') {
      out.error(
        'missing-key',
        keyRange ?? fieldRange(comparison),
        `${field.name} needs the ${field.key.label} to compare, in brackets: ${field.name}[${field.key.example}].`,
      );
      return undefined;
    }
    const declarations = field.key.declarations && options[field.key.declarations];
    if (!declarations) return undefined;
    const declared = declarations.find((declaration) => declaration.key === key);
    if (declared) return declared;
    const keys = declarations.map((declaration) => declaration.key);
    const suggestion = closestMatch(key, keys);
    out.warning(
      'unknown-attribute',
      keyRange,
      suggestion
        ? `The ${field.key.label} ${encodeString(key)} is not declared. Did you mean ${encodeString(suggestion)}?`
        : `The ${field.key.label} ${encodeString(key)} is not declared${keys.length > 0 ? ` (declared: ${keys.map((name) => encodeString(name)).join(', ')})` : ''}. Declare it in the settings so that its type is checked.`,
      suggestion ? replaceFix(keyRange, encodeString(suggestion)) : null,
    );
    return undefined;
  }

  /** Operators the value's type allows, for kinds whose operators depend on it (facts typed per key). */
  function checkTypedOperator(
    comparison: Comparison,
    field: FieldEntry,
    context: ValueContext,
    out: Collector,
  ) {
    const typed = catalog.kindOf(field).operatorsFor?.(comparison.value, context);
    if (!typed || typed.operators.includes(comparison.operator)) return;
    out.error(
      'operator-not-allowed',
      operatorRange(comparison),
      `\`${keywordOf(comparison.operator)}\` does not compare ${typed.type}. With ${typed.type} use ${typed.operators.map(keywordOf).join(' or ')}.`,
    );
  }

  function checkComparison(comparison: Comparison, options: ValidateOptions, out: Collector): void {
    const field = checkField(comparison, out);
    if (!field) return;
    const declared = checkKey(comparison, field, options, out);
    const context: ValueContext = { operator: comparison.operator, key: comparison.key, declared };
    if (field.operators.includes(comparison.operator)) checkTypedOperator(comparison, field, context, out);
    else checkOperator(comparison, field, out);
    catalog.kindOf(field).validate(comparison.value, field, out, context);
  }

  function checkTiming(rule: Rule, out: Collector): void {
    const timing = rule.timing;
    if (timing.kind === 'scroll') {
      if (timing.percent >= 1 && timing.percent <= 100) return;
      const fixed = `on scroll ${timing.percent < 1 ? 1 : 100}%`;
      out.error(
        'percent-out-of-range',
        timing.range,
        `The scroll depth goes from 1% to 100% (it is ${timing.percent}%).`,
        replaceFix(timing.range, fixed),
      );
      return;
    }
    if (timing.kind === 'custom') {
      if (timing.name.trim() !== '') return;
      out.error(
        'invalid-event-name',
        timing.range,
        "Name the event the site tracks, as it calls proactive('track', 'name'): on event \"added_to_cart\".",
      );
      return;
    }
    if (timing.kind !== 'on_page' && timing.kind !== 'on_site' && timing.kind !== 'idle') return;
    const total = timing.minutes * 60 + timing.seconds;
    // The catalog gives every trigger that waits its limits.
    const entry = catalog.events.find((event) => event.name === timing.kind) as EventEntry;
    const { min, max } = entry.seconds as { min: number; max: number };
    const wait = waits[timing.kind] as { what: string; instead: string };
    const written = (duration: string) => entry.syntax.replace('M:SS', duration);
    if (timing.seconds > 59) {
      const fixed = durationText(total);
      out.error(
        'duration-out-of-range',
        timing.range,
        `Seconds go from 00 to 59: write ${fixed} for ${total} seconds.`,
        replaceFix(timing.range, written(fixed), `Change to ${written(fixed)}`),
      );
    } else if (total < min || total > max) {
      out.error(
        'duration-out-of-range',
        timing.range,
        `${wait.what} must be from ${durationText(min)} to ${durationText(max)} (it is ${timing.minutes}:${String(timing.seconds).padStart(2, '0')}).${wait.instead}`,
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

  return (rule, options = {}) => {
    const out = new Collector();
    if (nestingDepth(rule.condition) > MAX_NESTING) {
      // Only ASTs built elsewhere get here: the parser refuses such text before building one.
      out.error(
        'too-deep',
        rule.condition.range ?? rule.range,
        `Conditions nest more than ${MAX_NESTING} levels deep (each group and each \`not\` is a level). Remove groups that hold a single condition or split the rule into several messages.`,
      );
      return out.diagnostics;
    }
    for (const comparison of comparisonsOf(rule.condition)) checkComparison(comparison, options, out);
    checkTiming(rule, out);
    checkTimeOfDay(rule, options, out);
    checkTags(rule, out);
    return out.diagnostics;
  };
}
