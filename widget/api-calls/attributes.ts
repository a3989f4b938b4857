/**
 * Visitor attributes the site sets with `proactive('identify', {attributes: {...}})`: text, numbers and
 * booleans by key, kept in localStorage across pages and visits until the site changes them; null
 * removes a key. Rules read them as `visitor.attributes["key"]`.
 */
import { readJson, writeJson } from '../storage.ts';

export type Attributes = Record<string, string | number | boolean>;

const KEY = 'proactive:attributes';

/**
 * The attributes the site has set (an empty object when none).
 *
 * @example knownAttributes().plan // 'pro'
 */
export function knownAttributes(): Attributes {
  const stored = readJson<Attributes>('local', KEY);
  return stored && typeof stored === 'object' ? stored : {};
}

/**
 * Whether a value is a fact rules can compare: text, a finite number or a boolean.
 *
 * @example isFact(12) // true
 */
export const isFact = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && isFinite(value));

/**
 * Merges an update into the stored attributes and returns whether they changed. A value that is not
 * text, a finite number, a boolean or null is left out and reported through `warn` (with its key).
 *
 * @example rememberAttributes({ plan: 'pro', trial: null }, console.warn) // true
 */
export function rememberAttributes(update: object, warn: (key: string) => void): boolean {
  const attributes = knownAttributes();
  const before = JSON.stringify(attributes);
  for (const [key, value] of Object.entries(update)) {
    if (value === null) delete attributes[key];
    else if (isFact(value)) attributes[key] = value;
    else warn(key);
  }
  writeJson('local', KEY, attributes);
  return JSON.stringify(attributes) !== before;
}
