/**
 * A PostgreSQL for server tests: the real server when `TEST_DATABASE_URL` is set (CI), in a fresh schema
 * per use; otherwise PGlite (in-process PostgreSQL) in a fresh data directory, which can be shared by
 * several app instances in one process (not across processes). `label` says which, for test names.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import type { NodeServerOptions } from '@proactive/server/node';

export interface PostgresTarget {
  label: string;
  real: boolean;
  /** Options for `startNodeServer` that put a server on this database. */
  serverOptions(): Pick<NodeServerOptions, 'databaseUrl' | 'storage'>;
  /** Takes the database away; `bringBack` restores it (a real restart runs both halves at once). */
  outage(): Promise<{ bringBack(): Promise<void> }>;
  cleanup(): Promise<void>;
}

const run = promisify(execFile);

/**
 * Picks the PostgreSQL for this run.
 *
 * @example const target = await postgresTarget(); const server = await startNodeServer({ port: 0, ...target.serverOptions() })
 */
export async function postgresTarget(): Promise<PostgresTarget> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const schema = `t_${Math.random().toString(36).slice(2, 10)}`;
    return {
      label: `the PostgreSQL server at TEST_DATABASE_URL (schema ${schema})`,
      real: true,
      serverOptions: () => ({ databaseUrl: url, storage: { schema } }),
      async outage() {
        // Stop now, start when asked: requests in between must fail cleanly.
        await run('pg_ctlcluster', ['--skip-systemctl-redirect', '15', 'main', 'stop', '-m', 'fast']);
        return {
          async bringBack() {
            await run('pg_ctlcluster', ['--skip-systemctl-redirect', '15', 'main', 'start']);
          },
        };
      },
      async cleanup() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema if exists "${schema}" cascade`);
        await client.end();
      },
    };
  }
  const directory = await mkdtemp(join(tmpdir(), 'proactive-pglite-'));
  let current = new PGlite(directory);
  await current.waitReady;
  return {
    label: 'PGlite (in-process PostgreSQL; TEST_DATABASE_URL unset)',
    real: false,
    serverOptions: () => ({ databaseUrl: 'pglite:', storage: { pglite: () => current } }),
    async outage() {
      await current.close();
      return {
        async bringBack() {
          current = new PGlite(directory);
          await current.waitReady;
        },
      };
    },
    async cleanup() {
      if (!current.closed) await current.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
