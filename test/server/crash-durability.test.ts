/**
 * kill -9 the Node server in the middle of a burst of writes, start it again on the same SQLite file:
 * every write that was acknowledged with a 2xx is there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '@proactive/server/node';

const token = 'crash-token';
const children: ChildProcess[] = [];

function startChild(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      PROACTIVE_ADMIN_TOKEN: token,
      PROACTIVE_DEMO: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('durability', () => {
  it('keeps every acknowledged write after kill -9 of the Node server (SQLite, WAL)', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'proactive-crash-'));
    const databaseUrl = join(directory, 'crash.db');
    try {
      const first = await startChild(databaseUrl);
      const acknowledged: string[] = [];
      let stop = false;
      const writer = async (worker: number) => {
        for (let index = 0; !stop; index++) {
          const name = `brand-${worker}-${index}`;
          try {
            const response = await fetch(`${first.url}/api/v1/brands`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ name }),
            });
            if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
          } catch {
            return; // the server is gone
          }
        }
      };
      const writers = Array.from({ length: 8 }, (_, worker) => writer(worker));
      while (acknowledged.length < 200) await new Promise((resolve) => setTimeout(resolve, 20));
      first.child.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
      expect(acknowledged.length).toBeGreaterThanOrEqual(200);

      const second = await startChild(databaseUrl);
      const response = await fetch(`${second.url}/api/v1/brands`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const stored = new Set(((await response.json()) as { id: string }[]).map((brand) => brand.id));
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
      second.child.kill('SIGTERM');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 180_000);
});
