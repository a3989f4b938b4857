/**
 * Lets Kysely's PostgresDialect run on PGlite (in-process PostgreSQL): a `pg`-Pool-shaped adapter.
 * PGlite has one session, so `connect()` hands it out to one caller at a time; transactions stay whole.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient } from 'kysely';

const affecting = /^\s*(insert|update|delete|merge)\b/i;

/**
 * A Pool over one PGlite instance (or a getter, so a test can swap in a reopened one). `end()` does not
 * close PGlite: its owner does.
 *
 * @example new Kysely({ dialect: new PostgresDialect({ pool: pglitePool(new PGlite()) }) })
 */
export function pglitePool(source: PGlite | (() => PGlite)): PostgresPool {
  const current = typeof source === 'function' ? source : () => source;
  let tail: Promise<void> = Promise.resolve();
  const client = {
    async query(sqlText: string, parameters: readonly unknown[]) {
      const result = await current().query<Record<string, unknown>>(sqlText, [...parameters]);
      const command = affecting.exec(sqlText)?.[1]?.toUpperCase() ?? 'SELECT';
      return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
    },
    release() {},
  };
  return {
    async connect() {
      let release!: () => void;
      const turn = new Promise<void>((resolve) => (release = resolve));
      const previous = tail;
      tail = previous.then(() => turn);
      await previous;
      return { ...client, release } as unknown as PostgresPoolClient;
    },
    async end() {},
  };
}
