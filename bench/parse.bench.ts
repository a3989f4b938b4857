/**
 * Parse + validate + format a 200-line rule text, as the editor does on every keystroke: median time of
 * `check(text)` followed by `format(text)`. Goal: median < 2 ms.
 *
 * Run: npx tsx bench/parse.bench.ts
 */
import { check } from '@proactive/dsl';
import { format } from '@proactive/dsl';
import { parse } from '@proactive/dsl';
import { print } from '@proactive/dsl';
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

/** Times each pipeline in interleaved rounds; returns, per pipeline, the times of every round. */
function timeRounds(pipelines: Array<() => unknown>, rounds: number, perRound: number): number[][][] {
  for (const run of pipelines) for (let warm = 0; warm < 30; warm++) run();
  const results = pipelines.map(() => [] as number[][]);
  for (let round = 0; round < rounds; round++) {
    pipelines.forEach((run, index) => {
      const times: number[] = [];
      for (let iteration = 0; iteration < perRound; iteration++) {
        const start = process.hrtime.bigint();
        run();
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      results[index]?.push(times);
    });
  }
  return results;
}

/** Median over all runs, the quietest round's median (the machine is shared), and the best run. */
function summarise(rounds: number[][]): { all: number; quietest: number; best: number } {
  return {
    all: median(rounds.flat()),
    quietest: Math.min(...rounds.map((times) => median(times))),
    best: Math.min(...rounds.flat()),
  };
}

const summary = (figures: { all: number; quietest: number; best: number }) =>
  `median ${figures.all.toFixed(3)} ms, quietest round's median ${figures.quietest.toFixed(3)} ms, best ${figures.best.toFixed(3)} ms`;

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
  const onePass = () => {
    const result = check(text, { schedules: ['EMEA support'] });
    if (result.rule) print(result.rule);
  };
  const twoPasses = () => {
    check(text, { schedules: ['EMEA support'] });
    format(text);
  };
  const rounds = 5;
  const [one, two, alone] = timeRounds(
    [onePass, twoPasses, () => parse(text)],
    rounds,
    Math.ceil(iterations / rounds),
  ).map(summarise) as [
    ReturnType<typeof summarise>,
    ReturnType<typeof summarise>,
    ReturnType<typeof summarise>,
  ];
  const lines = text.split('\n').length;
  console.log(
    `\nParse + validate + format a ${lines}-line rule (${text.length} chars), ${iterations} runs each in ${rounds} rounds`,
  );
  console.log(`check + print (one parse):    ${summary(one)}  (goal: median < 2 ms)`);
  console.log(`check + format (two parses):  ${summary(two)}`);
  console.log(`parse alone:                  ${summary(alone)}`);
  return { medianMs: one.all, lines };
}

if (import.meta.url === `file://${process.argv[1]}`) runParseBench();
