/**
 * Numbers, booleans and facts the site types per key (visitor attributes, event properties): how they
 * are written, checked, compiled, compared and edited.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog/catalog.ts';
import type { AttributeDeclaration, FieldEntry } from '../catalog/types.ts';
import { check, compile, language, parse } from '../language.ts';
import type { Rule, Value } from '../model/ast.ts';
import { createEvaluator } from '../runtime/evaluator.ts';
import { attributeKind } from './attribute/index.ts';
import { attributeRuntime } from './attribute/runtime.ts';
import { booleanKind } from './boolean/index.ts';
import { booleanRuntime } from './boolean/runtime.ts';
import type { ValueReport } from './kind.ts';
import { numberKind } from './number/index.ts';
import { numberRuntime } from './number/runtime.ts';

const field = (name: string) => catalog.fieldByName(name) as FieldEntry;
const attributes = field('visitor.attributes');
const pagesViewed = field('visitor.pages_viewed');
const declared: AttributeDeclaration[] = [
  { key: 'plan', type: 'text', label: 'Plan' },
  { key: 'seats', type: 'number', label: 'Seats' },
  { key: 'trial', type: 'boolean' },
];
const problems = (text: string, attributeDeclarations?: AttributeDeclaration[]) =>
  check(text, attributeDeclarations ? { attributes: attributeDeclarations } : {}).diagnostics.map(
    ({ code, severity, message, fix }) => ({ code, severity, message, fix: fix?.edits[0]?.text }),
  );
const codes = (text: string, attributeDeclarations?: AttributeDeclaration[]) =>
  problems(text, attributeDeclarations).map((problem) => problem.code);

/** The values a kind reports about, by code and fix, outside any rule text. */
function reported(validate: (report: ValueReport) => void) {
  const found: { code: string; message: string }[] = [];
  const report: ValueReport = {
    error: (code, _range, message) => found.push({ code, message }),
    warning: (code, _range, message) => found.push({ code, message }),
  };
  validate(report);
  return found;
}

describe('numbers', () => {
  it('are written without quotes, decimals and negatives included, and compared with signs', () => {
    expect(codes('when visitor.pages_viewed >= 3 and visitor.visit_count < 2.5')).toEqual([]);
    expect(codes('when visitor.pages_viewed > -1 or visitor.pages_viewed <= 0')).toEqual([]);
    expect(parse('when visitor.pages_viewed is -12.25').rule?.condition).toMatchObject({
      operator: 'is',
      value: { kind: 'number', value: -12.25 },
    });
  });

  it('say how to write a number instead of text, a list or a word', () => {
    expect(problems('when visitor.pages_viewed >= "3"')).toEqual([
      {
        code: 'invalid-value',
        severity: 'error',
        message: 'visitor.pages_viewed is a number: write 3 without quotes.',
        fix: '3',
      },
    ]);
    expect(problems('when visitor.pages_viewed >= "three"')[0]).toMatchObject({
      message: 'visitor.pages_viewed is a number: write one without quotes, e.g. 3.',
      fix: undefined,
    });
    expect(codes('when visitor.pages_viewed is ["3"]')).toEqual(['list-not-allowed']);
    expect(codes('when visitor.pages_viewed is true')).toEqual(['invalid-value']);
    expect(codes('when visitor.pages_viewed is three')).toEqual(['invalid-value']);
    expect(codes('when visitor.pages_viewed contains 3')).toEqual(['operator-not-allowed']);
    expect(
      reported((report) => numberKind.validate({ kind: 'number', value: Infinity }, pagesViewed, report)),
    ).toEqual([{ code: 'invalid-value', message: 'visitor.pages_viewed takes a finite number, e.g. 3.' }]);
  });

  it('compile to the number kind and compare numbers only', () => {
    const compiled = compile(parse('when visitor.pages_viewed >= 3').rule as Rule);
    expect(compiled.when).toEqual({
      t: 'cmp',
      field: 'visitor.pages_viewed',
      match: 'number',
      op: 'greater_or_equal',
      values: [3],
    });
    const evaluate = createEvaluator(compiled);
    const visitor = (pages_viewed: unknown) =>
      evaluate({ visitor: { pages_viewed } as never, device: {}, event: { type: 'page_load' } });
    expect(visitor(3).fires).toBe(true);
    expect(visitor(2).fires).toBe(false);
    expect(visitor('3').fires).toBe(false);
    expect(visitor('3').explain.conditions).toMatchObject({ actual: '3', result: false });
    expect(visitor(undefined).explain.conditions).toMatchObject({ actual: null, result: false });
    expect(visitor(Number.NaN).fires).toBe(false);
    const test = (operator: string, expected: number[], actual: number) =>
      numberRuntime.test(operator, expected)?.(actual);
    expect([test('is', [3], 3), test('is_not', [3], 3), test('greater_than', [3], 3)]).toEqual([
      true,
      false,
      false,
    ]);
    expect([
      test('less_than', [3], 2),
      test('less_or_equal', [3], 3),
      test('greater_or_equal', [3], 4),
    ]).toEqual([true, true, true]);
    expect(numberRuntime.test('contains', [3])).toBeUndefined();
    expect(numberRuntime.test('toString', [3])).toBeUndefined();
  });

  it('offer the field’s example, a number input and a number sample', () => {
    expect(numberKind.completeValue(pagesViewed)).toEqual([
      { label: '3', kind: 'value', insertText: '3', detail: 'Pages viewed' },
    ]);
    expect(numberKind.hoverValue('3', pagesViewed)).toBeUndefined();
    expect(numberKind.valueControl(pagesViewed)).toEqual({ control: 'number' });
    expect(numberKind.defaultValue(pagesViewed)).toEqual({ kind: 'number', value: 3 });
    expect(numberKind.defaultValue({ ...pagesViewed, example: 'x' })).toEqual({ kind: 'number', value: 0 });
    expect(numberKind.fitsValue({ kind: 'number', value: 1 }, pagesViewed)).toBe(true);
    expect(numberKind.fitsValue({ kind: 'string', value: '1' }, pagesViewed)).toBe(false);
    expect(numberKind.sampleControl(pagesViewed)).toEqual({ control: 'number' });
    expect(numberKind.sampleDefault(pagesViewed, {})).toBe('1');
    expect(numberKind.sampleDefault({ ...pagesViewed, sample: undefined }, {})).toBe('0');
    expect([
      numberKind.sampleValue?.(' 12 ', pagesViewed),
      numberKind.sampleValue?.('', pagesViewed),
    ]).toEqual([12, undefined]);
    expect(numberKind.describeValues(pagesViewed)).toBe('a number, e.g. `3`');
    expect(numberKind.contextValue(pagesViewed).safeParse(2).success).toBe(true);
  });
});

describe('booleans', () => {
  const trial = { ...attributes, name: 'visitor.trial', key: undefined, match: 'boolean' } as FieldEntry;

  it('are true or false without quotes, compared with is', () => {
    expect(parse('when visitor.attributes["trial"] is false').rule?.condition).toMatchObject({
      key: 'trial',
      value: { kind: 'boolean', value: false },
    });
    expect(
      reported((report) => booleanKind.validate({ kind: 'boolean', value: true }, trial, report)),
    ).toEqual([]);
    expect(
      reported((report) => booleanKind.validate({ kind: 'string', value: ' True ' }, trial, report)),
    ).toEqual([
      { code: 'invalid-value', message: 'visitor.trial is true or false: write true without quotes.' },
    ]);
    expect(reported((report) => booleanKind.validate({ kind: 'number', value: 1 }, trial, report))).toEqual([
      { code: 'invalid-value', message: 'visitor.trial is true or false: write is true or is false.' },
    ]);
  });

  it('compare booleans only', () => {
    expect(booleanRuntime.test('is', [true])?.(true)).toBe(true);
    expect(booleanRuntime.test('is', [true])?.(false)).toBe(false);
    expect(booleanRuntime.test('is_not', [true])).toBeUndefined();
    expect(booleanRuntime.prepare('true')).toBeNull();
    expect(booleanRuntime.read({})).toBeNull();
  });

  it('are edited with true / false and sampled from a select', () => {
    expect(booleanKind.completeValue(trial).map((item) => item.label)).toEqual(['true', 'false']);
    expect(booleanKind.hoverValue('true', trial)).toBeUndefined();
    expect(booleanKind.compileValue(false)).toBe(false);
    expect(booleanKind.describeValues(trial)).toBe('`true` or `false`');
    expect(booleanKind.documentValues([trial])).toContain('**true** and **false**');
    expect(booleanKind.valueControl(trial)).toEqual({ control: 'boolean' });
    expect(booleanKind.defaultValue(trial)).toEqual({ kind: 'boolean', value: true });
    expect(booleanKind.fitsValue({ kind: 'boolean', value: false }, trial)).toBe(true);
    expect(booleanKind.sampleControl(trial)).toMatchObject({ control: 'select' });
    expect(booleanKind.sampleDefault(trial, {})).toBe('plan=pro; seats=12');
    expect(booleanKind.sampleDefault({ ...trial, sample: undefined }, {})).toBe('true');
    expect(['true', 'false', 'x'].map((text) => booleanKind.sampleValue?.(text, trial))).toEqual([
      true,
      false,
      undefined,
    ]);
    expect(booleanKind.contextValue(trial).safeParse(false).success).toBe(true);
  });
});

describe('attributes and event properties', () => {
  it('are typed by the value written when the keys are not declared (no warning then)', () => {
    expect(
      codes(
        'when visitor.attributes["plan"] is not "enterprise" and visitor.attributes["seats"] > 10 and visitor.attributes["trial"] is true',
      ),
    ).toEqual([]);
    expect(
      codes('when event.properties["sku"] starts with "A-" and event.properties["value"] >= 40'),
    ).toEqual([]);
  });

  it('refuse operators that do not compare the value’s type', () => {
    expect(problems('when visitor.attributes["plan"] > "pro"')).toEqual([
      {
        code: 'operator-not-allowed',
        severity: 'error',
        message:
          '`>` does not compare text. With text use is or is not or contains or does not contain or starts with or ends with or matches or does not match.',
        fix: undefined,
      },
    ]);
    expect(problems('when visitor.attributes["seats"] contains 3')[0]?.message).toBe(
      '`contains` does not compare a number. With a number use is or is not or > or >= or < or <=.',
    );
    expect(codes('when visitor.attributes["trial"] is not true')).toEqual(['operator-not-allowed']);
    expect(codes('when visitor.attributes["plan"] is pro')).toEqual(['invalid-value']);
    expect(problems('when visitor.attributes["plan"] is pro')[0]).toMatchObject({
      message: 'visitor.attributes["plan"] compares text in double quotes ("pro"), a number or true / false.',
      fix: '"pro"',
    });
    expect(codes('when visitor.attributes["plan"] is ""')).toEqual(['empty-value']);
  });

  it('warn about keys the site has not declared, suggesting the one meant', () => {
    expect(problems('when visitor.attributes["plna"] is "pro"', declared)).toEqual([
      {
        code: 'unknown-attribute',
        severity: 'warning',
        message: 'The attribute "plna" is not declared. Did you mean "plan"?',
        fix: '"plan"',
      },
    ]);
    expect(problems('when visitor.attributes["company"] is "acme"', declared)[0]?.message).toBe(
      'The attribute "company" is not declared (declared: "plan", "seats", "trial"). Declare it in the settings so that its type is checked.',
    );
    expect(problems('when visitor.attributes["company"] is "acme"', [])[0]?.message).toBe(
      'The attribute "company" is not declared. Declare it in the settings so that its type is checked.',
    );
    expect(codes('when event.properties["anything"] is "x"', declared)).toEqual([]);
  });

  it('refuse a value of another type than the declared one, with the fix where it is plain', () => {
    expect(problems('when visitor.attributes["seats"] > "10"', declared)).toEqual([
      {
        code: 'type-mismatch',
        severity: 'error',
        message: 'visitor.attributes["seats"] is declared as a number, but the value is text: write 10.',
        fix: '10',
      },
    ]);
    expect(problems('when visitor.attributes["trial"] is "true"', declared)[0]).toMatchObject({
      code: 'type-mismatch',
      fix: 'true',
    });
    expect(problems('when visitor.attributes["plan"] is 12', declared)[0]).toMatchObject({
      code: 'type-mismatch',
      message: 'visitor.attributes["plan"] is declared as text, but the value is a number: write "12".',
      fix: '"12"',
    });
    expect(problems('when visitor.attributes["seats"] is true', declared)[0]).toMatchObject({
      code: 'type-mismatch',
      message:
        'visitor.attributes["seats"] is declared as a number, but the value is true or false: compare it with a number.',
      fix: undefined,
    });
    expect(problems('when visitor.attributes["seats"] is "many"', declared)[0]?.fix).toBeUndefined();
    expect(problems('when visitor.attributes["trial"] is "yes"', declared)[0]).toMatchObject({
      code: 'type-mismatch',
      fix: undefined,
    });
    expect(problems('when visitor.attributes["seats"] is ["1"]', declared)[0]?.fix).toBeUndefined();
    expect(codes('when visitor.attributes["seats"] contains "1"', declared)).toEqual([
      'operator-not-allowed',
      'type-mismatch',
    ]);
    expect(
      codes('when visitor.attributes["seats"] > 10 and visitor.attributes["trial"] is true', declared),
    ).toEqual([]);
  });

  it('compile text to the attribute kind and numbers and booleans to theirs', () => {
    const compiled = compile(
      parse(
        'when visitor.attributes["plan"] is not "Enterprise" and visitor.attributes["seats"] > 10 and event.properties["gift"] is true',
      ).rule as Rule,
    );
    expect(compiled.when).toEqual({
      t: 'and',
      of: [
        {
          t: 'cmp',
          field: 'visitor.attributes',
          key: 'plan',
          match: 'attribute',
          op: 'is_not',
          values: ['enterprise'],
        },
        {
          t: 'cmp',
          field: 'visitor.attributes',
          key: 'seats',
          match: 'number',
          op: 'greater_than',
          values: [10],
        },
        { t: 'cmp', field: 'event.properties', key: 'gift', match: 'boolean', op: 'is', values: [true] },
      ],
    });
    expect(language.compiledRuleSchema.safeParse(compiled).success).toBe(true);
  });

  it('compare a fact of another type as false, and a missing one as the empty text', () => {
    const evaluate = createEvaluator(
      compile(parse('when visitor.attributes["plan"] is not "enterprise"').rule as Rule),
    );
    const withPlan = (plan: unknown) =>
      evaluate({
        visitor: { attributes: plan === undefined ? {} : { plan } } as never,
        device: {},
        event: { type: 'page_load' },
      });
    expect(withPlan('pro').fires).toBe(true);
    expect(withPlan('Enterprise').fires).toBe(false);
    expect(withPlan(undefined).fires).toBe(true);
    expect(withPlan(null).fires).toBe(true);
    expect(withPlan(5).fires).toBe(false);
    expect(withPlan(5).explain.conditions).toMatchObject({ key: 'plan', actual: 5, result: false });
    expect(withPlan({ x: 1 }).explain.conditions).toMatchObject({ actual: null, result: true });
    expect(attributeRuntime.test('matches', ['pro*'])?.('professional')).toBe(true);
    expect(attributeRuntime.test('is', ['PRO'])?.('pro')).toBe(true);
  });

  it('complete, edit and sample after the declared type, or any type', () => {
    const plan = { key: 'plan', declared: declared[0] };
    const seats = { key: 'seats', declared: declared[1] };
    const trial = { key: 'trial', declared: declared[2] };
    const labels = (context?: object) =>
      attributeKind.completeValue(attributes, context).map((item) => item.label);
    expect(labels()).toEqual(['""', '[…]', '0', 'true', 'false']);
    expect(labels(plan)).toEqual(['""', '[…]']);
    expect(labels(seats)).toEqual(['0']);
    expect(labels(trial)).toEqual(['true', 'false']);
    expect(attributeKind.valueControl(attributes)).toEqual({ control: 'typed', allowsList: true });
    expect(attributeKind.valueControl(attributes, plan)).toEqual({ control: 'chips', allowsList: true });
    expect(attributeKind.valueControl(attributes, seats)).toEqual({ control: 'number' });
    expect(attributeKind.valueControl(attributes, trial)).toEqual({ control: 'boolean' });
    expect(attributeKind.hoverValue('x', attributes)).toBeUndefined();
    expect(attributeKind.defaultValue(attributes)).toEqual({ kind: 'string', value: '' });
    const fits = (value: Value, entry: FieldEntry = attributes) => attributeKind.fitsValue(value, entry);
    expect([fits({ kind: 'number', value: 1 }), fits({ kind: 'symbol', name: 'x' })]).toEqual([true, false]);
    expect(fits({ kind: 'list', items: [] }, { ...attributes, allowsList: false })).toBe(false);
    expect(attributeKind.sampleControl(attributes)).toEqual({ control: 'text' });
    expect(attributeKind.sampleDefault(attributes, {})).toBe('plan=pro; seats=12');
    expect(attributeKind.sampleDefault({ ...attributes, sample: undefined }, {})).toBe('');
    expect(
      ['12', '-1.5', 'true', 'false', 'pro'].map((text) => attributeKind.sampleValue?.(text, attributes)),
    ).toEqual([12, -1.5, true, false, 'pro']);
    expect(attributeKind.describeValues({ ...attributes, allowsList: false })).toBe(
      'text in quotes, a number or `true` / `false`, e.g. `"pro"`',
    );
    expect(attributeKind.operatorsFor?.({ kind: 'symbol', name: 'x' }, {})).toBeUndefined();
    expect(attributeKind.contextValue(attributes).safeParse({}).success).toBe(false);
    expect(
      reported((report) => attributeKind.validate({ kind: 'number', value: 1 }, attributes, report)),
    ).toEqual([]);
    expect(
      reported((report) =>
        attributeKind.validate({ kind: 'boolean', value: true }, attributes, report, {
          declared: { key: 'x', type: 'text' },
        }),
      ),
    ).toEqual([
      {
        code: 'type-mismatch',
        message: 'visitor.attributes is declared as text, but the value is true or false: write "true".',
      },
    ]);
  });
});
