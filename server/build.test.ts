import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, serverBundle } from './build.ts';

const outfile = join(serverBundle, '..', `build-test-${process.pid}.js`);
let bytes = 0;
beforeAll(async () => {
  bytes = await buildServer(outfile);
}, 60_000);
afterAll(() => rm(outfile, { force: true }));

describe('the server bundle', () => {
  it('keeps the database drivers out and loads them only for the chosen storage', async () => {
    expect(bytes).toBeGreaterThan(100_000);
    const code = await readFile(outfile, 'utf8');
    for (const driver of ['better-sqlite3', 'pg', '@electric-sql/pglite']) {
      expect(code, driver).toContain(`import("${driver}")`);
      expect(code, driver).not.toMatch(new RegExp(`from\\s*"${driver}"`));
    }
  });

  it('starts as a plain Node process, finds the project files and stops on SIGTERM', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'proactive-bundle-'));
    const child = spawn(process.execPath, [outfile], {
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
