/**
 * `npm start`: builds the widget and the admin app when their outputs are missing or older than their
 * sources, then starts the server (migrate, demo seed on an empty database) and prints where everything is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { optionsFromEnv, projectRoot, startNodeServer } from '../server/node.ts';
import { demoChannelId } from '../server/demo/seed.ts';

interface Build {
  name: string;
  script: string;
  output: string;
  sources: string[];
}

const builds: Build[] = [
  { name: 'widget', script: 'build:widget', output: 'dist/widget.js', sources: ['widget', 'dsl'] },
  {
    name: 'admin app',
    script: 'build:app',
    output: 'assets/iframe.html',
    sources: ['app', 'dsl', 'translations'],
  },
];

/**
 * The newest modification time (ms) of the files under some folders, skipping tests and demo pages.
 *
 * @example newestSource(['widget'])
 */
export function newestSource(folders: string[]): number {
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
  for (const folder of folders) visit(join(projectRoot, folder));
  return newest;
}

function buildIfStale(build: Build, scripts: Record<string, string>): void {
  const output = join(projectRoot, build.output);
  const builtAt = statSync(output, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (builtAt > 0 && builtAt >= newestSource(build.sources)) return;
  if (!scripts[build.script]) {
    console.log(`- ${build.name}: not built (no "${build.script}" script yet); continuing without it.`);
    return;
  }
  const buildFile = /tsx\s+(\S+\.ts)/.exec(scripts[build.script] ?? '')?.[1];
  const configFile = /--config\s+(\S+)/.exec(scripts[build.script] ?? '')?.[1];
  const needed = buildFile ?? configFile;
  if (needed && !existsSync(join(projectRoot, needed))) {
    console.log(`- ${build.name}: not built (${needed} does not exist yet); continuing without it.`);
    return;
  }
  console.log(
    `- ${build.name}: ${builtAt ? 'sources changed' : 'not built yet'}, running npm run ${build.script} ...`,
  );
  const result = spawnSync('npm', ['run', '--silent', build.script], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0)
    console.log(`- ${build.name}: build failed (exit ${result.status}); continuing without it.`);
}

const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
console.log('Proactive: checking builds');
for (const build of builds) buildIfStale(build, packageJson.scripts);

let server;
try {
  server = await startNodeServer(optionsFromEnv(process.env));
} catch (error) {
  console.error(`Could not start: ${(error as Error).message}`);
  process.exit(1);
}
const base = server.url.replace('127.0.0.1', 'localhost');
console.log(`
Proactive is running (${server.storage}${server.seeded ? ', demo data seeded' : ''})
  Admin app:   ${base}/admin/
  Demo site:   ${base}/demo/   (widget channel "${demoChannelId}")
  API docs:    ${base}/api/docs
  Widget:      <script src="${base}/widget.js" data-channel="${demoChannelId}" async></script>
  Admin token: ${server.adminToken}${server.generatedToken ? '   (generated; set PROACTIVE_ADMIN_TOKEN to keep one)' : ''}
`);
const stop = () => {
  void server.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
