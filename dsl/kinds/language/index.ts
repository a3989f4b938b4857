/**
 * Languages: BCP 47 tags in quotes (device language). A tag without a region matches all its regions;
 * case and `_` / `-` do not matter, and tags are put in canonical form at compile time.
 *
 * A tag is checked against the IANA Language Subtag Registry (registry.ts, through `#language-registry`):
 * each of its language, extended language, script, region and variant subtags must be registered, a
 * deprecated one is a warning with its preferred value, and a text that is not a tag ("french") gets the
 * tag it probably means ("fr"). Matching (runtime.ts, in the widget) does not use the registry.
 */
import { languageRegistry } from '#language-registry';
import { z } from 'zod';
import type { FieldEntry } from '../../catalog/types.ts';
import type { CompletionItem } from '../../editor/complete.ts';
import type { StringValue, Value } from '../../model/ast.ts';
import { replaceFix } from '../../model/diagnostic.ts';
import { encodeString } from '../../syntax/strings.ts';
import type { MatchKind, ValueReport } from '../kind.ts';
import { emptyString, fitsStrings, listNote, listSnippet, validateStrings } from '../string-values.ts';
import type { LanguageRegistry, SubtagType } from './registry.ts';
import { canonicalLanguage, languageRuntime } from './runtime.ts';
import { suggestedLanguages } from './suggested.ts';

export { suggestedLanguages };

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * The English name of a language tag, or the tag itself when it has none.
 *
 * @example languageName('pt-BR') // 'Brazilian Portuguese'
 */
export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) as string;
  } catch {
    return tag;
  }
}

/** Tags already canonicalised (a long rule repeats the same few; `Intl` is slow to ask). */
const canonicalTags = new Map<string, string | undefined>();

function canonicalTag(text: string): string | undefined {
  if (canonicalTags.has(text)) return canonicalTags.get(text);
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(text)[0];
  } catch {
    canonical = undefined;
  }
  if (canonicalTags.size >= 1000) canonicalTags.clear();
  canonicalTags.set(text, canonical);
  return canonical;
}

/** The codes of this kind, with their meaning (docs/dsl.md lists them). */
const languageCodes = {
  'invalid-language': 'A language is not a BCP 47 tag ("en_US", "Portuguese (Brazil)").',
  'unknown-language':
    'A language tag is well-formed, but a subtag of it is not in the IANA Language Subtag Registry ("french", "zz", "en-UK").',
  'deprecated-language':
    'A language tag is deprecated in the IANA Language Subtag Registry ("iw"); write its preferred value ("he") (warning).',
} as const;

/** What is wrong with a written language, with the tag that was probably meant. */
interface LanguageProblem {
  code: keyof typeof languageCodes;
  severity: 'error' | 'warning';
  /** Why, after "is not a language tag" or as the whole sentence of a deprecation. */
  reason: string;
  /** A registered, current tag to write instead, if one is likely. */
  suggestion: string | undefined;
}

const subtagWords: Record<SubtagType, string> = {
  language: 'language',
  extlang: 'extended language',
  script: 'script',
  region: 'region',
  variant: 'variant',
};

/**
 * The problem of a written language, or undefined when it is a registered, current tag. Without the
 * registry (a browser before `loadLanguageRegistry()`), only well-formedness is checked.
 */
function problemOf(text: string, registry: LanguageRegistry | undefined): LanguageProblem | undefined {
  const wellFormed = text !== '' && canonicalTag(text) !== undefined;
  if (!registry) {
    if (wellFormed) return undefined;
    const repaired = text.trim().replace(/_/g, '-');
    const suggestion = repaired === '' ? undefined : canonicalTag(repaired);
    return { code: 'invalid-language', severity: 'error', reason: '', suggestion };
  }
  const found = registry.lookup(text);
  if (found.status === 'valid' && wellFormed) return undefined;
  if (found.status === 'deprecated') {
    const written =
      found.deprecated.toLowerCase() === text.toLowerCase() ? '' : ` uses "${found.deprecated}", which`;
    const replaced = found.preferred ? `write "${found.preferred}" instead` : 'nothing replaces it';
    return wellFormed
      ? {
          code: 'deprecated-language',
          severity: 'warning',
          reason: `${encodeString(text)}${written} is deprecated in the IANA Language Subtag Registry: ${replaced}.`,
          suggestion: found.preferred,
        }
      : {
          code: 'invalid-language',
          severity: 'error',
          reason: 'it is a deprecated form devices do not report',
          suggestion: found.preferred,
        };
  }
  const suggestion = registry.suggest(text);
  if (!wellFormed || found.status !== 'unknown')
    return { code: 'invalid-language', severity: 'error', reason: '', suggestion };
  return {
    code: 'unknown-language',
    severity: 'error',
    reason: `the IANA Language Subtag Registry has no ${subtagWords[found.type]} "${found.subtag}"`,
    suggestion,
  };
}

/** `"fr" (French)`: a suggested tag with its name. */
function suggestionText(tag: string, registry: LanguageRegistry | undefined): string {
  return `"${tag}" (${registry?.name(tag) ?? languageName(tag)})`;
}

const examples = 'Write a BCP 47 tag such as "fr", "en-GB" or "pt-BR".';

/** The diagnostic message of a problem. */
function messageOf(text: string, problem: LanguageProblem, registry: LanguageRegistry | undefined): string {
  if (problem.severity === 'warning') return problem.reason;
  const why = problem.reason === '' ? '' : `: ${problem.reason}`;
  const next = problem.suggestion
    ? `Did you mean ${suggestionText(problem.suggestion, registry)}?`
    : examples;
  return `${encodeString(text)} is not a language tag${why}. ${next}`;
}

/** Problems already found, per registry (a long rule repeats the same few tags; they never change). */
const problemsByRegistry = new WeakMap<object, Map<string, LanguageProblem | undefined>>();
const noRegistry = {};

/** {@link problemOf}, remembered for the last thousand texts of each registry. */
function knownProblemOf(text: string, registry: LanguageRegistry | undefined): LanguageProblem | undefined {
  let known = problemsByRegistry.get(registry ?? noRegistry);
  if (!known) problemsByRegistry.set(registry ?? noRegistry, (known = new Map()));
  if (known.has(text)) return known.get(text);
  const problem = problemOf(text, registry);
  if (known.size >= 1000) known.clear();
  known.set(text, problem);
  return problem;
}

function checkLanguage(item: StringValue, report: ValueReport, registry: LanguageRegistry | undefined): void {
  const problem = knownProblemOf(item.value, registry);
  if (!problem) return;
  const fix = problem.suggestion ? replaceFix(item.range, encodeString(problem.suggestion)) : null;
  report[problem.severity](problem.code, item.range, messageOf(item.value, problem, registry), fix);
}

/**
 * A bare word where a quoted tag belongs and it is not a tag (`is french`): the fix writes the tag it
 * means, quoted. A word that is a tag (`is fr`) gets validateStrings' "put it in quotes".
 */
function checkBareWord(
  value: Extract<Value, { kind: 'symbol' }>,
  field: FieldEntry,
  report: ValueReport,
  problem: LanguageProblem,
  registry: LanguageRegistry | undefined,
): void {
  const tag = problem.suggestion;
  report.error(
    'invalid-value',
    value.range,
    tag
      ? `Write the language as a tag in double quotes: ${suggestionText(tag, registry)}. ${field.name} compares language tags, not words.`
      : `${value.name} is not a language tag. Write a BCP 47 tag in double quotes, such as "fr", "en-GB" or "pt-BR".`,
    tag ? replaceFix(value.range, encodeString(tag)) : null,
  );
}

const code = (text: string) => `\`${text}\``;

/**
 * The language kind over a registry source: `languageRegistry` (the registry once loaded) for the
 * built-in kind; tests pass one that is never loaded.
 *
 * @example createLanguageKind(() => undefined) // checks well-formedness only, as a browser before loading
 */
export function createLanguageKind(
  registry: () => LanguageRegistry | undefined,
): MatchKind<'language', string> {
  return {
    name: 'language',
    operators: ['is', 'is_not'],
    diagnosticCodes: languageCodes,
    runtime: languageRuntime,
    contextValue: () =>
      z
        .string()
        .refine(
          (tag) => canonicalLanguage(tag) !== null,
          'expected a BCP 47 language tag such as "fr" or "pt-BR"',
        ),
    validate(value, field, report) {
      const loaded = registry();
      const wordProblem = value.kind === 'symbol' && loaded ? problemOf(value.name, loaded) : undefined;
      if (value.kind === 'symbol' && wordProblem) checkBareWord(value, field, report, wordProblem, loaded);
      else validateStrings(value, field, report, (item) => checkLanguage(item, report, loaded));
    },
    completeValue: (field) => [
      ...suggestedLanguages.map((tag): CompletionItem => ({
        label: encodeString(tag),
        kind: 'value',
        insertText: encodeString(tag),
        detail: languageName(tag),
      })),
      listSnippet(field),
    ],
    hoverValue(value) {
      const loaded = registry();
      const problem = problemOf(value, loaded);
      const name = loaded?.name(value) ?? languageName(value);
      const shown = value === '' ? '""' : value;
      if (!problem) return `**${shown}** — ${name}`;
      if (problem.severity === 'warning') return `**${shown}** — ${name}\n\n⚠️ ${problem.reason}`;
      const next = problem.suggestion
        ? ` — did you mean ${suggestionText(problem.suggestion, loaded)}?`
        : `. ${examples}`;
      const why =
        problem.reason === '' ? '' : `\n\n${problem.reason.replace(/^./, (first) => first.toUpperCase())}.`;
      return `⚠️ **${shown}** is not a language tag${next}${why}`;
    },
    compileValue: (value) => {
      const tag = value as string;
      return canonicalLanguage(tag) ?? tag.toLowerCase();
    },
    describeValues: (field) => `a language tag in quotes, e.g. ${code(field.example)}${listNote(field)}`,
    documentValues: () =>
      `- **A language** is a BCP 47 tag in quotes, such as ${suggestedLanguages
        .slice(0, 4)
        .map((tag) => code(`"${tag}"`))
        .join(', ')}.`,
    valueControl: (field) => ({
      control: 'language',
      allowsList: field.allowsList,
      suggestions: suggestedLanguages,
    }),
    defaultValue: emptyString,
    fitsValue: fitsStrings,
    sampleControl: () => ({ control: 'text' }),
    sampleDefault: (field, environment) => environment.language ?? field.sample ?? 'en-US',
  };
}

export const languageKind: MatchKind<'language', string> = createLanguageKind(languageRegistry);
