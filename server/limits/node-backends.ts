/**
 * Counters shared by several Node servers: in Redis (ioredis) or in PostgreSQL (a table the library
 * creates, `proactive_rate_limits`). Each falls back to counting in memory while its store is unreachable
 * (rate-limiter-flexible's insurance limiter), so an outage degrades limits to per-server instead of
 * refusing or failing widget requests.
 */
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis } from 'rate-limiter-flexible';
import { flexibleBackend, type CounterStoreOptions, type LimiterBackend } from './limiter.ts';

export interface SharedBackendOptions {
  /** Prefix of every key (Redis) or row (PostgreSQL): one per deployment, or per test run. */
  keyPrefix?: string;
  now?: () => number;
}

const insurance = (options: CounterStoreOptions) => new RateLimiterMemory(options);

/**
 * Counters in Redis at `url` (e.g. `redis://127.0.0.1:6379`). Resolves once connected; rejects with a
 * clear error when Redis cannot be reached within `connectTimeoutMs`.
 *
 * @example const backend = await redisBackend('redis://127.0.0.1:6379', { keyPrefix: 'proactive' })
 */
export async function redisBackend(
  url: string,
  options: SharedBackendOptions & { connectTimeoutMs?: number } = {},
): Promise<LimiterBackend> {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: options.connectTimeoutMs ?? 2000,
  });
  // Reported by the commands that fail (and answered by the insurance limiter); ioredis reconnects itself.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new Error(`Redis at ${url} cannot be reached: ${(error as Error).message}`, { cause: error });
  }
  return flexibleBackend(
    'redis',
    (counter) =>
      new RateLimiterRedis({
        ...counter,
        storeClient: client,
        rejectIfRedisNotReady: true,
        insuranceLimiter: insurance(counter),
      }),
    async () => {
      await client.quit().catch(() => client.disconnect());
    },
    options.now,
    options.keyPrefix,
  );
}

/** What the PostgreSQL backend needs of a connection: pg's `Pool`, or PGlite through an adapter. */
export interface PostgresQueryable {
  query(query: { text: string; values?: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Counters in PostgreSQL (the table `proactive_rate_limits`, created on first use). `kind` names the
 * database for logs and test names (`postgres` or `pglite`).
 *
 * @example const backend = await postgresBackend(pool, 'postgres')
 */
export async function postgresBackend(
  pool: PostgresQueryable,
  kind: 'postgres' | 'pglite',
  options: SharedBackendOptions = {},
): Promise<LimiterBackend> {
  const tableName = 'proactive_rate_limits';
  const tableReady = new Promise<void>((resolve, reject) => {
    // One constructor call creates the table; the limiters below are told it exists.
    new RateLimiterPostgres(
      {
        storeClient: pool,
        storeType: 'pool',
        tableName,
        points: 1,
        duration: 1,
        clearExpiredByTimeout: false,
      },
      (error?: unknown) => (error ? reject(error as Error) : resolve()),
    );
  });
  await tableReady;
  return flexibleBackend(
    kind,
    (counter) =>
      new RateLimiterPostgres({
        ...counter,
        storeClient: pool,
        storeType: 'pool',
        tableName,
        tableCreated: true,
        insuranceLimiter: insurance(counter),
      }),
    undefined,
    options.now,
    options.keyPrefix,
  );
}
