/**
 * Polls a conversation for new messages: every few seconds while the panel is open, less often while it
 * is closed (the launcher then shows an unread count). Failed polls back off and never throw.
 */
import type { ConversationMessage } from '@proactive/contract/widget';

export const OPEN_INTERVAL_MS = 3000;
export const CLOSED_INTERVAL_MS = 15000;
const MAX_BACKOFF_MS = 60000;

export interface Poller {
  /** Polls now (e.g. when the panel opens). */
  wake(): void;
  stop(): void;
}

/**
 * Starts polling; the first poll runs at once.
 *
 * @example startPolling({ fetch: (after) => api.fetchMessages(id, after), onMessages, isOpen: () => true })
 */
export function startPolling(options: {
  fetch(after: string | null): Promise<ConversationMessage[] | null>;
  onMessages(messages: ConversationMessage[]): void;
  isOpen(): boolean;
}): Poller {
  let after: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let failures = 0;
  let inFlight = false;

  const schedule = () => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    const base = options.isOpen() ? OPEN_INTERVAL_MS : CLOSED_INTERVAL_MS;
    timer = setTimeout(poll, Math.min(MAX_BACKOFF_MS, base * 2 ** failures));
  };
  const poll = async () => {
    if (stopped || inFlight) return;
    inFlight = true;
    const messages = await options.fetch(after);
    inFlight = false;
    if (stopped) return;
    if (messages === null) {
      failures = Math.min(failures + 1, 5);
    } else {
      failures = 0;
      const last = messages[messages.length - 1];
      if (last) after = last.id;
      if (messages.length > 0) {
        try {
          options.onMessages(messages);
        } catch {
          // A rendering problem must not stop the polling.
        }
      }
    }
    schedule();
  };
  void poll();
  return {
    wake() {
      void poll();
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
