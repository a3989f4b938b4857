/**
 * The catalog's labels and docs as translation strings: `translations/en.json` holds them under
 * `catalog`, generated from the catalog (dsl/catalog/) (a test keeps the two equal; `npx tsx app/catalog-translations.ts
 * --write` regenerates), so translators see every string the admin sees and the catalog stays the one list.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { catalog as builtinCatalog, type Catalog } from '@proactive/dsl';

interface Described {
  name: string;
  label: string;
  doc: string;
}

const section = (entries: readonly Described[]) =>
  Object.fromEntries(entries.map((entry) => [entry.name, { label: entry.label, doc: entry.doc }]));

/**
 * The `catalog` section of the English translations (of the built-in catalog by default).
 *
 * @example catalogTranslations().fields['visitor.page_url'].label // 'Page URL'
 */
export function catalogTranslations(catalog: Catalog = builtinCatalog) {
  const { objects, fields, operators, events, timesOfDay, frequencies } = catalog;
  return {
    objects: section(objects),
    fields: section(fields),
    operators: section(operators),
    values: section(fields.flatMap((field) => field.symbols ?? [])),
    events: section(events),
    timesOfDay: section(timesOfDay),
    frequencies: section(frequencies),
  };
}

const translationsPath = new URL('../translations/en.json', import.meta.url);

if (process.argv.includes('--write')) {
  const english = JSON.parse(readFileSync(translationsPath, 'utf8')) as Record<string, unknown>;
  english.catalog = catalogTranslations();
  writeFileSync(translationsPath, `${JSON.stringify(english, null, 2)}\n`);
  console.log('translations/en.json: catalog section regenerated');
}
