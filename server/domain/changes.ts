/**
 * Telling widgets' snapshots that something changed: this server's cache at once, the other servers
 * through the bus. A failed notification is logged, never fails the change that was already stored.
 */
import type { Bus } from './bus.ts';

export interface Changes {
  /** These channels' widget payloads changed. */
  channels(channelIds: string[]): Promise<void>;
  /** One message of the channel changed (its snapshot is patched rather than rebuilt). */
  message(channelId: string, messageId: string): Promise<void>;
  /** Anything may have changed (a brand, schedule or bot used by many channels). */
  all(): Promise<void>;
}

/** What changed: everything, some channels, or one message of one channel. */
export type Change = 'all' | string[] | { channel_id: string; message_id: string };

/**
 * The change announcer of one app instance.
 *
 * @example const changes = createChanges(bus, (change) => snapshots.apply(change))
 */
export function createChanges(bus: Bus, invalidate: (change: Change) => void): Changes {
  const announce = async (change: Change) => {
    invalidate(change);
    await bus
      .publish(
        change === 'all'
          ? { type: 'all_changed' }
          : 'message_id' in change
            ? { type: 'channels_changed', channel_ids: [change.channel_id], message_ids: [change.message_id] }
            : { type: 'channels_changed', channel_ids: change },
      )
      .catch((error: unknown) => console.error('could not notify other servers', error));
  };
  return {
    channels: (channelIds) => announce(channelIds),
    message: (channelId, messageId) => announce({ channel_id: channelId, message_id: messageId }),
    all: () => announce('all'),
  };
}
