/**
 * The widget's size: builds `dist/widget.js` (evaluator + bubble, loaded on every page) and the chunks
 * loaded on demand (the panel, and the language's extras, behaviour and calls chunks), and prints each
 * minified and minified + gzip against its budget: 10 KB min+gzip for the initial script (all a
 * channel of the seed language loads), 2 KB for each chunk of the language. Also prints how much of the
 * initial script is the evaluator.
 *
 * Run: npx tsx bench/widget-size.bench.ts
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import {
  BUDGETED_CHUNKS,
  buildWidget,
  CHUNK_BUDGET_BYTES,
  formatSizes,
  INITIAL_BUDGET_BYTES,
} from '@proactive/widget/build';

const sizes = await buildWidget();
const initial = sizes.find((size) => size.file === 'widget.js');
console.log('Widget bundle (one build)');
console.log(formatSizes(sizes));

const evaluatorOnly = await build({
  stdin: {
    contents: "export { createEvaluator } from '@proactive/dsl/evaluator';",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'evaluator',
  target: ['es2020'],
  write: false,
});
const evaluatorCode = evaluatorOnly.outputFiles[0]?.contents ?? new Uint8Array();
console.log(
  `of which the evaluator alone: ${(evaluatorCode.length / 1024).toFixed(2)} KB min, ${(gzipSync(evaluatorCode, { level: 9 }).length / 1024).toFixed(2)} KB min+gzip`,
);
if (initial) {
  const ratio = initial.gzip / INITIAL_BUDGET_BYTES;
  console.log(
    `widget.js: ${(initial.gzip / 1024).toFixed(2)} KB of the ${(INITIAL_BUDGET_BYTES / 1024).toFixed(0)} KB min+gzip budget (${(ratio * 100).toFixed(0)}%) -> ${ratio <= 1 ? 'within budget' : 'OVER BUDGET'}`,
  );
  if (ratio > 1) process.exitCode = 1;
}
for (const chunk of BUDGETED_CHUNKS) {
  const size = sizes.find((candidate) => candidate.file === chunk);
  if (!size) continue;
  const ratio = size.gzip / CHUNK_BUDGET_BYTES;
  console.log(
    `${chunk}: ${(size.gzip / 1024).toFixed(2)} KB of the ${(CHUNK_BUDGET_BYTES / 1024).toFixed(0)} KB min+gzip chunk budget (${(ratio * 100).toFixed(0)}%) -> ${ratio <= 1 ? 'within budget' : 'OVER BUDGET'}`,
  );
  if (ratio > 1) process.exitCode = 1;
}
