/**
 * The notification bus between servers: snapshot invalidations and new conversation messages. One process
 * uses the in-memory bus; several Node servers on one PostgreSQL use LISTEN/NOTIFY (see storage/).
 */

export type BusEvent =
  /**
   * These channels' widget payloads changed. With `message_ids`, only those messages of the (one) channel
   * did: servers patch their snapshot with them instead of rebuilding it (older servers ignore the field).
   */
  (
    | { type: 'channels_changed'; channel_ids: string[]; message_ids?: string[] }
    /** Anything may have changed (e.g. a brand or schedule used by many channels, or missed notifications). */
    | { type: 'all_changed' }
    | { type: 'conversation_message'; conversation_id: string; message_id: string }
  ) & {
    /** The app instance that published it (instances skip their own snapshot invalidations). */
    origin?: string;
  };

export interface Bus {
  /** Delivers to every subscriber on every server, including this one. */
  publish(event: BusEvent): Promise<void>;
  subscribe(handler: (event: BusEvent) => void): () => void;
  close(): Promise<void>;
}

/** The PostgreSQL NOTIFY channel name. */
export const busChannel = 'proactive_events';

/**
 * Fan-out to local handlers; the building block of every bus.
 *
 * @example const hub = createHub(); hub.subscribe(console.log); hub.emit({ type: 'all_changed' })
 */
export function createHub() {
  const handlers = new Set<(event: BusEvent) => void>();
  return {
    emit(event: BusEvent) {
      for (const handler of handlers) {
        try {
          handler(event);
        } catch (error) {
          console.error('bus handler failed', error);
        }
      }
    },
    subscribe(handler: (event: BusEvent) => void) {
      handlers.add(handler);
      return () => void handlers.delete(handler);
    },
  };
}

/**
 * A bus for one process (or several app instances sharing it in one process).
 *
 * @example const bus = createMemoryBus(); bus.subscribe((event) => console.log(event.type))
 */
export function createMemoryBus(): Bus {
  const hub = createHub();
  return {
    async publish(event) {
      queueMicrotask(() => hub.emit(event));
    },
    subscribe: hub.subscribe,
    async close() {},
  };
}

/**
 * Parses a bus payload received from another server; null when it is not one of ours.
 *
 * @example parseBusEvent('{"type":"all_changed"}') // { type: 'all_changed' }
 */
export function parseBusEvent(payload: string): BusEvent | null {
  try {
    const value = JSON.parse(payload) as BusEvent;
    if (
      value &&
      (value.type === 'channels_changed' ||
        value.type === 'all_changed' ||
        value.type === 'conversation_message')
    ) {
      return value;
    }
  } catch {
    // not ours
  }
  return null;
}
