import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, external, serverDist } from './build.ts';

const outdir = join(serverDist, `build-test-${process.pid}`);
const entry = join(outdir, 'main.js');
let bytes = 0;
beforeAll(async () => {
  bytes = await buildServer(outdir);
}, 60_000);
afterAll(() => rm(outdir, { recursive: true, force: true }));

/** The files `file` loads before it runs: itself and its static imports of other chunks, recursively. */
async function staticClosure(file: string, seen = new Set<string>()): Promise<Set<string>> {
  seen.add(file);
  const code = await readFile(file, 'utf8');
  for (const match of code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+)"/g)) {
    const next = join(dirname(file), match[1]!);
    if (!seen.has(next)) await staticClosure(next, seen);
  }
  return seen;
}

describe('the server bundle', () => {
  it('loads no database or Redis driver at start-up: each is imported only for the chosen storage', async () => {
    expect(bytes).toBeGreaterThan(100_000);
    const startup = await Promise.all(
      [...(await staticClosure(entry))].map((file) => readFile(file, 'utf8')),
    );
    for (const driver of external) {
      for (const code of startup) expect(code, driver).not.toMatch(new RegExp(`from\\s*"${driver}"`));
    }
    expect(startup.join('\n')).toContain('import("better-sqlite3")');
  });

  it('starts as a plain Node process, finds the project files and stops on SIGTERM', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'proactive-bundle-'));
    const child = spawn(process.execPath, [entry], {
      env: { ...process.env, PORT: '0', DATABASE_URL: join(directory, 'p.db'), PROACTIVE_ADMIN_TOKEN: 't' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        void exited.then((code) => reject(new Error(`exited ${code}: ${output}`)));
      });
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      // The demo pages are read from the project root, which the bundle finds from server/dist/.
      const demo = await fetch(`${url}/demo/`);
      expect(demo.status).toBe(200);
      expect(await demo.text()).toContain('data-channel="demo"');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await rm(directory, { recursive: true, force: true });
    }
  }, 60_000);
});
