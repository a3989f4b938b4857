/**
 * Language options for language value pickers: the kind's suggested BCP 47 tags, named in
 * the admin's language with `Intl.DisplayNames`.
 */
import { suggestedLanguages } from '@proactive/dsl';

let names: Intl.DisplayNames | null = null;
function displayNames(): Intl.DisplayNames | null {
  if (names) return names;
  try {
    names = new Intl.DisplayNames([navigator.language || 'en', 'en'], { type: 'language' });
  } catch {
    names = null;
  }
  return names;
}

/**
 * The label of a language tag: `French (Canada) — fr-CA`; the tag alone when Intl does not know it.
 *
 * @example languageLabel('pt-BR') // 'Brazilian Portuguese — pt-BR'
 */
export function languageLabel(tag: string): string {
  let name: string | undefined;
  try {
    name = displayNames()?.of(tag);
  } catch {
    name = undefined;
  }
  return name && name !== tag ? `${name} — ${tag}` : tag;
}

/**
 * The picker's options: the suggested languages plus any tags already chosen that are not among them.
 *
 * @example languageOptions(['x-klingon']).at(-1) // { value: 'x-klingon', label: 'x-klingon' }
 */
export function languageOptions(
  chosen: string[] = [],
  suggestions: readonly string[] = suggestedLanguages,
): { value: string; label: string }[] {
  const tags = [...suggestions, ...chosen.filter((tag) => !suggestions.includes(tag))];
  return tags.map((tag) => ({ value: tag, label: languageLabel(tag) }));
}
