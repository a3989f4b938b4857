/**
 * Web storage that never throws: pages may block storage (privacy modes, sandboxed iframes, full quota),
 * and the widget must then keep working without memory rather than break the host page.
 */

type Area = 'local' | 'session';

function area(kind: Area): Storage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Reads and JSON-decodes a stored value; `null` when absent, unreadable or not JSON.
 *
 * @example readJson<{ id: string }>('local', 'proactive:visitor')
 */
export function readJson<T>(kind: Area, key: string): T | null {
  try {
    const raw = area(kind)?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/**
 * JSON-encodes and stores a value; returns whether it was stored.
 *
 * @example writeJson('local', 'proactive:visitor', { id: 'v1' })
 */
export function writeJson(kind: Area, key: string, value: unknown): boolean {
  try {
    const store = area(kind);
    if (!store) return false;
    store.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes a stored value.
 *
 * @example removeItem('local', 'proactive:conversation:demo')
 */
export function removeItem(kind: Area, key: string): void {
  try {
    area(kind)?.removeItem(key);
  } catch {
    // Storage blocked: nothing to remove.
  }
}

/**
 * A random identifier: 32 hex digits.
 *
 * @example randomId() // '9f86d081884c7d659a2feaa0c55ad015'
 */
export function randomId(): string {
  try {
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
      (byte + 256).toString(16).slice(1),
    ).join('');
  } catch {
    return Math.random().toString(36).slice(2) + Date.now().toString(36);
  }
}
