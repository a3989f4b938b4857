/**
 * Picks and opens the Node storage backend from `DATABASE_URL`, migrates it, and returns the repository
 * with the matching bus:
 * - unset, a path, `file:PATH` or `sqlite:PATH` -> SQLite (better-sqlite3, WAL), default `./data/proactive.db`;
 * - `postgres://...` or `postgresql://...` -> PostgreSQL (pg), LISTEN/NOTIFY bus;
 * - `pglite:` (in memory) or `pglite:DIR` -> PGlite, in-process PostgreSQL.
 *
 * Each driver is imported only when its backend is chosen (they take tens of milliseconds to load).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { createMemoryBus, type Bus } from '../domain/bus.ts';
import { createKyselyRepository } from './kysely-repository.ts';
import { migrateToLatest } from './migrations.ts';
import { pglitePool } from './pglite-pool.ts';
import type { Repository } from './repository.ts';
import type { Database } from './schema.ts';
import type { PostgresQueryable } from '../limits/node-backends.ts';

export const defaultSqlitePath = './data/proactive.db';

export interface NodeStorage {
  repository: Repository;
  bus: Bus;
  /** What was opened, for the start banner: `sqlite ./data/proactive.db`, `postgres 127.0.0.1:5432/db`. */
  description: string;
  /** PostgreSQL and PGlite: a connection for the rate-limit counters (limits/node-limiter.ts). */
  postgres?: { kind: 'postgres' | 'pglite'; queryable: PostgresQueryable };
}

export interface NodeStorageOptions {
  /** PostgreSQL only: use (and create) this schema, e.g. one per test file. */
  schema?: string;
  /** PGlite only: share an already open instance (several app instances in one process). */
  pglite?: () => PGlite;
}

type Target =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string | undefined };

/**
 * Parses a `DATABASE_URL` into a storage target; throws a clear error for unsupported schemes.
 *
 * @example storageTarget(undefined) // { kind: 'sqlite', path: './data/proactive.db' }
 */
export function storageTarget(url: string | undefined): Target {
  const value = url?.trim();
  if (!value) return { kind: 'sqlite', path: defaultSqlitePath };
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value };
  if (/^pglite:/i.test(value)) {
    const dataDir = value.slice('pglite:'.length).replace(/^\/\//, '');
    return { kind: 'pglite', dataDir: dataDir === '' || dataDir === 'memory' ? undefined : dataDir };
  }
  if (/^(file|sqlite):/i.test(value))
    return { kind: 'sqlite', path: value.replace(/^(file|sqlite):(\/\/)?/i, '') };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new Error(
      `DATABASE_URL scheme not supported: ${value.split(':')[0]}. Use postgres://..., pglite:DIR, or a SQLite file path.`,
    );
  }
  return { kind: 'sqlite', path: value };
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`Invalid schema name: ${name}`);
  return `"${name}"`;
}

/**
 * Opens, migrates and returns the storage for a `DATABASE_URL`.
 *
 * @example const { repository, bus } = await openNodeStorage(process.env.DATABASE_URL)
 */
export async function openNodeStorage(
  url: string | undefined,
  options: NodeStorageOptions = {},
): Promise<NodeStorage> {
  const target = storageTarget(url);
  if (target.kind === 'sqlite') {
    const path = resolve(target.path);
    mkdirSync(dirname(path), { recursive: true });
    const { default: Sqlite } = await import('better-sqlite3');
    const database = new Sqlite(path);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    await migrateToLatest(db as Kysely<unknown>);
    return {
      repository: createKyselyRepository(db, 'sqlite'),
      bus: createMemoryBus(),
      description: `sqlite ${path}`,
    };
  }
  if (target.kind === 'postgres') {
    const [{ default: pg }, { createPostgresBus }] = await Promise.all([
      import('pg'),
      import('./postgres-bus.ts'),
    ]);
    const config: pg.ClientConfig = { connectionString: target.url, connectionTimeoutMillis: 3000 };
    if (options.schema) {
      const setup = new pg.Client(config);
      await setup.connect();
      try {
        await setup.query(`create schema if not exists ${quoteIdentifier(options.schema)}`);
      } finally {
        await setup.end();
      }
      config.options = `-c search_path=${options.schema}`;
    }
    const pool = new pg.Pool({ ...config, max: 10, idleTimeoutMillis: 10_000 } as pg.PoolConfig);
    // Idle clients report a restarted server here; queries then fail cleanly and the pool reconnects.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await migrateToLatest(db as Kysely<unknown>);
    const bus = await createPostgresBus(pool, config);
    const where = new URL(target.url);
    return {
      repository: createKyselyRepository(db, 'postgres', async () => {
        await bus.close();
        await db.destroy();
      }),
      bus,
      postgres: { kind: 'postgres', queryable: pool },
      description: `postgres ${where.host}${where.pathname}${options.schema ? ` (schema ${options.schema})` : ''}`,
    };
  }
  const [{ PGlite: PGliteDatabase }, { createPgliteBus }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('./postgres-bus.ts'),
  ]);
  let owned: PGlite | null = null;
  const current =
    options.pglite ??
    (() => {
      owned ??= new PGliteDatabase(target.dataDir);
      return owned;
    });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(current) }) });
  await migrateToLatest(db as Kysely<unknown>);
  const bus = await createPgliteBus(current);
  return {
    repository: createKyselyRepository(db, 'pglite', async () => {
      await bus.close();
      await db.destroy();
      if (owned) await (owned as PGlite).close();
    }),
    bus,
    postgres: {
      kind: 'pglite',
      queryable: { query: ({ text, values }) => current().query(text, values) },
    },
    description: `pglite ${target.dataDir ?? '(in memory)'}`,
  };
}
