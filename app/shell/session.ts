/**
 * How the app reaches the server. Inside Zendesk (the host opens the app with `origin` and `app_guid` in
 * its URL) it uses Zendesk's app framework SDK, bundled from npm, and the `server_url` setting: every call
 * goes through `client.request`, signed by Zendesk. Standalone at `/admin/` it uses the admin token: from
 * `#token=...` in the URL (for convenience) or the sign-in screen, remembered in sessionStorage for the tab.
 */
import { createApi, fetchTransport, zafTransport, type Api, type ZafClient } from '../api/client.ts';

const tokenKey = 'proactive.admin_token';
/** Where the token is kept when the browser refuses sessionStorage (e.g. a framed third-party page). */
let memoryToken: string | null = null;

function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
/** How long to wait for Zendesk's handshake before saying the host does not answer. */
const handshakeMs = 10_000;

/**
 * Takes `#token=...` out of the URL (so it is not left in history) and remembers it.
 *
 * @example adoptTokenFromHash() // true when the hash carried a token
 */
export function adoptTokenFromHash(): boolean {
  const match = /^#token=([^&]+)(?:&(.*))?$/.exec(window.location.hash);
  if (!match?.[1]) return false;
  storeToken(decodeURIComponent(match[1]));
  const rest = match[2] ? `#${match[2]}` : '#/messages';
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${rest}`);
  return true;
}

/** The remembered admin token, if any. */
export function storedToken(): string | null {
  return tabStorage()?.getItem(tokenKey) ?? memoryToken;
}

/** Remembers the admin token for this tab. */
export function storeToken(token: string): void {
  memoryToken = token;
  tabStorage()?.setItem(tokenKey, token);
}

/** Forgets the admin token (sign out). */
export function clearToken(): void {
  memoryToken = null;
  tabStorage()?.removeItem(tokenKey);
}

/** The Zendesk host's origin (`?origin=`) when Zendesk opened the app, else null. */
export function zendeskOrigin(): string | null {
  const params = new URLSearchParams(window.location.search);
  return params.get('origin') && params.get('app_guid') ? params.get('origin') : null;
}

/**
 * The Zendesk app framework client when the app runs inside Zendesk, else null. The SDK is loaded only
 * then (a chunk of its own), so the standalone app does not download it.
 *
 * @example const client = await zendeskClient();
 */
export async function zendeskClient(): Promise<ZafClient | null> {
  if (!zendeskOrigin()) return null;
  const { default: ZAFClient } = await import('zendesk_app_framework_sdk');
  return ZAFClient.init() || null;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * The API for the current environment.
 *
 * @example const { api, mode } = await connect();
 */
export async function connect(): Promise<{ api: Api; mode: 'zendesk' | 'standalone' }> {
  const client = await zendeskClient();
  if (client) {
    const { settings } = await withTimeout(
      client.metadata(),
      handshakeMs,
      `Zendesk (${zendeskOrigin()}) did not answer the app's handshake; reload the page.`,
    );
    const serverUrl = String(settings.server_url ?? '').replace(/\/+$/, '');
    if (!serverUrl)
      throw new Error('The app\'s "Server URL" setting is empty: set it in the app\'s settings.');
    return {
      api: createApi(zafTransport(client, serverUrl, zendeskOrigin() ?? ''), serverUrl),
      mode: 'zendesk',
    };
  }
  return { api: createApi(fetchTransport(storedToken), apiBase()), mode: 'standalone' };
}

/** Standalone, the API is on the origin that serves the app (`/admin/` -> `/api/v1`). */
function apiBase(): string {
  return '';
}
