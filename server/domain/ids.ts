/**
 * Ids: a prefix, then a time part and random part, so ids sort by creation time (conversation polling
 * uses `?after=<id>`) and cannot be guessed (conversation ids are the visitor's only key).
 */

let lastTime = 0;
let counter = 0;

/**
 * A new sortable, unguessable id such as `msg_0mhx2k3f0001_5f1c9a...`.
 *
 * @example newId('msg') // 'msg_0mhx2k3f0001_9c1e4b7a2d6f8e10'
 */
export function newId(prefix: string): string {
  const now = Date.now();
  if (now === lastTime) counter++;
  else {
    lastTime = now;
    counter = 0;
  }
  const time = now.toString(36).padStart(9, '0') + counter.toString(36).padStart(4, '0');
  const random = new Uint8Array(10);
  crypto.getRandomValues(random);
  const hex = Array.from(random, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${prefix}_${time}_${hex}`;
}

/**
 * Whether a path segment can be an id at all (cheap rejection of junk before any query).
 *
 * @example isPlausibleId('msg_abc') // true
 */
export function isPlausibleId(value: string): boolean {
  return value.length > 0 && value.length <= 100 && /^[A-Za-z0-9_-]+$/.test(value);
}
