/**
 * Which rate-limit backend a Node server uses (`PROACTIVE_RATE_LIMIT_STORE`, `REDIS_URL`):
 * - `auto` (default): Redis when `REDIS_URL` is set, else PostgreSQL when the database is PostgreSQL
 *   (several servers share it), else this process's memory (SQLite and PGlite serve one process);
 * - `memory`, `redis` (`REDIS_URL`, default `redis://127.0.0.1:6379`), `postgres` (the database's own
 *   PostgreSQL or PGlite).
 */
import type { NodeStorage } from '../storage/node-storage.ts';
import type { LimiterBackend } from './limiter.ts';
import { memoryBackend } from './memory.ts';

export type RateLimitStore = 'auto' | 'memory' | 'redis' | 'postgres';

const stores: readonly RateLimitStore[] = ['auto', 'memory', 'redis', 'postgres'];

/**
 * Reads `PROACTIVE_RATE_LIMIT_STORE`; throws a clear error for an unknown value.
 *
 * @example rateLimitStoreFrom('redis') // 'redis'
 */
export function rateLimitStoreFrom(value: string | undefined): RateLimitStore {
  const text = (value ?? '').trim().toLowerCase() || 'auto';
  if ((stores as readonly string[]).includes(text)) return text as RateLimitStore;
  throw new Error(`PROACTIVE_RATE_LIMIT_STORE must be one of ${stores.join(', ')}, got "${value}".`);
}

/**
 * Opens the backend for a server over `storage`.
 *
 * @example const limiter = await nodeLimiter(storage, { store: 'auto', redisUrl: process.env.REDIS_URL })
 */
export async function nodeLimiter(
  storage: Pick<NodeStorage, 'postgres'>,
  options: { store: RateLimitStore; redisUrl?: string },
): Promise<LimiterBackend> {
  const store =
    options.store !== 'auto'
      ? options.store
      : options.redisUrl
        ? 'redis'
        : storage.postgres?.kind === 'postgres'
          ? 'postgres'
          : 'memory';
  if (store === 'memory') return memoryBackend();
  // Redis's and PostgreSQL's counters (ioredis, rate-limiter-flexible's stores) load only when chosen.
  const { postgresBackend, redisBackend } = await import('./node-backends.ts');
  if (store === 'redis') return redisBackend(options.redisUrl ?? 'redis://127.0.0.1:6379');
  if (store === 'postgres') {
    if (!storage.postgres) {
      throw new Error(
        'PROACTIVE_RATE_LIMIT_STORE=postgres needs a PostgreSQL DATABASE_URL (postgres://… or pglite:); use memory or redis with SQLite.',
      );
    }
    return postgresBackend(storage.postgres.queryable, storage.postgres.kind);
  }
  return memoryBackend();
}
