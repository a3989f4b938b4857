/**
 * Parse + validate + format a 200-line rule text, as the editor does on every keystroke: median time of
 * `check(text)` followed by `format(text)`. Goal: median < 2 ms.
 *
 * Run: npx tsx bench/parse.bench.ts
 */
import { check } from '../dsl/check.ts';
import { format } from '../dsl/format.ts';
import { median } from './measure.ts';

const comparisons = [
  'visitor.page_url contains ["pricing", "plans"]',
  'visitor.page_title is not ["404", "Error"]',
  'device.language is ["fr", "pt-BR", "de"]',
  'visitor.visit_history is returning_user',
  'visitor.page_url does not contain "checkout"',
  'not visitor.page_title contains "internal"',
];

/**
 * A realistic 200-line rule: nested groups of comparisons with comments, then every clause.
 *
 * @example buildLongRule(200).split('\n').length // 200
 */
export function buildLongRule(lines = 200): string {
  const out = ['# A long rule: pricing visitors, by language and history', 'when ('];
  let index = 0;
  while (out.length < lines - 7) {
    const comparison = comparisons[index % comparisons.length] as string;
    if (index % 5 === 0) out.push(`  # group ${index / 5 + 1}`);
    const joiner = index === 0 ? '  ' : index % 3 === 0 ? '  or ' : '  and ';
    out.push(`${joiner}${comparison}${index % 4 === 0 ? ' # checked on every page' : ''}`);
    index++;
  }
  out.push(')', 'for 1:30', 'during business_hours "EMEA support"', '# Ask once per visit', 'once_per_visit');
  out.push('tag "pricing", "vip"');
  while (out.length < lines) out.push('# end');
  return `${out.join('\n')}`;
}

/** Runs the bench, prints the figures and returns the median in milliseconds. */
export function runParseBench(iterations = 300): { medianMs: number; lines: number } {
  const text = buildLongRule();
  const checked = check(text, { schedules: ['EMEA support'] });
  if (!checked.rule || checked.diagnostics.length > 0) {
    throw new Error(`the bench rule must be clean: ${JSON.stringify(checked.diagnostics.slice(0, 3))}`);
  }
  for (let warm = 0; warm < 30; warm++) format(check(text).rule ? text : '');
  const times: number[] = [];
  for (let run = 0; run < iterations; run++) {
    const start = process.hrtime.bigint();
    check(text, { schedules: ['EMEA support'] });
    format(text);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const medianMs = median(times);
  const lines = text.split('\n').length;
  console.log(`\nParse + validate + format a ${lines}-line rule (${text.length} chars), ${iterations} runs`);
  console.log(
    `median ${medianMs.toFixed(3)} ms, p90 ${[...times].sort((a, b) => a - b)[Math.floor(iterations * 0.9)]?.toFixed(3)} ms (goal: median < 2 ms)`,
  );
  return { medianMs, lines };
}

if (import.meta.url === `file://${process.argv[1]}`) runParseBench();
