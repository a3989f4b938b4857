/**
 * `npm run bench`: every bench in sequence, one run each. Figures are printed (ratios, medians), never
 * asserted: judge them against the goals in bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runEvaluateBench } from './evaluate.bench.ts';
import { runBigInputs, runFuzz } from './fuzz.ts';
import { runParseBench } from './parse.bench.ts';

const quick = process.argv.includes('--quick');

await runEvaluateBench();
runParseBench();
runFuzz(quick ? 5_000 : 100_000);
runBigInputs();

// Benches other owners write (server, widget size, ...) run as their own processes when they exist.
const mine = new Set(['evaluate.bench.ts', 'parse.bench.ts']);
const directory = fileURLToPath(new URL('.', import.meta.url));
const others = readdirSync(directory)
  .filter((name) => name.endsWith('.bench.ts') && !mine.has(name))
  .sort((a, b) => (a === 'server.bench.ts' ? -1 : b === 'server.bench.ts' ? 1 : a.localeCompare(b)));
if (!others.includes('server.bench.ts'))
  console.log('\n(bench/server.bench.ts does not exist yet: server bench skipped)');
for (const name of others) {
  console.log(`\n== ${name}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(directory, name)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exitCode = result.status ?? 1;
}
