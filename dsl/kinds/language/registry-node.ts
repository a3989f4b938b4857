/**
 * `#language-registry` in Node (the server, the CLI, tests, the docs generator): the registry's JSON is
 * read from the installed `language-subtag-registry` package on first use, synchronously, so checks always
 * see it and start-up does not pay for it (bundles such as the CLI's leave it out and stay small).
 */
import { createRequire } from 'node:module';
import { createLanguageRegistry, type LanguageRegistry, type RegistryRecord } from './registry.ts';
import { suggestedLanguages } from './suggested.ts';

const require = createRequire(import.meta.url);
let loaded: LanguageRegistry | undefined;

/**
 * The registry, read on the first call.
 *
 * @example languageRegistry()?.lookup('fr').status // 'valid'
 */
export function languageRegistry(): LanguageRegistry | undefined {
  loaded ??= createLanguageRegistry(
    require('language-subtag-registry/data/json/registry.json') as RegistryRecord[],
    (require('language-subtag-registry/data/json/meta.json') as { 'File-Date': string })['File-Date'],
    suggestedLanguages,
  );
  return loaded;
}

/**
 * Loads the registry (here: reads it now if it was not yet).
 *
 * @example await loadLanguageRegistry()
 */
export async function loadLanguageRegistry(): Promise<LanguageRegistry> {
  return languageRegistry() as LanguageRegistry;
}
