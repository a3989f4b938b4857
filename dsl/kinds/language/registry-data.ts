/**
 * The IANA Language Subtag Registry as the `language-subtag-registry` package ships it (CC0, updated from
 * IANA's file): about 9,000 records, 850 KB of JSON, bundled. The admin app loads it as a chunk of its own
 * (registry-lazy.ts), a Cloudflare Worker with the module (registry-static.ts); Node reads the package's
 * file instead (registry-node.ts).
 */
import records from 'language-subtag-registry/data/json/registry.json' with { type: 'json' };
import meta from 'language-subtag-registry/data/json/meta.json' with { type: 'json' };
import { createLanguageRegistry, type LanguageRegistry } from './registry.ts';
import { suggestedLanguages } from './suggested.ts';

export const registry: LanguageRegistry = createLanguageRegistry(
  records,
  meta['File-Date'],
  suggestedLanguages,
);
