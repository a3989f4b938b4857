import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rulesEqual, withoutRanges, type Rule } from '../model/ast.ts';
import { format, parse, print, printClauses, printConditionInline } from '../language.ts';
import { ruleArbitrary } from '../testing/arbitraries.ts';

const canonical = (text: string) => format(text).text;

describe('print', () => {
  it('prints short rules on one line, with the frequency always written', () => {
    expect(canonical('when   visitor.page_url\n contains "pricing"   for 0:30 during business_hours')).toBe(
      'when visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit\n',
    );
    expect(canonical('when visitor.page_url contains "x" anytime every_time tag "B", "a"')).toBe(
      'when visitor.page_url contains "x" every_time tag "b", "a"\n',
    );
    expect(canonical('when a.b is "x" outside business_hours "EMEA \\"A\\""')).toBe(
      'when a.b is "x" outside business_hours "EMEA \\"A\\"" once_per_visit\n',
    );
  });

  it('writes parentheses only where precedence needs them', () => {
    expect(canonical('when ((a.b is "1") and (a.c is "2")) or (a.d is "3")')).toBe(
      'when a.b is "1" and a.c is "2" or a.d is "3" once_per_visit\n',
    );
    expect(
      canonical('when (a.b is "1" or a.c is "2") and not (a.d is "3") and not (a.e is "4" and a.f is "5")'),
    ).toBe(
      'when (a.b is "1" or a.c is "2") and not a.d is "3" and not (a.e is "4" and a.f is "5")\nonce_per_visit\n',
    );
  });

  it('breaks long rules: one operand per line, then one clause per line', () => {
    const text =
      'when visitor.page_url contains ["pricing", "plans"] and (visitor.visit_history is returning_user or device.language is ["fr", "de"]) for 1:00 tag "sales"';
    expect(canonical(text)).toBe(
      [
        'when visitor.page_url contains ["pricing", "plans"]',
        '  and (visitor.visit_history is returning_user or device.language is ["fr", "de"])',
        'for 1:00',
        'once_per_visit',
        'tag "sales"',
        '',
      ].join('\n'),
    );
  });

  it('breaks nested groups that do not fit, indenting their operands', () => {
    const long = (n: number) => `visitor.page_title contains "a fairly long page title number ${n}"`;
    const text = `when visitor.page_url is "x" and (${long(1)} or ${long(2)} or not (${long(3)} and ${long(4)}))`;
    expect(canonical(text)).toBe(
      [
        'when visitor.page_url is "x"',
        '  and (',
        '    visitor.page_title contains "a fairly long page title number 1"',
        '    or visitor.page_title contains "a fairly long page title number 2"',
        '    or not (',
        '      visitor.page_title contains "a fairly long page title number 3"',
        '      and visitor.page_title contains "a fairly long page title number 4"',
        '    )',
        '  )',
        'once_per_visit',
        '',
      ].join('\n'),
    );
  });

  it('keeps comments in place', () => {
    const text = [
      '# Greets pricing visitors',
      'when',
      '  # first',
      '  visitor.page_url contains "pricing" # pricing pages',
      '  and (',
      '    # returning',
      '    visitor.visit_history is returning_user',
      '    or device.language is "fr" # French',
      '  )',
      'for 0:30',
      'once_per_visit',
      '# owner: sales',
      '',
    ].join('\n');
    expect(canonical(text)).toBe(text);
  });

  it('escapes what cannot be written raw in a string', () => {
    expect(canonical('when a.b is "tab\\there \\u{7} 👋 \\\\"')).toBe(
      'when a.b is "tab\\there \\u{7} 👋 \\\\" once_per_visit\n',
    );
  });

  it('round-trips generated rules: parse(print(rule)) equals rule', () => {
    fc.assert(
      fc.property(ruleArbitrary, (rule) => {
        const text = print(rule);
        const parsed = parse(text);
        if (!parsed.rule) throw new Error(`did not parse:\n${text}\n${JSON.stringify(parsed.diagnostics)}`);
        expect(withoutRanges(parsed.rule)).toEqual(rule);
        return rulesEqual(parsed.rule, rule);
      }),
      { seed: 20261127, numRuns: 3000 },
    );
  }, 120_000);

  it('is idempotent: format(format(x)) equals format(x)', () => {
    fc.assert(
      fc.property(ruleArbitrary, (rule: Rule) => {
        const once = format(print(rule)).text;
        expect(format(once).text).toBe(once);
      }),
      { seed: 7, numRuns: 1000 },
    );
  }, 120_000);

  it('leaves text with syntax errors unchanged', () => {
    const result = format('when a.b is');
    expect(result.text).toBe('when a.b is');
    expect(result.diagnostics[0]?.code).toBe('syntax');
  });

  it('prints the clauses and conditions alone', () => {
    const rule = parse('when (a.b is "x" or c.d is "y") and not e.f is "z" for 0:30 tag "t"').rule as Rule;
    expect(printClauses(rule)).toEqual(['for 0:30', 'once_per_visit', 'tag "t"']);
    expect(printConditionInline(rule.condition)).toBe('(a.b is "x" or c.d is "y") and not e.f is "z"');
  });

  it('refuses an operator the catalog does not have, naming the ones it has', () => {
    const rule = parse('when a.b is "x"').rule as Rule;
    const broken = { ...rule, condition: { ...rule.condition, operator: 'resembles' } } as Rule;
    expect(() => print(broken)).toThrow(
      'Cannot print the operator "resembles": the catalog has is, is_not, contains, does_not_contain, starts_with, ends_with, matches, does_not_match, greater_than, greater_or_equal, less_than, less_or_equal.',
    );
  });
});
