import { describe, expect, it } from 'vitest';
import type { Rule } from '../model/ast.ts';
import { hasErrors } from './check.ts';
import { check } from '../language.ts';
import { parse } from '../language.ts';
import type { ValidateOptions } from './validator.ts';
import { validate } from '../language.ts';

function problems(text: string, options?: ValidateOptions) {
  const result = check(text, options);
  return result.diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    at: text.slice(d.range.start, d.range.end),
    message: d.message,
    fix: d.fix?.edits.map((edit) => edit.text).join('|'),
  }));
}

describe('validate', () => {
  it('accepts every field with its operators and values', () => {
    const text = [
      'when visitor.page_url contains ["pricing", "plans"]',
      'and visitor.page_title does not contain "careers"',
      'and visitor.visit_history is new_user',
      'and device.language is not ["fr", "pt-BR"]',
      'for 60:00 during business_hours "EMEA support" tag "vip"',
    ].join('\n');
    expect(problems(text, { schedules: ['EMEA support'], hasBusinessHours: true })).toEqual([]);
  });

  it('suggests the field meant', () => {
    expect(problems('when visitor.page_ulr contains "x"')).toEqual([
      {
        code: 'unknown-field',
        severity: 'error',
        at: 'visitor.page_ulr',
        message: 'Unknown field `visitor.page_ulr`. Did you mean visitor.page_url?',
        fix: 'visitor.page_url',
      },
    ]);
    expect(problems('when page_title is "x"')[0]).toMatchObject({ fix: 'visitor.page_title' });
    expect(problems('when visitor.url is "x"')[0]).toMatchObject({
      message: 'Unknown field `visitor.url`. Did you mean visitor.page_url?',
      fix: 'visitor.page_url',
    });
    expect(problems('when device.lang is "fr"')[0]).toMatchObject({ fix: 'device.language' });
    expect(problems('when shoe.size is "x"')[0]?.message).toBe(
      'Unknown field `shoe.size`. Fields: visitor.page_url, visitor.page_title, visitor.visit_history, visitor.referrer, visitor.query, visitor.utm_source, visitor.utm_medium, visitor.utm_campaign, visitor.utm_term, visitor.utm_content, visitor.pages_viewed, visitor.visit_count, visitor.attributes, device.language, device.type, event.properties.',
    );
  });

  it('rejects operators the field does not allow', () => {
    expect(problems('when visitor.visit_history is not new_user')).toMatchObject([
      {
        code: 'operator-not-allowed',
        at: 'is not',
        message: "visitor.visit_history can't use `is not`. Use is.",
        fix: 'is',
      },
    ]);
    expect(problems('when device.language contains "fr"')).toMatchObject([
      {
        code: 'operator-not-allowed',
        message: "device.language can't use `contains`. Use is or is not.",
        fix: undefined,
      },
    ]);
    // An AST from elsewhere (the visual builder, the API) may name an operator no catalog has.
    const rule = parse('when device.language is "fr"').rule as Rule;
    const unknown = { ...rule, condition: { ...rule.condition, operator: 'matches' } } as Rule;
    expect(validate(unknown)[0]?.message).toBe("device.language can't use `matches`. Use is or is not.");
  });

  it('checks values against the field kind', () => {
    expect(problems('when visitor.visit_history is "returning_user"')).toMatchObject([
      { code: 'invalid-value', fix: 'returning_user' },
    ]);
    expect(problems('when visitor.visit_history is "someone"')).toMatchObject([
      { code: 'invalid-value', fix: undefined },
    ]);
    expect(problems('when visitor.visit_history is returning')).toMatchObject([
      {
        code: 'unknown-value',
        message: '`returning` is not a value of visitor.visit_history. Use new_user or returning_user.',
        fix: 'returning_user',
      },
    ]);
    expect(problems('when visitor.visit_history is ["new_user"]')).toMatchObject([
      { code: 'list-not-allowed' },
    ]);
    expect(problems('when visitor.page_url contains pricing')).toMatchObject([
      { code: 'invalid-value', fix: '"pricing"' },
    ]);
  });

  it('rejects empty lists and warns about empty or repeated values', () => {
    expect(problems('when visitor.page_url contains []')).toMatchObject([
      {
        code: 'empty-list',
        severity: 'error',
        message: 'The list is empty. Add at least one value, e.g. ["pricing"].',
      },
    ]);
    expect(problems('when visitor.page_url contains ["a", "A", ""]')).toMatchObject([
      { code: 'duplicate-value', severity: 'warning', at: '"A"' },
      { code: 'empty-value', severity: 'warning', at: '""' },
    ]);
    expect(hasErrors(check('when visitor.page_url contains ""').diagnostics)).toBe(false);
  });

  it('checks language tags', () => {
    expect(problems('when device.language is "pt_BR"')).toMatchObject([
      { code: 'invalid-language', at: '"pt_BR"', fix: '"pt-BR"' },
    ]);
    expect(problems('when device.language is ["fr", "not a tag!"]')).toMatchObject([
      { code: 'invalid-language', at: '"not a tag!"', fix: undefined },
    ]);
    expect(problems('when device.language is ""')).toMatchObject([{ code: 'invalid-language' }]);
  });

  it('checks language tags against the IANA registry, suggesting the tag meant', () => {
    expect(problems('when device.language is "french"')).toMatchObject([
      {
        code: 'unknown-language',
        severity: 'error',
        at: '"french"',
        message:
          '"french" is not a language tag: the IANA Language Subtag Registry has no language "french". Did you mean "fr" (French)?',
        fix: '"fr"',
      },
    ]);
    expect(problems('when device.language is ["english", "zz", "fre"]')).toMatchObject([
      { code: 'unknown-language', at: '"english"', fix: '"en"' },
      { code: 'unknown-language', at: '"zz"', fix: undefined },
      { code: 'unknown-language', at: '"fre"', fix: '"fr"' },
    ]);
    expect(problems('when device.language is not "Portuguese (Brazil)"')).toMatchObject([
      { code: 'invalid-language', fix: '"pt-BR"' },
    ]);
    expect(problems('when device.language is "iw"')).toMatchObject([
      { code: 'deprecated-language', severity: 'warning', fix: '"he"' },
    ]);
    expect(hasErrors(check('when device.language is "iw"').diagnostics)).toBe(false);
    expect(
      problems('when device.language is ["zh-Hant-TW", "es-419", "de-CH-1901", "en-US-u-ca-gregory"]'),
    ).toEqual([]);
  });

  it('fixes a bare language word into its tag', () => {
    expect(problems('when device.language is french')).toMatchObject([
      { code: 'invalid-value', at: 'french', fix: '"fr"' },
    ]);
    expect(problems('when device.language is fr')).toMatchObject([{ code: 'invalid-value', fix: '"fr"' }]);
  });

  it('checks the time on the page', () => {
    expect(problems('when a.b is "x" for 0:75')).toContainEqual(
      expect.objectContaining({ code: 'duration-out-of-range', at: 'for 0:75', fix: 'for 1:15' }),
    );
    expect(problems('when visitor.page_url is "x" for 0:00')).toMatchObject([
      { code: 'duration-out-of-range', message: expect.stringContaining('from 0:01 to 60:00') },
    ]);
    expect(problems('when visitor.page_url is "x" for 60:01')).toMatchObject([
      { code: 'duration-out-of-range' },
    ]);
  });

  it('checks schedules and business hours', () => {
    expect(
      problems('when visitor.page_url is "x" during business_hours "EMEA"', {
        schedules: ['EMEA support', 'US'],
      }),
    ).toMatchObject([
      {
        code: 'unknown-schedule',
        message: 'There is no schedule named "EMEA". Schedules: "EMEA support", "US".',
      },
    ]);
    expect(
      problems('when visitor.page_url is "x" during business_hours "EMEA suport"', {
        schedules: ['EMEA support'],
      }),
    ).toMatchObject([{ fix: 'during business_hours "EMEA support"' }]);
    expect(
      problems('when visitor.page_url is "x" outside business_hours "X"', { schedules: [] })[0]?.message,
    ).toContain("Leave out the name to use the channel's business hours");
    expect(
      problems('when visitor.page_url is "x" outside business_hours', { hasBusinessHours: false }),
    ).toMatchObject([{ code: 'no-business-hours', fix: 'anytime' }]);
    expect(problems('when visitor.page_url is "x" outside business_hours "Anything"')).toEqual([]);
  });

  it('checks tags', () => {
    expect(problems('when visitor.page_url is "x" tag "big deal", ""')).toMatchObject([
      { code: 'invalid-tag', at: '"big deal"', fix: '"big_deal"' },
      { code: 'invalid-tag', at: '""' },
    ]);
  });

  it('works on ASTs without ranges (from the visual builder): no fixes, ranges at 0', () => {
    const rule: Rule = {
      kind: 'rule',
      condition: {
        kind: 'and',
        operands: [
          {
            kind: 'comparison',
            field: 'visitor.page_ulr',
            operator: 'is',
            value: { kind: 'string', value: 'x' },
          },
          {
            kind: 'comparison',
            field: 'visitor.visit_history',
            operator: 'is_not',
            value: { kind: 'symbol', name: 'new_user' },
          },
        ],
      },
      timing: { kind: 'page_load' },
      timeOfDay: { kind: 'anytime' },
      frequency: 'once_per_visit',
      tags: ['a b'],
    };
    expect(validate(rule)).toEqual([
      expect.objectContaining({ code: 'unknown-field', range: { start: 0, end: 0 } }),
      expect.objectContaining({ code: 'operator-not-allowed', range: { start: 0, end: 0 } }),
      expect.objectContaining({ code: 'invalid-tag', range: { start: 0, end: 0 } }),
    ]);
    expect(validate(rule)[0]).not.toHaveProperty('fix');
  });

  it('returns the AST along with meaning errors, and null on syntax errors', () => {
    expect(check('when visitor.page_ulr is "x"').rule).not.toBeNull();
    expect(check('when visitor.page_url is').rule).toBeNull();
    expect(parse('when visitor.page_url is "x"').rule).not.toBeNull();
  });
});
