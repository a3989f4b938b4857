/**
 * The widget API client. The API origin is the origin of the widget script itself, so the embed snippet
 * needs no configuration. Every call resolves (never rejects): failures come back as `null`. The
 * conversation calls live with the lazily loaded panel (panel/conversation-api.ts).
 */
import type { WidgetEvent } from '@proactive/contract/widget';

export interface RulesResponse {
  status: number;
  etag: string | null;
  /** Parsed JSON body, or `undefined` when there was none or it was not JSON. */
  body: unknown;
}

export interface ApiClient {
  readonly origin: string;
  fetchRules(channelId: string, etag: string | null): Promise<RulesResponse | null>;
  sendEvents(events: WidgetEvent[], leaving: boolean): void;
}

/**
 * The origin the widget script was loaded from.
 *
 * @example apiOriginOf('https://help.example.com/widget.js') // 'https://help.example.com'
 */
export function apiOriginOf(scriptSrc: string | undefined | null, fallback: string): string {
  try {
    if (scriptSrc) return new URL(scriptSrc, fallback).origin;
  } catch {
    // Unparseable src: use the page's origin.
  }
  return new URL(fallback).origin;
}

/**
 * An API client for the given origin.
 *
 * @example await createApiClient('https://help.example.com').fetchRules('demo', null)
 */
export function createApiClient(origin: string): ApiClient {
  return {
    origin,
    async fetchRules(channelId, etag) {
      try {
        const response = await fetch(`${origin}/widget/v1/channels/${encodeURIComponent(channelId)}/rules`, {
          credentials: 'omit',
          headers: etag ? { 'if-none-match': etag } : {},
        });
        let body: unknown;
        if (response.status === 200) {
          try {
            body = await response.json();
          } catch {
            body = undefined;
          }
        }
        return { status: response.status, etag: response.headers.get('etag'), body };
      } catch {
        return null;
      }
    },
    sendEvents(events, leaving) {
      if (events.length === 0) return;
      const url = `${origin}/widget/v1/events`;
      const payload = JSON.stringify({ events });
      try {
        // text/plain keeps the beacon a CORS "simple" request, so it is sent cross-origin without a preflight.
        if (navigator.sendBeacon?.(url, new Blob([payload], { type: 'text/plain;charset=UTF-8' }))) return;
      } catch {
        // Fall through to fetch.
      }
      void fetch(url, {
        method: 'POST',
        keepalive: leaving,
        credentials: 'omit',
        headers: { 'content-type': 'application/json' },
        body: payload,
      }).catch(() => undefined);
    },
  };
}
