/**
 * Soak test of the text front end: at least 100,000 fast-check cases (random rule-like texts and
 * mutations of valid rules) through `check` and `format`. Nothing may throw, every diagnostic range must
 * lie inside the text, and formatting must be idempotent. The unit suite runs a few thousand of the same.
 *
 * Run: npx tsx bench/fuzz.ts [cases]
 */
import fc from 'fast-check';
import { check } from '@proactive/dsl';
import { format } from '@proactive/dsl';
import { mutatedText, ruleLikeText } from '@proactive/dsl/testing';

const validRules = [
  'when visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit',
  '# Pricing help\nwhen (visitor.page_title is ["Plans", "Pricing"] or not device.language is "fr") # hi\n  and visitor.visit_history is new_user\nfor 2:05 outside business_hours "EMEA support" every_time tag "vip", "sales"',
  'when not (visitor.page_url does not contain ["checkout", "cart"] and device.language is not "pt-BR") anytime once_per_customer',
];

function wellBehaved(text: string): void {
  const result = check(text, { schedules: ['EMEA support'], hasBusinessHours: true });
  for (const diagnostic of result.diagnostics) {
    const { start, end } = diagnostic.range;
    if (!(start >= 0 && end >= start && end <= text.length)) {
      throw new Error(
        `diagnostic ${diagnostic.code} has range ${start}-${end} outside a ${text.length}-char text`,
      );
    }
  }
  const formatted = format(text);
  if (formatted.diagnostics.length === 0 && format(formatted.text).text !== formatted.text) {
    throw new Error('format is not idempotent');
  }
}

/** Runs `cases` fuzz cases (half random, half mutated valid rules) and returns how many ran. */
export function runFuzz(cases = 100_000): { cases: number; seconds: number } {
  const start = process.hrtime.bigint();
  const randomRuns = Math.ceil(cases / 2);
  fc.assert(fc.property(ruleLikeText, wellBehaved), { seed: 20261127, numRuns: randomRuns });
  const perRule = Math.ceil((cases - randomRuns) / validRules.length);
  validRules.forEach((rule, index) => {
    fc.assert(fc.property(mutatedText(rule), wellBehaved), { seed: 7 + index, numRuns: perRule });
  });
  const total = randomRuns + perRule * validRules.length;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `\nFuzz: ${total.toLocaleString('en-US')} cases through check + format in ${seconds.toFixed(1)} s: no throw, all ranges valid, format idempotent`,
  );
  return { cases: total, seconds };
}

if (import.meta.url === `file://${process.argv[1]}`) runFuzz(Number(process.argv[2] ?? 100_000));
