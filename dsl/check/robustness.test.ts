import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../language.ts';
import { format } from '../language.ts';
import { mutatedText, ruleLikeText } from '../testing/arbitraries.ts';

const valid = [
  'when visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit',
  '# c\nwhen (visitor.page_title is ["a", "b"] or not device.language is "fr") and visitor.visit_history is new_user # x\ntag "vip"',
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
