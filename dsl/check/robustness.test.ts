import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompileError } from '../compile/compile.ts';
import { check, compile, format, parse, print, validate } from '../language.ts';
import { MAX_NESTING, nestingDepth, withoutRanges, type Condition, type Rule } from '../model/ast.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { mutatedText, ruleLikeText } from '../testing/arbitraries.ts';
import { bigInputs, nestedText } from '../testing/big-inputs.ts';

const valid = [
  'when visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit',
  '# c\nwhen (visitor.page_title is ["a", "b"] or not device.language is "fr") and visitor.visit_history is new_user # x\ntag "vip"',
  'when visitor.utm_source is "newsletter" and visitor.attributes["plan"] is not "enterprise" and visitor.pages_viewed >= 2 on scroll 50% during business_hours once_per_customer tag "upsell"',
  'when event.properties["value"] > -2.5 and visitor.query["ref"] matches "a*b" on event "added_to_cart"',
];

function assertWellBehaved(text: string): void {
  const result = check(text, { schedules: ['EMEA'], hasBusinessHours: true });
  for (const diagnostic of result.diagnostics) {
    expect(diagnostic.range.start).toBeGreaterThanOrEqual(0);
    expect(diagnostic.range.end).toBeGreaterThanOrEqual(diagnostic.range.start);
    expect(diagnostic.range.end).toBeLessThanOrEqual(text.length);
    expect(diagnostic.message.length).toBeGreaterThan(10);
  }
  const formatted = format(text);
  if (formatted.diagnostics.length === 0) expect(format(formatted.text).text).toBe(formatted.text);
}

describe('bad input', () => {
  it('never throws on random rule-like text; every diagnostic lies inside the text', () => {
    fc.assert(fc.property(ruleLikeText, assertWellBehaved), { seed: 1, numRuns: 3000 });
  }, 120_000);

  it('never throws on mutated valid rules', () => {
    for (const [index, source] of valid.entries()) {
      fc.assert(fc.property(mutatedText(source), assertWellBehaved), { seed: 100 + index, numRuns: 1500 });
    }
  }, 120_000);
});

const comparison = 'visitor.page_url contains "x"';
const notChain = (depth: number, inner: Condition = parsedComparison()): Condition => {
  let node = inner;
  for (let level = 0; level < depth; level++) node = { kind: 'not', operand: node };
  return node;
};
function parsedComparison(): Condition {
  return withoutRanges((parse(`when ${comparison}`).rule as Rule).condition);
}
const ruleWith = (condition: Condition): Rule => ({
  kind: 'rule',
  condition,
  timing: { kind: 'page_load' },
  timeOfDay: { kind: 'anytime' },
  frequency: 'once_per_visit',
  tags: [],
});

describe('deep nesting', () => {
  it(`refuses text nested deeper than ${MAX_NESTING} levels with a diagnostic on the token too deep`, () => {
    const deep = [
      `when ${'('.repeat(300)}${comparison}`,
      `when ${'('.repeat(500)}${comparison}${')'.repeat(500)}`,
      `when ${'not '.repeat(2200)}${comparison}`,
      `when ${Array.from({ length: 1000 }, () => `(${comparison}`).join(' and ')}`,
    ];
    for (const text of deep) {
      const result = check(text);
      expect(result.rule).toBeNull();
      expect(result.diagnostics).toHaveLength(1);
      const [tooDeep] = result.diagnostics as [Diagnostic];
      expect(tooDeep).toMatchObject({ code: 'too-deep', severity: 'error' });
      expect(tooDeep.message).toContain(`more than ${MAX_NESTING} levels`);
      const before = text.slice(0, tooDeep.range.start);
      expect((before.match(/\(|\bnot\b/g) ?? []).length).toBe(MAX_NESTING);
      expect(format(text)).toEqual({ text, diagnostics: result.diagnostics });
    }
  });

  it(`accepts ${MAX_NESTING} levels, and agrees with the AST's nestingDepth`, () => {
    const atCap = [
      `when ${'('.repeat(MAX_NESTING)}${comparison}${')'.repeat(MAX_NESTING)}`,
      `when ${'not '.repeat(MAX_NESTING)}${comparison}`,
      `when ${'not ('.repeat(MAX_NESTING / 2)}${comparison} or ${comparison}${')'.repeat(MAX_NESTING / 2)}`,
      `when ${'not '.repeat(MAX_NESTING - 1)}(${comparison} or ${comparison}) and not ${comparison}`,
    ];
    for (const text of atCap) {
      const result = check(text);
      expect(result.diagnostics).toEqual([]);
      const rule = result.rule as Rule;
      expect(nestingDepth(rule.condition)).toBeLessThanOrEqual(MAX_NESTING);
      expect(check(print(rule)).diagnostics).toEqual([]);
    }
    // `is not` and `does not contain` are operators, not levels.
    const operators = `when ${'not '.repeat(MAX_NESTING)}visitor.page_url does not contain "x" and device.language is not "fr"`;
    expect(check(operators).diagnostics).toEqual([]);
  });

  it('refuses ASTs nested too deep without recursing through them', () => {
    const deep = ruleWith(notChain(100_000));
    expect(nestingDepth(deep.condition)).toBe(MAX_NESTING + 1);
    expect(validate(deep)).toMatchObject([{ code: 'too-deep', severity: 'error' }]);
    expect(() => print(deep)).toThrow(/nested more than 64 levels/);
    expect(() => compile(deep)).toThrow(CompileError);
    const atCap = ruleWith(notChain(MAX_NESTING));
    expect(validate(atCap)).toEqual([]);
    expect(check(print(atCap)).diagnostics).toEqual([]);
    // Printed text has the AST's depth: one more level is refused by the parser too.
    const groups = (depth: number): Condition =>
      depth === 0
        ? parsedComparison()
        : { kind: 'not', operand: { kind: 'or', operands: [groups(depth - 2), parsedComparison()] } };
    expect(nestingDepth(groups(MAX_NESTING))).toBe(MAX_NESTING);
    expect(check(print(ruleWith(groups(MAX_NESTING)))).diagnostics).toEqual([]);
    const over = ruleWith({ kind: 'not', operand: groups(MAX_NESTING) });
    expect(validate(over)[0]?.code).toBe('too-deep');
  });

  it('reads any JSON in nestingDepth', () => {
    expect(nestingDepth(null)).toBe(0);
    expect(nestingDepth({ kind: 'and', operands: 'nope' })).toBe(0);
    expect(nestingDepth({ kind: 'not' })).toBe(1);
    expect(nestingDepth({ kind: 'and', operands: [{ kind: 'or', operands: [] }, null] })).toBe(1);
  });
});

describe('input up to 100,000 characters', () => {
  it('checks and formats every shape of big input without throwing', () => {
    for (const [name, build] of Object.entries(bigInputs)) {
      const text = build(100_000);
      expect(text.length, name).toBeGreaterThan(99_000);
      expect(text.length, name).toBeLessThan(101_000);
      assertWellBehaved(text);
    }
  });

  it('never throws on nesting around the cap', () => {
    fc.assert(fc.property(nestedText, assertWellBehaved), { seed: 64, numRuns: 500 });
  });

  it('formats a long chain of `not` groups and keeps every comment', () => {
    const text = `when ${Array.from({ length: 3000 }, (_, index) => `not ${comparison} # c${index}`).join('\n and ')}`;
    const formatted = format(text);
    expect(formatted.diagnostics).toEqual([]);
    expect(formatted.text.match(/# c\d+/g)).toHaveLength(3000);
  });
});
