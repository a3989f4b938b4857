/**
 * Telling widgets' snapshots that something changed: this server's cache at once, the other servers
 * through the bus. A failed notification is logged, never fails the change that was already stored.
 */
import type { Bus } from './bus.ts';

export interface Changes {
  /** These channels' widget payloads changed. */
  channels(channelIds: string[]): Promise<void>;
  /** Anything may have changed (a brand, schedule or bot used by many channels). */
  all(): Promise<void>;
}

/**
 * The change announcer of one app instance.
 *
 * @example const changes = createChanges(bus, (ids) => snapshots.invalidate(ids === 'all' ? [] : ids))
 */
export function createChanges(bus: Bus, invalidate: (channelIds: string[] | 'all') => void): Changes {
  const announce = async (channelIds: string[] | 'all') => {
    invalidate(channelIds);
    await bus
      .publish(
        channelIds === 'all'
          ? { type: 'all_changed' }
          : { type: 'channels_changed', channel_ids: channelIds },
      )
      .catch((error: unknown) => console.error('could not notify other servers', error));
  };
  return { channels: (channelIds) => announce(channelIds), all: () => announce('all') };
}
