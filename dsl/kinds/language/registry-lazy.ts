/**
 * `#language-registry` in browsers (the admin app): the registry's 850 KB are a chunk of their own, loaded
 * by `loadLanguageRegistry()` (the app calls it when it opens the message editor), so the app's first
 * screen does not download them. Until then language checks fall back to `Intl`'s well-formedness test.
 */
import type { LanguageRegistry } from './registry.ts';

let loaded: LanguageRegistry | undefined;

/**
 * The registry once `loadLanguageRegistry()` has loaded it, else undefined.
 *
 * @example languageRegistry()?.lookup('fr').status // 'valid' once loaded
 */
export function languageRegistry(): LanguageRegistry | undefined {
  return loaded;
}

/**
 * Loads the registry's chunk (once).
 *
 * @example await loadLanguageRegistry()
 */
export async function loadLanguageRegistry(): Promise<LanguageRegistry> {
  loaded ??= (await import('./registry-data.ts')).registry;
  return loaded;
}
