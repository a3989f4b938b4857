/**
 * `npm run bench`: every bench in sequence, one run each. Figures are printed (ratios, medians), never
 * asserted: judge them against the goals in bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runEvaluateBench } from './evaluate.bench.ts';
import { runFuzz } from './fuzz.ts';
import { runParseBench } from './parse.bench.ts';

const quick = process.argv.includes('--quick');

await runEvaluateBench();
runParseBench();
runFuzz(quick ? 5_000 : 100_000);

// The server bench is written by the server's owner; run it when it exists.
const serverBench = fileURLToPath(new URL('./server.bench.ts', import.meta.url));
if (existsSync(serverBench)) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', serverBench], { stdio: 'inherit' });
  if (result.status !== 0) process.exitCode = result.status ?? 1;
} else {
  console.log('\n(bench/server.bench.ts does not exist yet: server bench skipped)');
}
