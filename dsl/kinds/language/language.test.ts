import { describe, expect, it } from 'vitest';
import { fieldByName } from '../../catalog/catalog.ts';
import type { FieldEntry } from '../../catalog/types.ts';
import type { StringValue, Value } from '../../model/ast.ts';
import type { ValueReport } from '../kind.ts';
import { createLanguageKind, languageKind } from './index.ts';
import { createLanguageRegistry, intlName, normalizeName, type RegistryRecord } from './registry.ts';
import { registry } from './registry-data.ts';
import * as lazy from './registry-lazy.ts';
import * as node from './registry-node.ts';
import * as workers from './registry-static.ts';

const field = fieldByName('device.language') as FieldEntry;
const range = { start: 0, end: 3 };

function reported(kind: typeof languageKind, value: Value): string[] {
  const lines: string[] = [];
  const push = (severity: string) => (code: string, _range: unknown, message: string, fix?: unknown) =>
    lines.push(
      `${severity} ${code}: ${message}${fix ? ` [fix ${(fix as { edits: { text: string }[] }).edits[0]?.text}]` : ''}`,
    );
  const report: ValueReport = { error: push('error'), warning: push('warning') };
  kind.validate(value, field, report);
  return lines;
}

const str = (value: string): StringValue => ({ kind: 'string', value, range });
const word = (name: string): Value => ({ kind: 'symbol', name, range });
const check = (value: string) => reported(languageKind, str(value));

describe('the IANA registry', () => {
  it('comes from the language-subtag-registry package', () => {
    expect(registry.date).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(workers.languageRegistry()).toBe(registry);
    expect(node.languageRegistry()?.date).toBe(registry.date);
    expect(node.languageRegistry()?.lookup('iw')).toEqual(registry.lookup('iw'));
  });

  it('accepts tags whose subtags are all registered, whatever their case', () => {
    for (const tag of [
      'fr',
      'FR-ca',
      'yue',
      'zh-Hant-TW',
      'es-419',
      'de-CH-1901',
      'sl-rozaj-biske',
      'en-US-u-ca-gregory',
      'en-a-bbb-x-private',
      'qaa',
      'en-XA',
      'und',
    ]) {
      expect(registry.lookup(tag), tag).toMatchObject({ status: 'valid' });
    }
    expect(registry.lookup('fr-CA')).toEqual({ status: 'valid' });
  });

  it('answers the same for a tag however many other tags were checked before (a bounded cache)', () => {
    const first = check('en_US');
    for (let index = 0; index < 1100; index++) check(`x-tag${index}`);
    expect(check('en_US')).toEqual(first);
    expect(check('fr-CA')).toEqual([]);
  });

  it('names the subtag it does not know', () => {
    expect(registry.lookup('french')).toEqual({ status: 'unknown', subtag: 'french', type: 'language' });
    expect(registry.lookup('zz')).toEqual({ status: 'unknown', subtag: 'zz', type: 'language' });
    expect(registry.lookup('en-UK')).toEqual({ status: 'unknown', subtag: 'UK', type: 'region' });
    expect(registry.lookup('zh-Hanx')).toEqual({ status: 'unknown', subtag: 'Hanx', type: 'script' });
    expect(registry.lookup('de-12345')).toEqual({ status: 'unknown', subtag: '12345', type: 'variant' });
    expect(registry.lookup('zh-abc')).toEqual({ status: 'unknown', subtag: 'abc', type: 'extlang' });
    expect(registry.lookup('qzz')).toEqual({ status: 'unknown', subtag: 'qzz', type: 'language' });
  });

  it('refuses what is not RFC 5646 syntax', () => {
    for (const tag of [
      '',
      'en_US',
      'x-klingon',
      'abcd',
      'e',
      'Portuguese (Brazil)',
      'de-1901-1901',
      'en-a-bbb-a-ccc',
      'en-a',
      'en-x',
      'en-US-',
      'i-default',
    ]) {
      expect(registry.lookup(tag), tag).toEqual({ status: 'malformed' });
    }
  });

  it('gives the preferred value of deprecated subtags and tags', () => {
    expect(registry.lookup('iw')).toEqual({
      status: 'deprecated',
      deprecated: 'iw',
      preferred: 'he',
    });
    expect(registry.lookup('iw-il')).toMatchObject({ deprecated: 'iw', preferred: 'he-IL' });
    expect(registry.lookup('en-BU')).toMatchObject({ deprecated: 'BU', preferred: 'en-MM' });
    expect(registry.lookup('ja-Latn-heploc')).toMatchObject({
      deprecated: 'heploc',
      preferred: 'ja-Latn-alalc97',
    });
    expect(registry.lookup('ar-afb')).toMatchObject({ deprecated: 'afb', preferred: 'afb' });
    expect(registry.lookup('zh-yue')).toMatchObject({ deprecated: 'zh-yue', preferred: 'yue' });
    expect(registry.lookup('i-klingon')).toMatchObject({ deprecated: 'i-klingon', preferred: 'tlh' });
    expect(registry.lookup('en-AN')).toMatchObject({ deprecated: 'AN', preferred: undefined });
    expect(registry.lookup('zh-min')).toMatchObject({ deprecated: 'zh-min', preferred: undefined });
  });

  it('suggests the tag meant by a name, a misspelt tag or a typo', () => {
    const cases: [string, string | undefined][] = [
      ['French', 'fr'],
      ['english', 'en'],
      ['Greek', 'el'],
      ['français', 'fr'],
      ['Deutsch', 'de'],
      ['Klingon', 'tlh'],
      ['Cantonese', 'yue'],
      ['Swahili', 'sw'],
      ['Portuguese (Brazil)', 'pt-BR'],
      ['brazilian portuguese', 'pt-BR'],
      ['English (United States)', 'en-US'],
      ['French Canada', 'fr-CA'],
      ['German (Switzerland)', 'de-CH'],
      ['spanish mexico', 'es-MX'],
      ['en_US', 'en-US'],
      [' fr ', 'fr'],
      ['fre', 'fr'],
      ['ger', 'de'],
      ['en-UK', 'en-GB'],
      ['frnech', 'fr'],
      ['Englsh', 'en'],
      ['zz', undefined],
      ['zzzzzz', undefined],
      ['Klingon Mars', undefined],
      ['Brazilian Portuguese Brazil', undefined],
    ];
    for (const [text, tag] of cases) expect(registry.suggest(text), text).toBe(tag);
  });

  it('names tags in English: Intl first, else the registry', () => {
    expect(registry.name('pt-BR')).toBe('Brazilian Portuguese');
    expect(registry.name('aaa')).toBe('Ghotuo');
    expect(registry.name('iw')).toBe('Hebrew');
    expect(registry.name('iw-IL')).toBe('Hebrew (Israel)');
    expect(registry.name('i-klingon')).toBe('Klingon');
    expect(registry.name('zh-min')).toBe('Min, Fuzhou, Hokkien, Amoy, or Taiwanese');
    expect(registry.name('zz')).toBeUndefined();
    expect(registry.name('en_US')).toBeUndefined();
    expect(intlName('fr-CA')).toBe('Canadian French');
    expect(intlName('qaa')).toBeUndefined();
    expect(intlName('en_US')).toBeUndefined();
  });

  it('builds from any records, and compares names without case, accents or punctuation', () => {
    const records: RegistryRecord[] = [
      { Type: 'language', Subtag: 'xa', Description: ['Example (one)'] },
      { Type: 'region', Subtag: 'XB', Description: ['Private use'] },
      { Type: 'language', Subtag: 'xc', Description: ['Old'], Deprecated: '2000-01-01' },
      { Type: 'collection', Subtag: 'xd', Description: ['Ignored'] },
    ];
    const small = createLanguageRegistry(records, '2000-01-01', []);
    expect(small.suggest('Example')).toBe('xa');
    expect(small.suggest('example (ONE)')).toBe('xa');
    expect(small.suggest('example private use')).toBeUndefined();
    expect(small.suggest('Old')).toBeUndefined();
    expect(small.lookup('xc')).toEqual({ status: 'deprecated', deprecated: 'xc', preferred: undefined });
    expect(small.name('xc')).toBe('Old');
    expect(small.lookup('xd')).toMatchObject({ status: 'unknown' });
    expect(normalizeName('  Portuguese (Brazil) ')).toBe('portuguese brazil');
    expect(normalizeName('Provençal')).toBe('provencal');
  });
});

describe('loading the registry', () => {
  it('is immediate outside browsers', async () => {
    expect(await node.loadLanguageRegistry()).toBe(node.languageRegistry());
    expect(await workers.loadLanguageRegistry()).toBe(registry);
  });

  it('is a separate chunk in browsers, loaded once on demand', async () => {
    expect(lazy.languageRegistry()).toBeUndefined();
    const loaded = await lazy.loadLanguageRegistry();
    expect(loaded).toBe(registry);
    expect(lazy.languageRegistry()).toBe(registry);
    expect(await lazy.loadLanguageRegistry()).toBe(loaded);
  });
});

describe('the language kind checks tags against the registry', () => {
  it('accepts registered tags', () => {
    expect(check('pt-BR')).toEqual([]);
    expect(check('zh-Hant-TW')).toEqual([]);
    expect(reported(languageKind, { kind: 'list', items: [str('fr'), str('de-CH')] })).toEqual([]);
  });

  it('reports a misspelt language with the tag meant', () => {
    expect(check('french')).toEqual([
      'error unknown-language: "french" is not a language tag: the IANA Language Subtag Registry has no language "french". Did you mean "fr" (French)? [fix "fr"]',
    ]);
    expect(check('english')).toEqual([
      'error unknown-language: "english" is not a language tag: the IANA Language Subtag Registry has no language "english". Did you mean "en" (English)? [fix "en"]',
    ]);
    expect(check('zz')).toEqual([
      'error unknown-language: "zz" is not a language tag: the IANA Language Subtag Registry has no language "zz". Write a BCP 47 tag such as "fr", "en-GB" or "pt-BR".',
    ]);
    expect(check('en-UK')).toEqual([
      'error unknown-language: "en-UK" is not a language tag: the IANA Language Subtag Registry has no region "UK". Did you mean "en-GB" (British English)? [fix "en-GB"]',
    ]);
  });

  it('reports what is not a tag, with the tag meant', () => {
    expect(check('Portuguese (Brazil)')).toEqual([
      'error invalid-language: "Portuguese (Brazil)" is not a language tag. Did you mean "pt-BR" (Brazilian Portuguese)? [fix "pt-BR"]',
    ]);
    expect(check('i-klingon')).toEqual([
      'error invalid-language: "i-klingon" is not a language tag: it is a deprecated form devices do not report. Did you mean "tlh" (Klingon)? [fix "tlh"]',
    ]);
  });

  it('warns about deprecated tags, with their preferred value', () => {
    expect(check('iw')).toEqual([
      'warning deprecated-language: "iw" is deprecated in the IANA Language Subtag Registry: write "he" instead. [fix "he"]',
    ]);
    expect(check('iw-IL')).toEqual([
      'warning deprecated-language: "iw-IL" uses "iw", which is deprecated in the IANA Language Subtag Registry: write "he-IL" instead. [fix "he-IL"]',
    ]);
    expect(check('en-AN')).toEqual([
      'warning deprecated-language: "en-AN" uses "AN", which is deprecated in the IANA Language Subtag Registry: nothing replaces it.',
    ]);
  });

  it('fixes a bare word into the tag it means', () => {
    expect(reported(languageKind, word('french'))).toEqual([
      'error invalid-value: Write the language as a tag in double quotes: "fr" (French). device.language compares language tags, not words. [fix "fr"]',
    ]);
    expect(reported(languageKind, word('pt_BR'))).toEqual([
      'error invalid-value: Write the language as a tag in double quotes: "pt-BR" (Brazilian Portuguese). device.language compares language tags, not words. [fix "pt-BR"]',
    ]);
    expect(reported(languageKind, word('zz'))).toEqual([
      'error invalid-value: zz is not a language tag. Write a BCP 47 tag in double quotes, such as "fr", "en-GB" or "pt-BR".',
    ]);
    expect(reported(languageKind, word('fr'))).toEqual([
      'error invalid-value: Put the value in double quotes: "fr". device.language compares text, not a word of the language. [fix "fr"]',
    ]);
  });

  it('hovers with the name, or what is wrong', () => {
    expect(languageKind.hoverValue('fr-CA', field)).toBe('**fr-CA** — Canadian French');
    expect(languageKind.hoverValue('aaa', field)).toBe('**aaa** — Ghotuo');
    expect(languageKind.hoverValue('french', field)).toBe(
      '⚠️ **french** is not a language tag — did you mean "fr" (French)?\n\nThe IANA Language Subtag Registry has no language "french".',
    );
    expect(languageKind.hoverValue('zz', field)).toBe(
      '⚠️ **zz** is not a language tag. Write a BCP 47 tag such as "fr", "en-GB" or "pt-BR".\n\nThe IANA Language Subtag Registry has no language "zz".',
    );
    expect(languageKind.hoverValue('en_US', field)).toBe(
      '⚠️ **en_US** is not a language tag — did you mean "en-US" (American English)?',
    );
    expect(languageKind.hoverValue('', field)).toBe(
      '⚠️ **""** is not a language tag. Write a BCP 47 tag such as "fr", "en-GB" or "pt-BR".',
    );
    expect(languageKind.hoverValue('iw', field)).toBe(
      '**iw** — Hebrew\n\n⚠️ "iw" is deprecated in the IANA Language Subtag Registry: write "he" instead.',
    );
  });
});

describe('the language kind before the registry is loaded (a browser)', () => {
  const unloaded = createLanguageKind(() => undefined);

  it('checks only that tags are well-formed', () => {
    expect(reported(unloaded, str('french'))).toEqual([]);
    expect(reported(unloaded, str('fr_CA'))).toEqual([
      'error invalid-language: "fr_CA" is not a language tag. Did you mean "fr-CA" (Canadian French)? [fix "fr-CA"]',
    ]);
    expect(reported(unloaded, str(' '))).toEqual([
      'error invalid-language: " " is not a language tag. Write a BCP 47 tag such as "fr", "en-GB" or "pt-BR".',
    ]);
    expect(reported(unloaded, word('french'))).toEqual([
      'error invalid-value: Put the value in double quotes: "french". device.language compares text, not a word of the language. [fix "french"]',
    ]);
  });

  it('names tags with Intl', () => {
    expect(unloaded.hoverValue('fr-CA', field)).toBe('**fr-CA** — Canadian French');
    expect(unloaded.hoverValue('fr_CA', field)).toBe(
      '⚠️ **fr_CA** is not a language tag — did you mean "fr-CA" (Canadian French)?',
    );
  });
});
