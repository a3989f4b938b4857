/**
 * Languages at run time: BCP 47 tags, canonical and lower-case on both sides; a tag matches itself and
 * its more specific tags (`fr` matches `fr-ca`). Dependency-free: the widget bundles it.
 */
import { readString, standardTest, type RuntimeKind } from '../runtime.ts';

/**
 * The canonical, lower-cased form of a BCP 47 language tag (`pt_br` and `PT-br` give `pt-br`), or null
 * when the text is not a well-formed tag.
 *
 * @example canonicalLanguage('fr_ca') // 'fr-ca'
 */
export function canonicalLanguage(tag: string): string | null {
  try {
    return (Intl.getCanonicalLocales(tag.replaceAll('_', '-'))[0] as string).toLowerCase();
  } catch {
    return null;
  }
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

export const languageRuntime: RuntimeKind = {
  read: readString,
  prepare: prepareLanguage,
  test: standardTest(languageMatches),
};
