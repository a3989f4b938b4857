/**
 * The editor services on a 2,000-line rule text: completion and diagnostics at its start, middle and end,
 * each time on a new text (as after a keystroke: a new model version, lexed once), beside two anchors
 * timed in the same rounds on the same text:
 * - chevrotain lexing alone (`lexer.tokenize`): the floor of any service that must read a changed text,
 *   which diagnostics must (they cover the whole rule); completion from the statement around the cursor
 *   should cost little more than this.
 * - `String.prototype.split('\n')`: the cost of merely touching every line (what Monaco's own line model
 *   does on every change), to show how small the text is for the machine.
 * Before: completion handed the grammar every token before the cursor (`prefix: 'whole'`), timed here too.
 * Goal (issue 11): completion and diagnostics anywhere under 16 ms (one frame).
 *
 * Run: npx tsx bench/editor.bench.ts
 */
import { language, type RuleLanguage } from '@proactive/dsl';
import { createCompletion, createEditor } from '@proactive/dsl/editor';
import { median } from './measure.ts';
import { buildLongRule } from './parse.bench.ts';

const options = { schedules: ['EMEA support'] };
const rule = language as RuleLanguage;
const { lexer } = rule.syntax.vocabulary;

/** Each edit makes a new text (a new model version): a counter in a comment at the very end. */
let version = 0;
const edited = (text: string) => `${text}\n# ${++version}`;

/** Where the cursor is: after the operator of the first, the middle and the last comparison. */
function cursors(text: string): Record<'start' | 'middle' | 'end', number> {
  const lines = text.split('\n');
  const comparisons = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => /^\s+(and |or )?device\.language is /.test(line));
  const offsetAfterOperator = (entry: { line: string; index: number } | undefined) => {
    const found = entry as { line: string; index: number };
    const before = lines.slice(0, found.index).join('\n').length + 1;
    return before + found.line.indexOf(' is ') + ' is '.length;
  };
  return {
    start: offsetAfterOperator(comparisons[0]),
    middle: offsetAfterOperator(comparisons[Math.floor(comparisons.length / 2)]),
    end: offsetAfterOperator(comparisons.at(-1)),
  };
}

interface Case {
  name: string;
  run: () => unknown;
}

/** Times every case in interleaved rounds; per case, every call's time in ms. */
function timeInterleaved(cases: readonly Case[], rounds: number, perRound: number): number[][] {
  for (const { run } of cases) for (let warm = 0; warm < 10; warm++) run();
  const times = cases.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    cases.forEach(({ run }, index) => {
      for (let call = 0; call < perRound; call++) {
        const start = process.hrtime.bigint();
        run();
        (times[index] as number[]).push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    });
  }
  return times;
}

/**
 * Runs the bench and prints min and median per case, and their ratio to lexing alone.
 *
 * @example runEditorBench() // prints the table
 */
export function runEditorBench(rounds = 7, perRound = 15): void {
  const text = buildLongRule(2000);
  const at = cursors(text);
  const editor = createEditor(rule);
  const uncached = { lex: (source: string) => lexer.tokenize(source) };
  const fromStatement = createCompletion(rule, uncached);
  const fromWholePrefix = createCompletion(rule, { ...uncached, prefix: 'whole' });
  if (editor.diagnostics(text, options).length > 0) throw new Error('the bench rule must be clean');
  for (const [place, offset] of Object.entries(at)) {
    const labels = fromStatement(text, offset, options).items.map((item) => item.label);
    if (!labels.includes('"fr"')) throw new Error(`no language values at the ${place}: ${labels.join(', ')}`);
  }

  const cases: Case[] = [
    { name: 'anchor: lexing alone', run: () => lexer.tokenize(edited(text)) },
    { name: "anchor: split('\\n')", run: () => edited(text).split('\n') },
  ];
  for (const [place, offset] of Object.entries(at)) {
    cases.push(
      { name: `completion at the ${place}`, run: () => fromStatement(edited(text), offset, options) },
      {
        name: `completion at the ${place}, tokens already lexed`,
        run: () => editor.complete(text, offset, options),
      },
      {
        name: `before: completion over the whole prefix, ${place}`,
        run: () => fromWholePrefix(edited(text), offset, options),
      },
    );
  }
  // Diagnostics read the whole text wherever the edit is: a typo at each place.
  const typo = (offset: number) => {
    const field = text.lastIndexOf('device.language', offset);
    return `${text.slice(0, field)}device.lnaguage${text.slice(field + 'device.language'.length)}`;
  };
  for (const [place, offset] of Object.entries(at)) {
    const withTypo = typo(offset);
    if (editor.diagnostics(withTypo, options)[0]?.code !== 'unknown-field') throw new Error('typo not found');
    cases.push({
      name: `diagnostics, edit at the ${place}`,
      run: () => editor.diagnostics(edited(withTypo), options),
    });
  }

  const times = timeInterleaved(cases, rounds, perRound);
  const lexMin = Math.min(...(times[0] as number[]));
  const lexMedian = median(times[0] as number[]);
  const lines = text.split('\n').length;
  console.log(
    `\nEditor services on a ${lines}-line rule (${text.length} chars), ${rounds} interleaved rounds of ${perRound} calls; goal < 16 ms`,
  );
  console.log(
    `${'case'.padEnd(52)} ${'min ms'.padStart(8)} ${'median'.padStart(8)}  x lexing (min / median)`,
  );
  cases.forEach(({ name }, index) => {
    const own = times[index] as number[];
    const min = Math.min(...own);
    const middle = median(own);
    console.log(
      `${name.padEnd(52)} ${min.toFixed(3).padStart(8)} ${middle.toFixed(3).padStart(8)}  ${(min / lexMin).toFixed(2)}x / ${(middle / lexMedian).toFixed(2)}x`,
    );
  });
}

if (import.meta.url === `file://${process.argv[1]}`) runEditorBench();
