/**
 * The bus over PostgreSQL LISTEN/NOTIFY, so several Node servers on one database see each other's changes.
 * The listening connection reconnects by itself; after a reconnect it reports `all_changed`, because
 * notifications sent while it was away are lost.
 */
import type pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { busChannel, createHub, parseBusEvent, type Bus, type BusEvent } from '../domain/bus.ts';

const maxPayload = 7000;

function serialise(event: BusEvent): string {
  const text = JSON.stringify(event);
  return text.length > maxPayload ? JSON.stringify({ type: 'all_changed' }) : text;
}

/**
 * LISTEN on a dedicated connection, NOTIFY through the shared pool.
 *
 * @example const bus = await createPostgresBus(pool, { connectionString })
 */
export async function createPostgresBus(pool: pg.Pool, config: pg.ClientConfig): Promise<Bus> {
  const { default: postgres } = await import('pg');
  const hub = createHub();
  let closed = false;
  let client: pg.Client | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const connect = async (isReconnect: boolean): Promise<void> => {
    const next = new postgres.Client(config);
    next.on('error', () => undefined);
    next.on('notification', (message) => {
      const event = message.payload ? parseBusEvent(message.payload) : null;
      if (event) hub.emit(event);
    });
    next.on('end', () => {
      if (client === next) client = null;
      if (!closed) schedule();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${busChannel}`);
      client = next;
      if (isReconnect) hub.emit({ type: 'all_changed' });
    } catch (error) {
      await next.end().catch(() => undefined);
      if (!isReconnect) throw error;
      schedule();
    }
  };
  const schedule = () => {
    if (retry || closed) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect(true);
    }, 500);
  };

  await connect(false);
  return {
    async publish(event) {
      await pool.query('select pg_notify($1, $2)', [busChannel, serialise(event)]);
    },
    subscribe: hub.subscribe,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}

/**
 * The same bus on PGlite, for several app instances sharing one in-process database.
 *
 * @example const bus = await createPgliteBus(() => pglite)
 */
export async function createPgliteBus(current: () => PGlite): Promise<Bus> {
  const hub = createHub();
  let listening: PGlite | null = null;
  const ensureListening = async () => {
    const db = current();
    if (listening === db || db.closed) return;
    await db.listen(busChannel, (payload) => {
      const event = parseBusEvent(payload);
      if (event) hub.emit(event);
    });
    if (listening !== null) hub.emit({ type: 'all_changed' });
    listening = db;
  };
  await ensureListening();
  return {
    async publish(event) {
      await ensureListening();
      await current().query('select pg_notify($1, $2)', [busChannel, serialise(event)]);
    },
    subscribe: hub.subscribe,
    async close() {},
  };
}
