// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from './api.ts';
import { BATCH_DELAY_MS, createEventReporter } from './events.ts';
import type { WidgetEvent } from '@proactive/contract/widget';

let sent: Array<{ events: WidgetEvent[]; leaving: boolean }>;
const api: ApiClient = {
  origin: 'https://api.test',
  fetchRules: async () => null,
  sendEvents: (events, leaving) => sent.push({ events, leaving }),
};

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
});
afterEach(() => vi.useRealTimers());

describe('event reporter', () => {
  it('batches events reported close together', () => {
    const reporter = createEventReporter(api, 'demo', () => 'v1');
    reporter.report('m1', 'shown');
    vi.advanceTimersByTime(500);
    reporter.report('m1', 'opened');
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(BATCH_DELAY_MS);
    expect(sent).toEqual([
      {
        leaving: false,
        events: [
          { channel_id: 'demo', message_id: 'm1', visitor_id: 'v1', type: 'shown' },
          { channel_id: 'demo', message_id: 'm1', visitor_id: 'v1', type: 'opened' },
        ],
      },
    ]);
  });

  it('sends at once when the page is hidden or left', () => {
    const reporter = createEventReporter(api, 'demo', () => 'v1');
    reporter.report('m1', 'dismissed');
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.leaving).toBe(true);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
  });
});
