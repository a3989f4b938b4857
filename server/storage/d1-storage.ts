/**
 * The D1 backend (Cloudflare Workers): the same Kysely query layer through kysely-d1. D1 has no
 * interactive transactions, which the repository never needs; migrations run without them. D1 also
 * forbids reading `sqlite_master`, which Kysely's SQLite introspector (used by the Migrator to find its
 * own tables) does, so tables are listed with `PRAGMA table_list` instead.
 */
import { Kysely, sql, type DatabaseIntrospector, type TableMetadata } from 'kysely';
import { D1Dialect } from 'kysely-d1';
import type { D1Database } from '@cloudflare/workers-types';
import { createKyselyRepository } from './kysely-repository.ts';
import { migrateToLatest } from './migrations.ts';
import type { Repository } from './repository.ts';
import type { Database } from './schema.ts';

class PragmaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}
  async getSchemas() {
    return [];
  }
  async getTables(): Promise<TableMetadata[]> {
    const result = await sql<{ name: string; type: string; schema: string }>`PRAGMA table_list`.execute(
      this.db,
    );
    return result.rows
      .filter(
        (row) => row.schema === 'main' && !row.name.startsWith('sqlite_') && !row.name.startsWith('_cf_'),
      )
      .map((row) => ({ name: row.name, isView: row.type === 'view', columns: [] }));
  }
  async getMetadata() {
    return { tables: await this.getTables() };
  }
}

class D1PragmaDialect extends D1Dialect {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PragmaIntrospector(db);
  }
}

/**
 * Opens (and migrates) the repository on a D1 binding.
 *
 * @example const repository = await openD1Storage(env.DB)
 */
export async function openD1Storage(database: D1Database): Promise<Repository> {
  const db = new Kysely<Database>({ dialect: new D1PragmaDialect({ database }) });
  await migrateToLatest(db as Kysely<unknown>, { transactions: false });
  return createKyselyRepository(db, 'd1');
}
