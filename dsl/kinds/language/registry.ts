/**
 * What the IANA Language Subtag Registry says about a language tag: whether each of its subtags is
 * registered, whether it is deprecated and what replaces it, its English name; and, for a text that is
 * not a tag, the tag that was probably meant ("French" -> fr, "portuguese (brazil)" -> pt-BR, "fre" -> fr).
 *
 * Built from the registry's records (the `language-subtag-registry` package: `registry-data.ts`), so the
 * list of languages is IANA's, never a hand list. Not widget code: only the language kind's checks and
 * hover use it; matching (runtime.ts) does not need it.
 */
import { closestMatch } from '../../check/suggest.ts';

/** One record of the registry, as the package's `registry.json` holds it (fields we read). */
export interface RegistryRecord {
  readonly Type: string;
  readonly Subtag?: string;
  readonly Tag?: string;
  readonly Description: readonly string[];
  readonly Deprecated?: string;
  readonly 'Preferred-Value'?: string;
}

/** The kinds of subtag a tag is made of, in the order they are written (RFC 5646 section 2.1). */
export type SubtagType = 'language' | 'extlang' | 'script' | 'region' | 'variant';

/** A registered subtag or whole tag. */
interface Entry {
  /** As the registry writes it: `fr`, `Latn`, `BR`, `zh-min-nan`. */
  readonly written: string;
  /** The registry's descriptions: `['Yue Chinese', 'Cantonese']`. */
  readonly descriptions: readonly string[];
  readonly deprecated: boolean;
  readonly preferred: string | undefined;
}

/** What the registry says of a tag. */
export type TagLookup =
  /** Every subtag is registered and current. */
  | { readonly status: 'valid' }
  /** Registered, but deprecated (or an extended-language form): `preferred` replaces it, when there is one. */
  | {
      readonly status: 'deprecated';
      /** The deprecated part as registered: `iw`, `BU`, `zh-yue`. */
      readonly deprecated: string;
      readonly preferred: string | undefined;
    }
  /** Well-formed, but `subtag` is not in the registry as a subtag of that type. */
  | { readonly status: 'unknown'; readonly subtag: string; readonly type: SubtagType }
  /** Not a well-formed tag (RFC 5646 syntax). */
  | { readonly status: 'malformed' };

export interface LanguageRegistry {
  /** The registry's date (its `File-Date`). */
  readonly date: string;
  /**
   * What the registry says of a tag (case does not matter).
   *
   * @example registry.lookup('iw') // { status: 'deprecated', deprecated: 'iw', preferred: 'he' }
   */
  lookup(tag: string): TagLookup;
  /**
   * The registered, current tag a text probably means (a language name, a misspelt tag), or undefined.
   *
   * @example registry.suggest('French') // 'fr'
   */
  suggest(text: string): string | undefined;
  /**
   * The English name of a valid or deprecated tag: `Intl.DisplayNames` when it knows the tag, else the
   * registry's description; undefined for a tag the registry does not know.
   *
   * @example registry.name('tlh') // 'Klingon'
   */
  name(tag: string): string | undefined;
}

const englishNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * `Intl.DisplayNames`' English name of a tag, if it has one (undefined, not an exception, for a text that
 * is not a tag).
 *
 * @example intlName('fr-CA') // 'Canadian French'
 */
export function intlName(tag: string): string | undefined {
  try {
    return englishNames.of(tag);
  } catch {
    return undefined;
  }
}

/** The canonical form `Intl` gives a tag (`pt-br` -> `pt-BR`, `fre` -> `fr`), or undefined when it refuses it. */
function intlCanonical(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * A name as compared: lower case, without accents, runs of anything but letters and digits as one space.
 *
 * @example normalizeName('Portuguese (Brazil)') // 'portuguese brazil'
 */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Parsed {
  subtags: { text: string; type: SubtagType }[];
}

const alpha = (min: number, max: number) => new RegExp(`^[a-z]{${min},${max}}$`);
const languagePattern = alpha(2, 8);
const extlangPattern = alpha(3, 3);
const scriptPattern = alpha(4, 4);
const regionPattern = /^(?:[a-z]{2}|\d{3})$/;
const variantPattern = /^(?:[a-z\d]{5,8}|\d[a-z\d]{3})$/;
const singletonPattern = /^[\da-wyz]$/;
const extensionPattern = /^[a-z\d]{2,8}$/;
const privateUsePattern = /^[a-z\d]{1,8}$/;

/**
 * The subtags of a well-formed tag (lower case) up to its extensions and private use, which the
 * registry does not list; undefined when the tag does not follow RFC 5646's `langtag` syntax.
 */
function parseTag(lower: string): Parsed | undefined {
  const parts = lower.split('-');
  const subtags: Parsed['subtags'] = [];
  let at = 0;
  const take = (pattern: RegExp, type: SubtagType) => {
    const part = parts[at];
    if (part === undefined || !pattern.test(part)) return false;
    subtags.push({ text: part, type });
    at++;
    return true;
  };
  if (!take(languagePattern, 'language') || parts[0]?.length === 4) return undefined;
  if ((parts[0] as string).length <= 3)
    for (let count = 0; count < 3 && take(extlangPattern, 'extlang'); count++);
  take(scriptPattern, 'script');
  take(regionPattern, 'region');
  const variants = new Set<string>();
  while (at < parts.length && variantPattern.test(parts[at] as string)) {
    if (variants.has(parts[at] as string)) return undefined;
    variants.add(parts[at] as string);
    take(variantPattern, 'variant');
  }
  const singletons = new Set<string>();
  while (at < parts.length && singletonPattern.test(parts[at] as string)) {
    if (singletons.has(parts[at] as string)) return undefined;
    singletons.add(parts[at] as string);
    at++;
    const start = at;
    while (at < parts.length && extensionPattern.test(parts[at] as string)) at++;
    if (at === start) return undefined;
  }
  if (parts[at] === 'x') {
    at++;
    const start = at;
    while (at < parts.length && privateUsePattern.test(parts[at] as string)) at++;
    if (at === start) return undefined;
  }
  return at === parts.length ? { subtags } : undefined;
}

/** A registry range such as `qaa..qtz` as its two ends, lower case. */
function rangeOf(subtag: string): [string, string] | undefined {
  const [from, to] = subtag.toLowerCase().split('..');
  return to === undefined ? undefined : [from as string, to];
}

/**
 * The registry built from its records: indexes are made on first use.
 *
 * @example createLanguageRegistry(records, '2025-08-25', ['en', 'pt-BR']).lookup('french').status // 'unknown'
 */
export function createLanguageRegistry(
  records: readonly RegistryRecord[],
  date: string,
  commonTags: readonly string[],
): LanguageRegistry {
  let subtagIndex: ReturnType<typeof buildSubtags> | undefined;
  let nameIndex: ReturnType<typeof buildNames> | undefined;
  const index = () => (subtagIndex ??= buildSubtags(records));
  const nameIndexes = () => {
    const { language, region } = index().subtags;
    return (nameIndex ??= buildNames(language, region, commonTags));
  };

  function find(type: SubtagType, text: string): Entry | undefined {
    const { subtags, ranges } = index();
    return (
      subtags[type].get(text) ??
      ranges[type].find(([[from, to]]) => text.length === from.length && from <= text && text <= to)?.[1]
    );
  }

  /**
   * What the registry says of a tag, with the description its name falls back to (the whole tag's, or
   * its language's) and whether that description is the whole tag's.
   */
  function inspect(tag: string): { found: TagLookup; description?: string; whole?: boolean } {
    const lower = tag.toLowerCase();
    const whole = index().tags.get(lower);
    if (whole && (whole.deprecated || whole.preferred)) {
      const found: TagLookup = {
        status: 'deprecated',
        deprecated: whole.written,
        preferred: whole.preferred,
      };
      return { found, description: whole.descriptions[0] as string, whole: true };
    }
    const parsed = parseTag(lower);
    if (!parsed) return { found: { status: 'malformed' } };
    const entries: Entry[] = [];
    for (const { text, type } of parsed.subtags) {
      const entry = find(type, text);
      if (!entry)
        return { found: { status: 'unknown', subtag: tag.split('-')[entries.length] as string, type } };
      entries.push(entry);
    }
    const description = (entries[0] as Entry).descriptions[0] as string;
    const deprecated = entries.findIndex((entry) => entry.deprecated || entry.preferred !== undefined);
    if (deprecated < 0) return { found: { status: 'valid' }, description };
    const entry = entries[deprecated] as Entry;
    const found: TagLookup = {
      status: 'deprecated',
      deprecated: entry.written,
      preferred: preferredTag(tag, parsed),
    };
    return { found, description };
  }

  const lookup = (tag: string): TagLookup => inspect(tag).found;

  /**
   * The tag with each deprecated subtag replaced by its preferred value; undefined when one has none. An
   * extended language replaces the language before it (`zh-yue` -> `yue`).
   */
  function preferredTag(tag: string, parsed: Parsed): string | undefined {
    const written = tag.split('-');
    const out: string[] = [];
    for (const [position, { text, type }] of parsed.subtags.entries()) {
      const entry = find(type, text) as Entry;
      if (!entry.deprecated && entry.preferred === undefined) out.push(written[position] as string);
      else if (entry.preferred === undefined) return undefined;
      else if (type === 'extlang') out.splice(-1, 1, entry.preferred);
      else out.push(entry.preferred);
    }
    return intlCanonical([...out, ...written.slice(parsed.subtags.length)].join('-'));
  }

  function nameOf(tag: string): string | undefined {
    const name = intlName(tag);
    return name === undefined || name.toLowerCase() === tag.toLowerCase() ? undefined : name;
  }

  /** A tag the registry holds as current, in `Intl`'s canonical form. */
  function current(tag: string): string | undefined {
    const canonical = intlCanonical(tag);
    return canonical !== undefined && lookup(canonical).status === 'valid' ? canonical : undefined;
  }

  function suggest(text: string): string | undefined {
    const { names, regions, commonNames } = nameIndexes();
    const name = normalizeName(text);
    const named = names.get(name);
    if (named) return named;
    // "Portuguese (Brazil)", "english united states": a language name, then a region name.
    const words = name.split(' ');
    for (let split = 1; split < words.length; split++) {
      const language = names.get(words.slice(0, split).join(' '));
      const region = regions.get(words.slice(split).join(' '));
      const combined = language && region ? current(`${language}-${region}`) : undefined;
      if (combined) return combined;
    }
    // "en_US", " fr ", "fre" (ISO 639-2), "iw": Intl's aliases, kept only when the registry agrees.
    const repaired = current(text.trim().replace(/_/g, '-'));
    if (repaired) return repaired;
    // "frnech", "Englsh": a likely typo of a major language's name.
    if (name.length < 4) return undefined;
    const closest = closestMatch(name, [...commonNames.keys()]);
    return closest && commonNames.get(closest);
  }

  return {
    date,
    lookup,
    suggest,
    name(tag) {
      const { description, whole } = inspect(tag);
      return description === undefined || whole ? description : (nameOf(tag) ?? description);
    },
  };
}

/** The registry's subtags by type and its whole tags (grandfathered and redundant), by lower case. */
function buildSubtags(records: readonly RegistryRecord[]) {
  const types: SubtagType[] = ['language', 'extlang', 'script', 'region', 'variant'];
  const subtags = Object.fromEntries(types.map((type) => [type, new Map<string, Entry>()])) as Record<
    SubtagType,
    Map<string, Entry>
  >;
  const ranges = Object.fromEntries(types.map((type) => [type, []])) as unknown as Record<
    SubtagType,
    [[string, string], Entry][]
  >;
  const tags = new Map<string, Entry>();
  const entryOf = (record: RegistryRecord, written: string): Entry => ({
    written,
    descriptions: record.Description,
    deprecated: record.Deprecated !== undefined,
    preferred: record['Preferred-Value'],
  });
  for (const record of records) {
    if (record.Tag !== undefined) {
      tags.set(record.Tag.toLowerCase(), entryOf(record, record.Tag));
    } else if (record.Subtag !== undefined && (types as string[]).includes(record.Type)) {
      const type = record.Type as SubtagType;
      const range = rangeOf(record.Subtag);
      if (range) ranges[type].push([range, entryOf(record, record.Subtag)]);
      else subtags[type].set(record.Subtag.toLowerCase(), entryOf(record, record.Subtag));
    }
  }

  return { subtags, ranges, tags };
}

/** Names to tags (lower case, see `normalizeName`); the names of the two-letter languages by themselves. */
function buildNames(
  language: ReadonlyMap<string, Entry>,
  region: ReadonlyMap<string, Entry>,
  commonTags: readonly string[],
) {
  // Names to tags, the first one kept: Intl's English names of the common tags ("Brazilian Portuguese",
  // "Portuguese (Brazil)") and of the two-letter languages ("Greek", not the registry's "Modern Greek
  // (1453-)"), their own names ("français"), then every current language's registry descriptions, with
  // and without their parenthesised part ("Swahili (macrolanguage)").
  const names = new Map<string, string>();
  const add = (name: string | undefined, tag: string) => {
    const key = name === undefined ? '' : normalizeName(name);
    if (key !== '' && !names.has(key)) names.set(key, tag);
  };
  const standardNames = new Intl.DisplayNames(['en'], {
    type: 'language',
    languageDisplay: 'standard',
    fallback: 'none',
  });
  for (const tag of commonTags) {
    add(englishNames.of(tag), tag);
    add(standardNames.of(tag), tag);
  }
  const current = [...language.values()].filter((entry) => !entry.deprecated);
  const twoLetter = current.filter((entry) => entry.written.length === 2);
  const commonNames = new Map<string, string>();
  for (const entry of twoLetter) {
    const name = englishNames.of(entry.written);
    add(name, entry.written);
    if (name !== undefined) commonNames.set(normalizeName(name), entry.written);
    add(
      new Intl.DisplayNames([entry.written], { type: 'language', fallback: 'none' }).of(entry.written),
      entry.written,
    );
  }
  for (const entry of current) for (const description of entry.descriptions) add(description, entry.written);
  for (const entry of current) {
    for (const description of entry.descriptions)
      add(description.replace(/\s*\([^)]*\)/g, ''), entry.written);
  }

  const regions = new Map<string, string>();
  for (const entry of region.values()) {
    if (entry.deprecated) continue;
    for (const name of entry.descriptions)
      if (name !== 'Private use') regions.set(normalizeName(name), entry.written);
  }
  return { names, regions, commonNames };
}
