// @ts-check
/**
 * Everything `npm start` runs that is built, and how to bring it up to date: a build runs only when its
 * output is missing or older than its sources. Used by `npm start` (scripts/start.js), `npm run build`,
 * the e2e suites and the benches. Plain JavaScript so Node runs it without a compile step.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * @typedef {object} Build
 * @property {string} name what it is, for messages
 * @property {string} script the npm script that builds it
 * @property {string} output the file whose modification time says when it was built
 * @property {string[]} sources files and folders it is built from (tests, dist/ and node_modules/ skipped)
 * @property {string[]} [ignore] folders under `sources` that are not part of it
 * @property {boolean} [required] `npm start` cannot run without it
 */

/** @type {Build[]} */
export const builds = [
  {
    name: 'server',
    script: 'build:server',
    output: 'server/dist/main.js',
    sources: ['server', 'dsl', 'contract', 'package-lock.json'],
    required: true,
  },
  {
    name: 'CLI',
    script: 'build:cli',
    output: 'dsl/dist/proactive.js',
    sources: ['dsl', 'package-lock.json'],
  },
  {
    name: 'widget',
    script: 'build:widget',
    output: 'dist/widget.js',
    sources: ['widget', 'dsl', 'contract', 'package-lock.json'],
    ignore: ['widget/demo'],
  },
  {
    name: 'admin app',
    script: 'build:app',
    output: 'assets/iframe.html',
    sources: ['app', 'dsl', 'contract', 'translations', 'widget/greeting.ts', 'package-lock.json'],
  },
];

/**
 * The newest modification time (ms) of the files under some paths (relative to the project root),
 * skipping tests, dist/, node_modules/ and the `ignore`d folders.
 *
 * @example newestSource(['widget'], ['widget/demo'])
 * @param {string[]} paths
 * @param {string[]} [ignore]
 * @returns {number}
 */
export function newestSource(paths, ignore = []) {
  const skipped = new Set(ignore.map((path) => join(projectRoot, path)));
  let newest = 0;
  /** @param {string} path */
  const visit = (path) => {
    if (skipped.has(path)) return;
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
      }
    } else if (!/\.test\.tsx?$/.test(path)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const path of paths) visit(join(projectRoot, path));
  return newest;
}

/**
 * Why a build must run (`'not built yet'`, `'sources changed'`), or null when its output is current.
 *
 * @example staleReason(builds[0]) // null right after `npm run build`
 * @param {Build} build
 * @returns {string | null}
 */
export function staleReason(build) {
  const builtAt = statSync(join(projectRoot, build.output), { throwIfNoEntry: false })?.mtimeMs;
  if (builtAt === undefined) return 'not built yet';
  return newestSource(build.sources, build.ignore) > builtAt ? 'sources changed' : null;
}

/**
 * Runs `npm run <script>` for a build whose output is missing or stale; returns whether the output is usable.
 *
 * @example buildIfStale(builds[0]) // true when server/dist/main.js is up to date
 * @param {Build} build
 * @param {(line: string) => void} [log]
 * @returns {boolean}
 */
export function buildIfStale(build, log = console.log) {
  const reason = staleReason(build);
  if (reason === null) return true;
  log(`- ${build.name}: ${reason}, running npm run ${build.script} ...`);
  // A production build whatever the caller's NODE_ENV (vitest sets "test", which would bundle React's dev build).
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npm', ['run', '--silent', build.script], {
    cwd: projectRoot,
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) log(`- ${build.name}: build failed (exit ${result.status}).`);
  return result.status === 0;
}

/**
 * Brings every build up to date; returns the ones whose build failed.
 *
 * @example buildAllIfStale().length === 0 // everything is built
 * @param {(line: string) => void} [log]
 * @returns {Build[]}
 */
export function buildAllIfStale(log = console.log) {
  return builds.filter((build) => !buildIfStale(build, log));
}
