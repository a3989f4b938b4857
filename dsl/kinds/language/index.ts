/**
 * Languages: BCP 47 tags in quotes (device language). A tag without a region matches all its regions;
 * case and `_` / `-` do not matter, and tags are put in canonical form at compile time.
 */
import { z } from 'zod';
import type { CompletionItem } from '../../editor/complete.ts';
import { replaceFix } from '../../model/diagnostic.ts';
import type { StringValue } from '../../model/ast.ts';
import { encodeString } from '../../syntax/strings.ts';
import type { MatchKind, ValueReport } from '../kind.ts';
import { emptyString, fitsStrings, listNote, listSnippet, validateStrings } from '../string-values.ts';
import { canonicalLanguage, languageRuntime } from './runtime.ts';

/** Languages offered by pickers (any valid BCP 47 tag is accepted in text). Labels come from `Intl.DisplayNames`. */
export const suggestedLanguages: readonly string[] = [
  'ar',
  'da',
  'de',
  'en',
  'en-GB',
  'en-US',
  'es',
  'es-419',
  'fi',
  'fr',
  'fr-CA',
  'he',
  'hi',
  'it',
  'ja',
  'ko',
  'nl',
  'no',
  'pl',
  'pt',
  'pt-BR',
  'ru',
  'sv',
  'th',
  'tr',
  'uk',
  'zh-CN',
  'zh-TW',
];

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

function canonicalTag(text: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(text)[0];
  } catch {
    return undefined;
  }
}

function checkLanguage(item: StringValue, report: ValueReport): void {
  if (item.value !== '' && canonicalTag(item.value) !== undefined) return;
  const repaired = item.value.trim().replace(/_/g, '-');
  const suggestion = repaired === '' ? undefined : canonicalTag(repaired);
  report.error(
    'invalid-language',
    item.range,
    `${encodeString(item.value)} is not a language tag. Write a BCP 47 tag such as "fr", "en-GB" or "pt-BR"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`,
    suggestion ? replaceFix(item.range, encodeString(suggestion)) : null,
  );
}

const code = (text: string) => `\`${text}\``;

export const languageKind: MatchKind<'language', string> = {
  name: 'language',
  operators: ['is', 'is_not'],
  diagnosticCodes: { 'invalid-language': 'A language is not a BCP 47 tag.' },
  runtime: languageRuntime,
  contextValue: () =>
    z
      .string()
      .refine(
        (tag) => canonicalLanguage(tag) !== null,
        'expected a BCP 47 language tag such as "fr" or "pt-BR"',
      ),
  validate(value, field, report) {
    validateStrings(value, field, report, (item) => checkLanguage(item, report));
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
  hoverValue: (value) => `**${value}** — ${languageName(value)}`,
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
