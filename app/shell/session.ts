/**
 * How the app reaches the server. Inside Zendesk (the host passes `origin` and `app_guid` and provides
 * `window.ZAFClient`) it uses the app framework client and the `server_url` setting. Standalone at
 * `/admin/` it uses the admin token: from `#token=...` in the URL (for convenience) or the sign-in
 * screen, remembered in sessionStorage for the tab's life.
 */
import { Api, fetchTransport, zafTransport, type ZafClient } from '../api/client.ts';

const tokenKey = 'proactive.admin_token';

declare global {
  interface Window {
    ZAFClient?: { init(): ZafClient | undefined };
  }
}

/**
 * Takes `#token=...` out of the URL (so it is not left in history) and remembers it.
 *
 * @example adoptTokenFromHash() // true when the hash carried a token
 */
export function adoptTokenFromHash(): boolean {
  const match = /^#token=([^&]+)(?:&(.*))?$/.exec(window.location.hash);
  if (!match?.[1]) return false;
  sessionStorage.setItem(tokenKey, decodeURIComponent(match[1]));
  const rest = match[2] ? `#${match[2]}` : '#/messages';
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${rest}`);
  return true;
}

/** The remembered admin token, if any. */
export function storedToken(): string | null {
  return sessionStorage.getItem(tokenKey);
}

/** Remembers the admin token for this tab. */
export function storeToken(token: string): void {
  sessionStorage.setItem(tokenKey, token);
}

/** Forgets the admin token (sign out). */
export function clearToken(): void {
  sessionStorage.removeItem(tokenKey);
}

/** The Zendesk app framework client when the app runs inside Zendesk, else null. */
export function zendeskClient(): ZafClient | null {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('origin') || !params.has('app_guid') || !window.ZAFClient) return null;
  return window.ZAFClient.init() ?? null;
}

/**
 * The API for the current environment.
 *
 * @example const { api, mode } = await connect();
 */
export async function connect(): Promise<{ api: Api; mode: 'zendesk' | 'standalone' }> {
  const client = zendeskClient();
  if (client) {
    const { settings } = await client.metadata();
    const serverUrl = String(settings.server_url ?? '').replace(/\/+$/, '');
    return { api: new Api(zafTransport(client, serverUrl)), mode: 'zendesk' };
  }
  return { api: new Api(fetchTransport(apiBase(), storedToken)), mode: 'standalone' };
}

/** Standalone, the API is on the origin that serves the app (`/admin/` -> `/api/v1`). */
function apiBase(): string {
  return '';
}
