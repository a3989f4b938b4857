/**
 * One matcher per catalog match kind: how a context value is prepared before comparing, and what "equals"
 * means for that kind. `contains` is always a substring test on prepared values.
 */
import type { MatchKind } from '../catalog/catalog.ts';
import { canonicalLanguage, foldCase } from './text.ts';

export interface Matcher {
  /** Turns the raw context string into the form rule values were compiled to. */
  prepare(actual: string): string;
  /** Whether a prepared actual value equals one (normalised) rule value. */
  equals(actual: string, expected: string): boolean;
}

const languageCache = new Map<string, string>();
const LANGUAGE_CACHE_LIMIT = 64;

/**
 * Prepares a device language: canonical lower-case tag, or the lower-cased text when it is not a valid tag
 * (so `is not` still behaves sensibly). Memoised: devices report a handful of distinct tags.
 *
 * @example prepareLanguage('fr_CA') // 'fr-ca'
 */
export function prepareLanguage(actual: string): string {
  const cached = languageCache.get(actual);
  if (cached !== undefined) return cached;
  const prepared = canonicalLanguage(actual) ?? actual.toLowerCase();
  if (languageCache.size >= LANGUAGE_CACHE_LIMIT) languageCache.clear();
  languageCache.set(actual, prepared);
  return prepared;
}

/**
 * Whether a device language matches a rule's language: the same tag, or a more specific tag of it
 * (`fr` matches `fr-ca`; `fr-ca` does not match `fr`). Both sides canonical and lower-case.
 *
 * @example languageMatches('fr-ca', 'fr') // true
 */
export function languageMatches(actual: string, expected: string): boolean {
  return (
    actual === expected ||
    (actual.length > expected.length &&
      actual.charCodeAt(expected.length) === 45 &&
      actual.startsWith(expected))
  );
}

const same = (actual: string, expected: string): boolean => actual === expected;

/** The matchers, by catalog match kind. */
export const matchers: Record<MatchKind, Matcher> = {
  text: { prepare: foldCase, equals: same },
  symbol: { prepare: (actual) => actual, equals: same },
  language: { prepare: prepareLanguage, equals: languageMatches },
};
