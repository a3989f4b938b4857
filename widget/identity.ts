/**
 * What the visitor told us (or the site told us through `proactive.identify`): name and email.
 */
import { readJson, writeJson } from './storage.ts';

export interface Identity {
  name?: string;
  email?: string;
}

const KEY = 'proactive:identity';

/**
 * The known identity (empty when unknown).
 *
 * @example knownIdentity().name
 */
export function knownIdentity(): Identity {
  const stored = readJson<Identity>('local', KEY);
  const identity: Identity = {};
  if (typeof stored?.name === 'string' && stored.name.trim()) identity.name = stored.name.trim();
  if (typeof stored?.email === 'string' && stored.email.trim()) identity.email = stored.email.trim();
  return identity;
}

/**
 * Merges new details into the known identity; blank and non-string values are ignored.
 *
 * @example rememberIdentity({ name: 'Ada Lovelace' })
 */
export function rememberIdentity(update: Partial<Record<keyof Identity, unknown>>): Identity {
  const identity = knownIdentity();
  if (typeof update.name === 'string' && update.name.trim()) identity.name = update.name.trim().slice(0, 200);
  if (typeof update.email === 'string' && update.email.trim())
    identity.email = update.email.trim().slice(0, 320);
  writeJson('local', KEY, identity);
  return identity;
}

/**
 * Whether an email address looks deliverable (one @, a dotted domain, no spaces).
 *
 * @example isValidEmail('ada@example.com') // true
 */
export function isValidEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email.trim());
}
