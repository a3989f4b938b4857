/**
 * UI strings. Every string the admin sees comes from translations/<locale>.json through `t`, so the
 * Zendesk app can be localised; English is the default and the fallback.
 */
import en from '../translations/en.json';

type Strings = Record<string, string>;
let strings: Strings = flatten(en as Record<string, unknown>);

function flatten(tree: Record<string, unknown>, prefix = '', into: Strings = {}): Strings {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into[path] = value;
    else if (value && typeof value === 'object') flatten(value as Record<string, unknown>, path, into);
  }
  return into;
}

/**
 * The translated string of `key` with `{{name}}` placeholders filled; the key itself when it is missing.
 *
 * @example t('list.title') // 'Proactive messages'
 * @example t('list.deleteConfirm', { name: 'Pricing' })
 */
export function t(key: string, values: Record<string, string | number> = {}): string {
  const template = strings[key];
  if (template === undefined) return key;
  return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/**
 * Whether a translation exists (for tests and optional hints).
 *
 * @example hasTranslation('list.title') // true
 */
export function hasTranslation(key: string): boolean {
  return key in strings;
}

/**
 * Replaces the strings (another locale); keys it lacks fall back to English.
 *
 * @example useStrings({ list: { title: 'Messages proactifs' } })
 */
export function useStrings(tree: Record<string, unknown>): void {
  strings = { ...flatten(en as Record<string, unknown>), ...flatten(tree) };
}

/** The catalog sections whose entries have translated labels and docs (see app/catalog-translations.ts). */
export type CatalogSection =
  'objects' | 'fields' | 'operators' | 'values' | 'events' | 'timesOfDay' | 'frequencies';

/**
 * A catalog entry's label (or doc) in the admin's language; the catalog's English when untranslated.
 *
 * @example catalogText('fields', fieldByName('visitor.page_url')!) // 'Page URL'
 */
export function catalogText(
  section: CatalogSection,
  entry: { name: string; label: string; doc: string },
  part: 'label' | 'doc' = 'label',
): string {
  const key = `catalog.${section}.${entry.name}.${part}`;
  return hasTranslation(key) ? t(key) : entry[part];
}
