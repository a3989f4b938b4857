/**
 * `#language-registry` on Cloudflare Workers (the `workerd` condition): the registry is bundled into the
 * Worker and loaded with the module, so the server's checks always see it.
 */
import type { LanguageRegistry } from './registry.ts';
import { registry } from './registry-data.ts';

/**
 * The registry when it is loaded (here: always).
 *
 * @example languageRegistry()?.lookup('fr').status // 'valid'
 */
export function languageRegistry(): LanguageRegistry | undefined {
  return registry;
}

/**
 * Loads the registry (here: already loaded).
 *
 * @example await loadLanguageRegistry()
 */
export async function loadLanguageRegistry(): Promise<LanguageRegistry> {
  return registry;
}
