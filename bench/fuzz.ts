/**
 * Soak test of the text front end: at least 100,000 fast-check cases (random rule-like texts, mutations
 * of valid rules, and nesting around the 64-level cap) through `check` and `format`. Nothing may throw,
 * every diagnostic range must lie inside the text, and formatting must be idempotent. The unit suite runs
 * a few thousand of the same. Then every shape of big input (`bigInputs`) at 1,000, 10,000 and 100,000
 * characters: the slowest shape per size, with lexing the same text as the anchor (linear time shows as
 * a flat cost per character and a flat ratio to the lexer).
 *
 * Run: npx tsx bench/fuzz.ts [cases]
 */
import fc from 'fast-check';
import { check, format, language } from '@proactive/dsl';
import { bigInputs, mutatedText, nestedText, ruleLikeText } from '@proactive/dsl/testing';
import { median } from './measure.ts';

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
  const randomRuns = Math.ceil(cases * 0.4);
  const nestedRuns = Math.ceil(cases * 0.1);
  fc.assert(fc.property(ruleLikeText, wellBehaved), { seed: 20261127, numRuns: randomRuns });
  fc.assert(fc.property(nestedText, wellBehaved), { seed: 64, numRuns: nestedRuns });
  const perRule = Math.ceil((cases - randomRuns - nestedRuns) / validRules.length);
  validRules.forEach((rule, index) => {
    fc.assert(fc.property(mutatedText(rule), wellBehaved), { seed: 7 + index, numRuns: perRule });
  });
  const total = randomRuns + nestedRuns + perRule * validRules.length;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `\nFuzz: ${total.toLocaleString('en-US')} cases through check + format in ${seconds.toFixed(1)} s: no throw, all ranges valid, format idempotent`,
  );
  return { cases: total, seconds };
}

const milliseconds = (run: () => unknown): number => {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

/** One shape at one size: the median of `rounds` check + format runs, and of lexing alone, interleaved. */
function timeShape(text: string, rounds: number): { ms: number; lexMs: number } {
  wellBehaved(text);
  const runs: number[] = [];
  const lexRuns: number[] = [];
  for (let round = 0; round < rounds; round++) {
    lexRuns.push(milliseconds(() => language.syntax.vocabulary.lexer.tokenize(text)));
    runs.push(milliseconds(() => wellBehaved(text)));
  }
  return { ms: median(runs), lexMs: median(lexRuns) };
}

/**
 * Every shape of big input at each size through `check` + `format` (nothing may throw); prints each
 * size's slowest shape, its cost per 1,000 characters, and its ratio to lexing the same text.
 */
export function runBigInputs(sizes: readonly number[] = [1_000, 10_000, 100_000], rounds = 5): void {
  console.log(
    `\nBig inputs: ${Object.keys(bigInputs).length} shapes x ${sizes.length} sizes through check + format (median of ${rounds}, lexing the same text as anchor)`,
  );
  console.log(
    `${'size'.padStart(8)}  ${'slowest shape'.padEnd(26)} ${'ms'.padStart(8)} ${'ms/1k chars'.padStart(12)} ${'x lexing'.padStart(9)}  all shapes (ms)`,
  );
  for (const size of sizes) {
    const results = Object.entries(bigInputs).map(([name, build]) => {
      const text = build(size);
      return { name, length: text.length, ...timeShape(text, rounds) };
    });
    const slowest = results.reduce((worst, result) => (result.ms > worst.ms ? result : worst));
    const all = results.map((result) => result.ms.toFixed(1)).join(' ');
    console.log(
      `${size.toLocaleString('en-US').padStart(8)}  ${slowest.name.padEnd(26)} ${slowest.ms.toFixed(1).padStart(8)} ${((slowest.ms * 1000) / slowest.length).toFixed(2).padStart(12)} ${(slowest.ms / slowest.lexMs).toFixed(1).padStart(9)}  ${all}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runFuzz(Number(process.argv[2] ?? 100_000));
  runBigInputs();
}
