/**
 * The two front-end builds (widget, admin app) and how to bring them up to date: a build runs only when
 * its output is missing or older than its sources. Used by `npm start` and by the e2e suites.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface Build {
  name: string;
  script: string;
  output: string;
  sources: string[];
}

export const builds: Build[] = [
  {
    name: 'widget',
    script: 'build:widget',
    output: 'dist/widget.js',
    sources: ['widget', 'dsl', 'contract'],
  },
  {
    name: 'admin app',
    script: 'build:app',
    output: 'assets/iframe.html',
    sources: ['app', 'dsl', 'contract', 'translations', 'widget/greeting.ts'],
  },
];

/**
 * The newest modification time (ms) of the files under some paths, skipping tests and demo pages.
 *
 * @example newestSource(['widget'])
 */
export function newestSource(paths: string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry === 'node_modules' || entry === 'demo') continue;
        visit(join(path, entry));
      }
    } else if (!/\.test\.tsx?$/.test(path)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const path of paths) visit(join(projectRoot, path));
  return newest;
}

/**
 * Runs `npm run <script>` for a build whose output is missing or stale; returns whether the output is usable.
 *
 * @example buildIfStale(builds[0]) // true when dist/widget.js is up to date
 */
export function buildIfStale(build: Build, log: (line: string) => void = console.log): boolean {
  const builtAt = statSync(join(projectRoot, build.output), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (builtAt > 0 && builtAt >= newestSource(build.sources)) return true;
  log(
    `- ${build.name}: ${builtAt ? 'sources changed' : 'not built yet'}, running npm run ${build.script} ...`,
  );
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
 * Brings every build up to date.
 *
 * @example buildAllIfStale() // false when a build failed
 */
export function buildAllIfStale(log: (line: string) => void = console.log): boolean {
  return builds.map((build) => buildIfStale(build, log)).every(Boolean);
}
