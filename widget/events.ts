/**
 * Reports shown / opened / dismissed / replied to the server, batched: events are sent together a moment
 * after the first one, and at once when the visitor leaves or hides the page (sendBeacon survives unload).
 */
import type { ApiClient } from './api.ts';
import type { WidgetEvent, WidgetEventType } from '@proactive/contract/widget';

/** How long the first event of a batch waits for others. */
export const BATCH_DELAY_MS = 2000;
const MAX_BATCH = 20;

export interface EventReporter {
  report(messageId: string, type: WidgetEventType): void;
  flush(leaving?: boolean): void;
}

/**
 * A batching reporter for one channel and visitor.
 *
 * @example createEventReporter(api, 'demo', () => visitorId).report('msg_1', 'shown')
 */
export function createEventReporter(
  api: ApiClient,
  channelId: string,
  visitorId: () => string,
): EventReporter {
  let queue: WidgetEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (leaving = false) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const batch = queue;
    queue = [];
    if (batch.length > 0) api.sendEvents(batch, leaving);
  };
  const onLeave = () => {
    if (document.visibilityState === 'hidden') flush(true);
  };
  document.addEventListener('visibilitychange', onLeave);
  window.addEventListener('pagehide', () => flush(true));

  return {
    report(messageId, type) {
      queue.push({ channel_id: channelId, message_id: messageId, visitor_id: visitorId(), type });
      if (queue.length >= MAX_BATCH) flush();
      else if (timer === undefined) timer = setTimeout(() => flush(), BATCH_DELAY_MS);
    },
    flush,
  };
}
