/**
 * Versioned schema migrations, kept in code (no file system) so the same list runs on Node and Workers.
 * Add a migration by appending an entry; never edit one that has shipped.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import {
  Migrator,
  PostgresAdapter,
  sql,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';

import { referenceColumnNames, referenceColumns } from './message-references.ts';

const timestamps = ['created_at', 'updated_at'] as const;

export const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      let brands = db.schema
        .createTable('brands')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey());
      brands = brands.addColumn('name', 'text', (c) => c.notNull());
      for (const column of timestamps) brands = brands.addColumn(column, 'text', (c) => c.notNull());
      await brands.execute();

      let schedules = db.schema
        .createTable('schedules')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey());
      schedules = schedules
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('intervals', 'text', (c) => c.notNull())
        .addColumn('holidays', 'text', (c) => c.notNull());
      for (const column of timestamps) schedules = schedules.addColumn(column, 'text', (c) => c.notNull());
      await schedules.execute();

      let channels = db.schema
        .createTable('channels')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey());
      channels = channels
        .addColumn('brand_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('schedule_id', 'text');
      for (const column of timestamps) channels = channels.addColumn(column, 'text', (c) => c.notNull());
      await channels.execute();

      let bots = db.schema
        .createTable('bots')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey());
      bots = bots
        .addColumn('brand_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('channel_ids', 'text', (c) => c.notNull());
      for (const column of timestamps) bots = bots.addColumn(column, 'text', (c) => c.notNull());
      await bots.execute();

      let answers = db.schema
        .createTable('bot_answers')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey());
      answers = answers
        .addColumn('bot_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull());
      for (const column of timestamps) answers = answers.addColumn(column, 'text', (c) => c.notNull());
      await answers.execute();
      await db.schema
        .createIndex('bot_answers_bot')
        .ifNotExists()
        .on('bot_answers')
        .column('bot_id')
        .execute();

      let messages = db.schema
        .createTable('messages')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey());
      messages = messages
        .addColumn('brand_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('greeting', 'text', (c) => c.notNull())
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('rules', 'text', (c) => c.notNull())
        .addColumn('rule', 'text')
        .addColumn('compiled', 'text')
        .addColumn('diagnostics', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull());
      for (const column of timestamps) messages = messages.addColumn(column, 'text', (c) => c.notNull());
      await messages.execute();
      await db.schema
        .createIndex('messages_channel_status')
        .ifNotExists()
        .on('messages')
        .columns(['channel_id', 'status'])
        .execute();

      await db.schema
        .createTable('message_stats')
        .ifNotExists()
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('shown', 'integer', (c) => c.notNull())
        .addColumn('opened', 'integer', (c) => c.notNull())
        .addColumn('dismissed', 'integer', (c) => c.notNull())
        .addColumn('replied', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('message_stats_pk', ['message_id', 'day'])
        .execute();

      let conversations = db.schema
        .createTable('conversations')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey());
      conversations = conversations
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text')
        .addColumn('visitor_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('email', 'text')
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull());
      for (const column of timestamps)
        conversations = conversations.addColumn(column, 'text', (c) => c.notNull());
      await conversations.execute();

      await db.schema
        .createTable('conversation_messages')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('conversation_messages_conversation')
        .ifNotExists()
        .on('conversation_messages')
        .columns(['conversation_id', 'id'])
        .execute();
    },
  },
  '0002_message_references': {
    // Columns derived from each message's rule and response, so that "messages naming this schedule" and
    // "messages using this bot" are indexed queries instead of reading every message.
    async up(db: Kysely<unknown>) {
      for (const column of referenceColumnNames) {
        await db.schema.alterTable('messages').addColumn(column, 'text').execute();
        await db.schema
          .createIndex(`messages_${column}`)
          .ifNotExists()
          .on('messages')
          .column(column)
          .execute();
      }
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema as it was at 0002
      const old = db as Kysely<any>;
      const rows = (await old.selectFrom('messages').select(['id', 'rule', 'response']).execute()) as {
        id: string;
        rule: string | null;
        response: string;
      }[];
      for (const row of rows) {
        const columns = referenceColumns({
          rule: row.rule === null ? null : JSON.parse(row.rule),
          response: JSON.parse(row.response),
        });
        await old.updateTable('messages').set(columns).where('id', '=', row.id).execute();
      }
    },
  },
  '0003_message_ranks': {
    // Fractional ranks instead of integer positions: moving a message writes that message only. Ranks
    // compare bytewise, so PostgreSQL gets the "C" collation (SQLite compares bytes already).
    async up(db: Kysely<unknown>) {
      const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
      await db.schema
        .alterTable('messages')
        .addColumn('rank', 'text', (column) => (postgres ? column.modifyEnd(sql`collate "C"`) : column))
        .execute();
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema as it was at 0003
      const old = db as Kysely<any>;
      const rows = (await old
        .selectFrom('messages')
        .select(['id', 'channel_id'])
        .orderBy('channel_id')
        .orderBy('position')
        .orderBy('created_at')
        .orderBy('id')
        .execute()) as { id: string; channel_id: string }[];
      const byChannel = new Map<string, string[]>();
      for (const row of rows)
        byChannel.set(row.channel_id, [...(byChannel.get(row.channel_id) ?? []), row.id]);
      for (const ids of byChannel.values()) {
        const ranks = generateNKeysBetween(null, null, ids.length);
        for (const [index, id] of ids.entries()) {
          await old.updateTable('messages').set({ rank: ranks[index] }).where('id', '=', id).execute();
        }
      }
      await db.schema
        .createIndex('messages_channel_rank')
        .ifNotExists()
        .on('messages')
        .columns(['channel_id', 'rank'])
        .execute();
      await db.schema.alterTable('messages').dropColumn('position').execute();
    },
  },
  '0004_attributes': {
    // Visitor attribute declarations (per brand: key, type, label), for rule checks and the editor.
    async up(db: Kysely<unknown>) {
      let attributes = db.schema
        .createTable('attributes')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey());
      attributes = attributes
        .addColumn('brand_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull());
      for (const column of timestamps) attributes = attributes.addColumn(column, 'text', (c) => c.notNull());
      await attributes.execute();
      await db.schema
        .createIndex('attributes_brand_key')
        .ifNotExists()
        .unique()
        .on('attributes')
        .columns(['brand_id', 'key'])
        .execute();
    },
  },
};

const provider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/**
 * Brings the schema to the latest version. Safe to call on every start and from several servers at once
 * (Kysely takes a lock on PostgreSQL). Throws with the failing migration's name when one fails.
 *
 * @example await migrateToLatest(db)
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  options: { transactions?: boolean } = {},
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    disableTransactions: options.transactions === false,
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`Database migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, {
      cause: error,
    });
  }
}
