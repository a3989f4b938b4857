/**
 * The limiter contract on every backend: memory, Redis (127.0.0.1:6379, or REDIS_URL) and PostgreSQL
 * (the real server when TEST_DATABASE_URL is set, else PGlite). Where Redis is not reachable (a
 * developer's machine without it) the Redis variant cannot run: a test says so by name, and in CI
 * (CI=true), where Redis runs, that test fails instead.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { limiterContract } from './limiter.contract.ts';
import { memoryBackend } from './memory.ts';
import { postgresBackend, redisBackend } from './node-backends.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const runId = `proactive-test-${process.pid}-${Date.now().toString(36)}`;
let prefixes = 0;
const prefix = () => `${runId}-${prefixes++}`;

limiterContract('memory', async (now) => memoryBackend({ now }));

const redisProbe = await redisBackend(redisUrl, { keyPrefix: prefix(), connectTimeoutMs: 1000 }).then(
  async (backend) => {
    await backend.close();
    return null;
  },
  (error: Error) => error.message,
);
if (redisProbe === null) {
  limiterContract(`redis (${redisUrl}, key prefix ${runId})`, (now) =>
    redisBackend(redisUrl, { keyPrefix: prefix(), now }),
  );
} else {
  describe('limiter contract on redis', () => {
    it(`[redis] NOT RUN: ${redisProbe}; ran the memory and ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'} variants only`, () => {
      console.warn(`Redis limiter tests not run here: ${redisProbe}`);
      expect(process.env.CI, 'CI runs Redis at 127.0.0.1:6379: it must be reachable there').not.toBe('true');
    });
  });
}

if (process.env.TEST_DATABASE_URL) {
  const pool = new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 4 });
  afterAll(() => pool.end());
  limiterContract('postgres (TEST_DATABASE_URL)', (now) =>
    postgresBackend(pool, 'postgres', { keyPrefix: prefix(), now }),
  );
} else {
  const database = new PGlite();
  afterAll(() => database.close());
  const queryable = {
    query: ({ text, values }: { text: string; values?: unknown[] }) => database.query(text, values),
  };
  limiterContract('pglite (in-process PostgreSQL; set TEST_DATABASE_URL for the real server)', (now) =>
    postgresBackend(queryable, 'pglite', { keyPrefix: prefix(), now }),
  );
}

describe('shared limiter backends', () => {
  it('refuse to start on an unreachable Redis with a message naming it', async () => {
    await expect(redisBackend('redis://127.0.0.1:1', { connectTimeoutMs: 500 })).rejects.toThrow(
      /Redis at redis:\/\/127\.0\.0\.1:1 cannot be reached/,
    );
  });
});
