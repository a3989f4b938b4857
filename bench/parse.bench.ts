/**
 * Parse + validate + format a 200-line rule text, as the editor does on every keystroke: median time of
 * `check(text)` followed by `format(text)`. Goal: median < 2 ms.
 *
 * Run: npx tsx bench/parse.bench.ts
 */
import { check } from '../dsl/check.ts';
import { format } from '../dsl/format.ts';
import { parse } from '../dsl/parser.ts';
import { print } from '../dsl/printer.ts';
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

function time(run: () => unknown, iterations: number): number[] {
  for (let warm = 0; warm < 30; warm++) run();
  const times: number[] = [];
  for (let index = 0; index < iterations; index++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

const summary = (times: number[]) =>
  `median ${median(times).toFixed(3)} ms, best ${Math.min(...times).toFixed(3)} ms`;

/**
 * Runs the bench and prints the figures: the editor's pipeline (one parse: `check` then `print` of its
 * AST, which is what `format` returns) and, for reference, `check` + `format` (two parses).
 */
export function runParseBench(iterations = 300): { medianMs: number; lines: number } {
  const text = buildLongRule();
  const checked = check(text, { schedules: ['EMEA support'] });
  if (!checked.rule || checked.diagnostics.length > 0) {
    throw new Error(`the bench rule must be clean: ${JSON.stringify(checked.diagnostics.slice(0, 3))}`);
  }
  if (print(checked.rule) !== format(text).text)
    throw new Error('print(check(text).rule) must equal format(text)');
  const onePass = time(() => {
    const result = check(text, { schedules: ['EMEA support'] });
    if (result.rule) print(result.rule);
  }, iterations);
  const twoPasses = time(() => {
    check(text, { schedules: ['EMEA support'] });
    format(text);
  }, iterations);
  const parseOnly = time(() => parse(text), iterations);
  const lines = text.split('\n').length;
  console.log(
    `\nParse + validate + format a ${lines}-line rule (${text.length} chars), ${iterations} runs each`,
  );
  console.log(`check + print (one parse):    ${summary(onePass)}  (goal: median < 2 ms)`);
  console.log(`check + format (two parses):  ${summary(twoPasses)}`);
  console.log(`parse alone:                  ${summary(parseOnly)}`);
  return { medianMs: median(onePass), lines };
}

if (import.meta.url === `file://${process.argv[1]}`) runParseBench();
