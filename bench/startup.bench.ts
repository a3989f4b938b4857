/**
 * Start-up bench (one run, figures printed, nothing asserted): the production builds beside plain-Node
 * anchors, every process started the same way (`node FILE`), in interleaved rounds; min and median of
 * each, and their ratios to the anchor.
 * - `proactive check` on a one-line rule file (the installed launcher, dsl/bin/proactive.js, running the
 *   prebuilt bundle) vs `node -e 0`. Goal: within 4x.
 * - the server: from spawning `node server/dist/main.js` (what `npm start` runs, on an existing SQLite
 *   database) to the first 200 on /health, vs a bare Hono process (@hono/node-server and one route,
 *   bundled with the same esbuild options). Goal: within 3x. Idle RSS one second after that 200: within 2x.
 * - for reference: the first start on an empty database (migrations + demo seed), and
 *   `node scripts/start.js` (`npm start` without npm itself: build checks, then the server).
 *
 * Run: `npx tsx bench/startup.bench.ts` (also part of `npm run bench`). `--quick` runs fewer rounds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildAllIfStale } from '../scripts/builds.js';
import { median } from './measure.ts';

const quick = process.argv.includes('--quick');
const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'proactive-startup-'));

interface Sample {
  ms: number;
  rssMb?: number;
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once GET /health answers 200, retrying every 2 ms while nothing listens. */
function healthy(port: number): Promise<void> {
  return new Promise((resolve) => {
    const attempt = () => {
      const request = get({ host: '127.0.0.1', port, path: '/health', agent: false }, (response) => {
        response.resume();
        if (response.statusCode === 200) resolve();
        else setTimeout(attempt, 2);
      });
      request.once('error', () => setTimeout(attempt, 2));
    };
    attempt();
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

/** Spawns `node ...args`, times it to the first 200 on /health, reads its RSS after a second idle, stops it. */
async function startServer(args: string[], env: Record<string, string> = {}): Promise<Sample> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PROACTIVE_ADMIN_TOKEN: 'bench-token', ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await Promise.race([healthy(port), exited.then(() => Promise.reject(new Error(`${args[0]} exited`)))]);
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rss = rssMb(child.pid!);
  child.kill('SIGTERM');
  await exited;
  return { ms, rssMb: rss };
}

function runOnce(args: string[]): Sample {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms };
}

/** Runs each variant once per round, in the same order every round, after one warm-up run each. */
async function interleaved(
  variants: ReadonlyArray<readonly [string, () => Sample | Promise<Sample>]>,
  rounds: number,
): Promise<Map<string, Sample[]>> {
  for (const [, run] of variants) await run();
  const samples = new Map<string, Sample[]>(variants.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of variants) samples.get(name)!.push(await run());
  }
  return samples;
}

const fmt = (value: number, unit: string) => `${value.toFixed(unit === 'MB' ? 1 : 0)} ${unit}`;

function report(
  title: string,
  samples: Map<string, Sample[]>,
  anchor: string,
  pick: (sample: Sample) => number,
  unit: string,
  goals: Record<string, string> = {},
): void {
  const base = samples.get(anchor)!.map(pick);
  const [baseMin, baseMedian] = [Math.min(...base), median(base)];
  console.log(`\n${title} (${base.length} interleaved rounds)`);
  console.log(`${'variant'.padEnd(44)} ${'min'.padStart(9)} ${'median'.padStart(9)}  ratio min / median`);
  for (const [name, list] of samples) {
    const values = list.map(pick);
    const [min, mid] = [Math.min(...values), median(values)];
    const ratio =
      name === anchor ? 'anchor' : `${(min / baseMin).toFixed(2)}x / ${(mid / baseMedian).toFixed(2)}x`;
    const goal = goals[name] ? `   (goal ${goals[name]})` : '';
    console.log(
      `${name.padEnd(44)} ${fmt(min, unit).padStart(9)} ${fmt(mid, unit).padStart(9)}  ${ratio}${goal}`,
    );
  }
}

const failed = buildAllIfStale();
if (failed.length > 0)
  throw new Error(`Cannot bench: ${failed.map((b) => b.name).join(', ')} did not build.`);

// The anchor server: the smallest @hono/node-server app, bundled like the server.
const anchorFile = join(work, 'anchor.mjs');
await build({
  stdin: {
    contents: `import { serve } from '@hono/node-server';
import { Hono } from 'hono';
const app = new Hono();
app.get('/health', (c) => c.json({ status: 'ok' }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });`,
    resolveDir: join(root, 'server'),
    loader: 'js',
  },
  outfile: anchorFile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  logLevel: 'warning',
});

const ruleFile = join(work, 'one-line.rule');
writeFileSync(ruleFile, 'when visitor.page_url contains "pricing"\n');
const launcher = join(root, 'dsl', 'bin', 'proactive.js');

try {
  const cli = await interleaved(
    [
      ['node -e 0 (anchor)', () => runOnce(['-e', '0'])],
      ['proactive check one-line.rule', () => runOnce([launcher, 'check', ruleFile])],
    ],
    quick ? 10 : 30,
  );
  report('CLI: process start to exit', cli, 'node -e 0 (anchor)', (sample) => sample.ms, 'ms', {
    'proactive check one-line.rule': 'within 4x',
  });

  const seeded = join(work, 'seeded.db');
  await startServer(['server/dist/main.js'], { DATABASE_URL: seeded });
  let fresh = 0;
  const server = await interleaved(
    [
      ['bare Hono process (anchor)', () => startServer([anchorFile])],
      ['node server/dist/main.js', () => startServer(['server/dist/main.js'], { DATABASE_URL: seeded })],
      [
        'same, empty database (migrate + seed)',
        () => startServer(['server/dist/main.js'], { DATABASE_URL: join(work, `fresh-${fresh++}.db`) }),
      ],
      [
        'node scripts/start.js (build checks + server)',
        () => startServer(['scripts/start.js'], { DATABASE_URL: seeded }),
      ],
    ],
    quick ? 3 : 7,
  );
  report(
    'Server: spawn to the first 200 on /health',
    server,
    'bare Hono process (anchor)',
    (s) => s.ms,
    'ms',
    {
      'node server/dist/main.js': 'within 3x',
    },
  );
  report(
    'Server: idle RSS one second after that 200',
    server,
    'bare Hono process (anchor)',
    (s) => s.rssMb!,
    'MB',
    {
      'node server/dist/main.js': 'within 2x',
    },
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
