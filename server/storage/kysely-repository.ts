/**
 * The one query layer: the repository contract on top of Kysely, the same SQL for every dialect.
 * No transactions are used (D1 has none); the optimistic lock is a conditional UPDATE.
 */
import { sql, type Kysely } from 'kysely';
import { referenceColumnNames, referenceColumns } from './message-references.ts';
import type { Database } from './schema.ts';
import type {
  Attribute,
  Bot,
  BotAnswer,
  Brand,
  Channel,
  Conversation,
  ConversationMessageRecord,
  ConversationMessageStore,
  DailyStats,
  EntityStore,
  LiveMessage,
  MessageRecord,
  MessageStore,
  Repository,
  ScheduleRecord,
  StatsStore,
} from './repository.ts';

type Row = Record<string, unknown>;
// The generic store below works on any table; Kysely's per-table typing cannot express that.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

interface Codec {
  /** Columns stored as JSON text. */
  json: readonly string[];
  /** Columns only queries use; records do not show them. */
  hidden?: readonly string[];
}

function encode(row: Row, codec: Codec): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined) continue;
    out[key] = codec.json.includes(key) && value !== null ? JSON.stringify(value) : value;
  }
  return out;
}

function decode<T>(row: Row, codec: Codec): T {
  const out: Row = { ...row };
  for (const key of codec.json) {
    const value = out[key];
    if (typeof value === 'string') out[key] = JSON.parse(value);
  }
  for (const key of codec.hidden ?? []) delete out[key];
  for (const key of ['version']) {
    if (typeof out[key] === 'string' || typeof out[key] === 'bigint') out[key] = Number(out[key]);
  }
  return out as T;
}

function entityStore<T extends { id: string }>(
  db: AnyDb,
  table: string,
  codec: Codec,
  order: string[],
): EntityStore<T> {
  return {
    async list(filter) {
      let query = db.selectFrom(table).selectAll();
      for (const [key, value] of Object.entries(filter ?? {})) {
        if (value === undefined || codec.json.includes(key)) continue;
        query = value === null ? query.where(key, 'is', null) : query.where(key, '=', value);
      }
      for (const column of order) query = query.orderBy(column);
      const rows = (await query.execute()) as Row[];
      return rows.map((row) => decode<T>(row, codec));
    },
    async get(id) {
      const row = (await db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()) as
        Row | undefined;
      return row ? decode<T>(row, codec) : null;
    },
    async insert(row) {
      await db
        .insertInto(table)
        .values(encode(row as Row, codec))
        .execute();
      return row;
    },
    async update(id, patch) {
      const values = encode({ ...(patch as Row), id: undefined }, codec);
      if (Object.keys(values).length > 0) {
        const result = await db.updateTable(table).set(values).where('id', '=', id).executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return null;
      }
      return this.get(id);
    },
    async delete(id) {
      const result = await db.deleteFrom(table).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

const messageCodec: Codec = {
  json: ['response', 'rule', 'compiled', 'diagnostics'],
  hidden: referenceColumnNames,
};

function messageStore(db: AnyDb): MessageStore {
  const base = entityStore<MessageRecord>(db, 'messages', messageCodec, ['channel_id', 'rank', 'id']);
  const withReferences = <P extends Partial<MessageRecord>>(patch: P): P => ({
    ...patch,
    ...referenceColumns(patch),
  });
  return {
    ...base,
    insert: (row) => base.insert(withReferences(row)).then(() => row),
    update: (id, patch) => base.update(id, withReferences(patch)),
    async updateIfVersion(id, expectedVersion, patch) {
      const values = encode(
        { ...(withReferences(patch) as Row), id: undefined, version: expectedVersion + 1 },
        messageCodec,
      );
      const result = await db
        .updateTable('messages')
        .set(values)
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) return (await base.get(id)) ?? 'not_found';
      return (await base.get(id)) ? 'conflict' : 'not_found';
    },
    async live(channelId) {
      const rows = (await db
        .selectFrom('messages')
        .select(['id', 'brand_id', 'channel_id', 'name', 'greeting', 'response', 'compiled', 'rank'])
        .where('channel_id', '=', channelId)
        .where('status', '=', 'live')
        .orderBy('rank')
        .orderBy('id')
        .execute()) as Row[];
      return rows.map((row) => decode<LiveMessage>(row, messageCodec));
    },
    async referencing(reference) {
      let query = db.selectFrom('messages').select(['id', 'name']);
      if (reference.schedule !== undefined) query = query.where('schedule_name', '=', reference.schedule);
      if (reference.bot_id !== undefined) query = query.where('bot_id', '=', reference.bot_id);
      if (reference.answer_id !== undefined) query = query.where('answer_id', '=', reference.answer_id);
      return (await query.orderBy('created_at').orderBy('id').execute()) as { id: string; name: string }[];
    },
    async lastRank(channelId) {
      const row = (await db
        .selectFrom('messages')
        .select((eb) => eb.fn.max('rank').as('max'))
        .where('channel_id', '=', channelId)
        .executeTakeFirst()) as { max: string | null } | undefined;
      return row?.max ?? null;
    },
    async ranksAround(channelId, index, excludeId) {
      const rows = (await db
        .selectFrom('messages')
        .select('rank')
        .where('channel_id', '=', channelId)
        .where('id', '<>', excludeId)
        .orderBy('rank')
        .orderBy('id')
        .limit(index === 0 ? 1 : 2)
        .offset(Math.max(0, index - 1))
        .execute()) as { rank: string }[];
      if (index === 0) return { before: null, after: rows[0]?.rank ?? null };
      if (rows.length > 0) return { before: rows[0]!.rank, after: rows[1]?.rank ?? null };
      // Past the end: after the last of the others.
      const last = (await db
        .selectFrom('messages')
        .select((eb) => eb.fn.max('rank').as('max'))
        .where('channel_id', '=', channelId)
        .where('id', '<>', excludeId)
        .executeTakeFirst()) as { max: string | null } | undefined;
      return { before: last?.max ?? null, after: null };
    },
    async indexOf(record) {
      const row = (await db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('channel_id', '=', record.channel_id)
        .where((eb) =>
          eb.or([
            eb('rank', '<', record.rank),
            eb.and([eb('rank', '=', record.rank), eb('id', '<', record.id)]),
          ]),
        )
        .executeTakeFirst()) as { count: unknown } | undefined;
      return Number(row?.count ?? 0);
    },
    async page(query) {
      // The same filters on the rows query and the count query, whose Kysely types differ.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const where = (builder: any) => {
        let q = builder;
        if (query.status) q = q.where('m.status', '=', query.status);
        if (query.channel_id) q = q.where('m.channel_id', '=', query.channel_id);
        if (query.brand_id) q = q.where('m.brand_id', '=', query.brand_id);
        if (query.name_contains) {
          const pattern = `%${query.name_contains.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          q = q.where(sql`lower(m.name) like ${pattern} escape '\\'`);
        }
        return q;
      };
      const totals = db
        .selectFrom('message_stats')
        .select((eb) => [
          'message_id',
          eb.fn.sum('shown').as('shown'),
          eb.fn.sum('opened').as('opened'),
          eb.fn.sum('dismissed').as('dismissed'),
          eb.fn.sum('replied').as('replied'),
        ])
        .groupBy('message_id')
        .as('t');
      const ordered = db
        .selectFrom('messages')
        .select([
          'id',
          sql<number>`row_number() over (partition by channel_id order by rank, id) - 1`.as('ord'),
        ])
        .as('o');
      const direction = query.direction;
      const sortColumns: Record<string, unknown[]> = {
        order: ['m.channel_id', 'm.rank'],
        name: [sql`lower(m.name)`],
        status: ['m.status'],
        channel: [sql`lower(c.name)`, 'm.channel_id'],
        sent: [sql`coalesce(t.shown, 0)`],
        opened: [sql`coalesce(t.opened, 0)`],
        replied: [sql`coalesce(t.replied, 0)`],
        updated_at: ['m.updated_at'],
        created_at: ['m.created_at'],
      };
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const sorted = (builder: any) => {
        let q = builder;
        for (const column of sortColumns[query.sort] ?? []) q = q.orderBy(column, direction);
        return q.orderBy('m.id', direction);
      };
      let rows = where(
        db
          .selectFrom('messages as m')
          .innerJoin(ordered, 'o.id', 'm.id')
          .leftJoin('channels as c', 'c.id', 'm.channel_id')
          .leftJoin(totals, 't.message_id', 'm.id')
          .selectAll('m')
          .select([
            'c.name as channel_name',
            'o.ord as page_order',
            't.shown as total_shown',
            't.opened as total_opened',
            't.dismissed as total_dismissed',
            't.replied as total_replied',
          ]),
      );
      if (query.limit !== undefined) {
        // A deferred join: the page's ids are picked by sorting narrow rows, and only those rows are read
        // whole (sorting every message with its rule and compiled JSON is what made a page slow).
        const pageIds = sorted(
          where(
            db
              .selectFrom('messages as m')
              .leftJoin('channels as c', 'c.id', 'm.channel_id')
              .leftJoin(totals, 't.message_id', 'm.id')
              .select('m.id'),
          ),
        )
          .limit(query.limit)
          .offset(query.offset ?? 0);
        rows = rows.where('m.id', 'in', pageIds);
      }
      rows = sorted(rows);
      const counted = where(db.selectFrom('messages as m').select((eb) => eb.fn.countAll().as('count')));
      const [found, count] = await Promise.all([
        rows.execute() as Promise<Row[]>,
        counted.executeTakeFirst() as Promise<{ count: unknown } | undefined>,
      ]);
      return {
        total: Number(count?.count ?? 0),
        rows: found.map((row) => {
          const {
            channel_name,
            page_order,
            total_shown,
            total_opened,
            total_dismissed,
            total_replied,
            ...rest
          } = row;
          return {
            record: decode<MessageRecord>(rest, messageCodec),
            channel_name: typeof channel_name === 'string' ? channel_name : '',
            order: Number(page_order),
            totals: {
              shown: Number(total_shown ?? 0),
              opened: Number(total_opened ?? 0),
              dismissed: Number(total_dismissed ?? 0),
              replied: Number(total_replied ?? 0),
            },
          };
        }),
      };
    },
  };
}

function statsStore(db: Kysely<Database>): StatsStore {
  return {
    async record(events) {
      const grouped = new Map<string, DailyStats & { message_id: string }>();
      for (const event of events) {
        const key = `${event.message_id}\u0000${event.day}`;
        let entry = grouped.get(key);
        if (!entry) {
          entry = {
            message_id: event.message_id,
            day: event.day,
            shown: 0,
            opened: 0,
            dismissed: 0,
            replied: 0,
          };
          grouped.set(key, entry);
        }
        entry[event.counter]++;
      }
      for (const entry of grouped.values()) {
        await db
          .insertInto('message_stats')
          .values(entry)
          .onConflict((conflict) =>
            conflict.columns(['message_id', 'day']).doUpdateSet({
              shown: sql`message_stats.shown + ${entry.shown}`,
              opened: sql`message_stats.opened + ${entry.opened}`,
              dismissed: sql`message_stats.dismissed + ${entry.dismissed}`,
              replied: sql`message_stats.replied + ${entry.replied}`,
            }),
          )
          .execute();
      }
    },
    async daily(messageId, from, to) {
      const rows = await db
        .selectFrom('message_stats')
        .select(['day', 'shown', 'opened', 'dismissed', 'replied'])
        .where('message_id', '=', messageId)
        .where('day', '>=', from)
        .where('day', '<=', to)
        .orderBy('day')
        .execute();
      return rows.map((row) => ({
        day: row.day,
        shown: Number(row.shown),
        opened: Number(row.opened),
        dismissed: Number(row.dismissed),
        replied: Number(row.replied),
      }));
    },
    async totals() {
      const rows = await db
        .selectFrom('message_stats')
        .select((eb) => [
          'message_id',
          eb.fn.sum<number>('shown').as('shown'),
          eb.fn.sum<number>('opened').as('opened'),
          eb.fn.sum<number>('dismissed').as('dismissed'),
          eb.fn.sum<number>('replied').as('replied'),
        ])
        .groupBy('message_id')
        .execute();
      return new Map(
        rows.map((row) => [
          row.message_id,
          {
            shown: Number(row.shown),
            opened: Number(row.opened),
            dismissed: Number(row.dismissed),
            replied: Number(row.replied),
          },
        ]),
      );
    },
  };
}

function conversationMessageStore(db: Kysely<Database>): ConversationMessageStore {
  return {
    async add(message) {
      await db.insertInto('conversation_messages').values(message).execute();
      return message;
    },
    async list(conversationId, after) {
      let query = db
        .selectFrom('conversation_messages')
        .selectAll()
        .where('conversation_id', '=', conversationId);
      if (after) query = query.where('id', '>', after);
      const rows = await query.orderBy('id').execute();
      return rows as ConversationMessageRecord[];
    },
  };
}

/**
 * The repository over a migrated Kysely database of any supported dialect.
 *
 * @example const repository = createKyselyRepository(db, 'sqlite', () => db.destroy())
 */
export function createKyselyRepository(
  db: Kysely<Database>,
  kind: string,
  close: () => Promise<void> = () => db.destroy(),
): Repository {
  const any = db as AnyDb;
  const plain: Codec = { json: [] };
  return {
    kind,
    brands: entityStore<Brand>(any, 'brands', plain, ['created_at', 'id']),
    schedules: entityStore<ScheduleRecord>(any, 'schedules', { json: ['intervals', 'holidays'] }, [
      'created_at',
      'id',
    ]),
    channels: entityStore<Channel>(any, 'channels', plain, ['created_at', 'id']),
    bots: entityStore<Bot>(any, 'bots', { json: ['channel_ids'] }, ['created_at', 'id']),
    answers: entityStore<BotAnswer>(any, 'bot_answers', plain, ['created_at', 'id']),
    messages: messageStore(any),
    stats: statsStore(db),
    conversations: entityStore<Conversation>(any, 'conversations', { json: ['tags'] }, ['updated_at', 'id']),
    conversationMessages: conversationMessageStore(db),
    attributes: entityStore<Attribute>(any, 'attributes', plain, ['created_at', 'id']),
    async isEmpty() {
      const row = await db.selectFrom('brands').select('id').limit(1).executeTakeFirst();
      return row === undefined;
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    close,
  };
}
