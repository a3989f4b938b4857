import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, parse } from '../language.ts';
import type { Rule } from '../model/ast.ts';
import { createEvaluator } from '../runtime/evaluator.ts';
import { builtinRuntimeKinds } from './builtin-runtime.ts';
import { canonicalLanguage, languageMatches, prepareLanguage } from './language/runtime.ts';
import { readString, standardTest } from './runtime.ts';
import { foldCase, textRuntime } from './text/runtime.ts';

describe('foldCase', () => {
  it('lower-cases Unicode text independently of the locale', () => {
    expect(foldCase('PRICING')).toBe('pricing');
    expect(foldCase('Été À Paris 👋')).toBe('été à paris 👋');
    expect(foldCase('İSTANBUL')).toBe('istanbul');
  });

  it('matches caselessly in every script: the cases that failed with lower-casing alone', () => {
    const fires = (text: string, title: string) =>
      createEvaluator(compile(parse(text).rule as Rule))({
        visitor: { page_title: title },
        device: {},
        event: { type: 'page_load' },
      }).fires;
    expect(fires('when visitor.page_title contains "istanbul"', 'İSTANBUL')).toBe(true);
    expect(fires('when visitor.page_title is "STRASSE"', 'straße')).toBe(true);
    expect(fires('when visitor.page_title is "STRAẞE"', 'strasse')).toBe(true);
    expect(fires('when visitor.page_title contains "fi"', 'ﬁle')).toBe(true);
    expect(fires('when visitor.page_title is "café"', 'cafe\u0301')).toBe(true);
    expect(fires('when visitor.page_title is "cafe\u{301}"', 'CAFÉ')).toBe(true);
    expect(fires('when visitor.page_title contains "pricing"', 'ＰＲＩＣＩＮＧ')).toBe(true);
    expect(fires('when visitor.page_title is "ｐｒｉｃｉｎｇ"', 'Pricing')).toBe(true);
    expect(fires('when visitor.page_title contains "ὈΔΥΣΣΕΎΣ"', 'ὀδυσσεύς')).toBe(true);
    expect(fires('when visitor.page_title is "paris"', 'pariser')).toBe(false);
  });

  it('folds rule values once at compile time, and again for rules compiled by lower-casing only', () => {
    expect(compile(parse('when visitor.page_title is "STRAẞE"').rule as Rule).when).toMatchObject({
      values: ['strasse'],
    });
    const legacy = textRuntime.test('is', ['straße']) as (actual: string) => boolean;
    expect(legacy(textRuntime.prepare('STRASSE') as string)).toBe(true);
  });

  it('is idempotent and equates a text with its upper, lower and decomposed forms (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (text) => {
        const folded = foldCase(text);
        expect(foldCase(folded)).toBe(folded);
        expect(foldCase(text.toUpperCase())).toBe(folded);
        expect(foldCase(text.toLowerCase())).toBe(folded);
        expect(foldCase(text.normalize('NFD'))).toBe(folded);
      }),
      { seed: 7, numRuns: 5000 },
    );
  });

  it('folds the Greek final sigma so words match anywhere', () => {
    expect(foldCase('ΟΔΟΣ')).toBe('οδοσ');
    expect(foldCase('οδος')).toBe('οδοσ');
  });
});

describe('canonicalLanguage', () => {
  it('canonicalises and lower-cases BCP 47 tags', () => {
    expect(canonicalLanguage('fr-CA')).toBe('fr-ca');
    expect(canonicalLanguage('PT_br')).toBe('pt-br');
    expect(canonicalLanguage('zh-hant-tw')).toBe('zh-hant-tw');
  });

  it('answers null for text that is not a tag', () => {
    expect(canonicalLanguage('')).toBeNull();
    expect(canonicalLanguage('french!')).toBeNull();
  });
});

describe('language matching', () => {
  it('a tag matches itself and its more specific tags only', () => {
    expect(languageMatches('fr', 'fr')).toBe(true);
    expect(languageMatches('fr-ca', 'fr')).toBe(true);
    expect(languageMatches('fr-ca', 'fr-ca')).toBe(true);
    expect(languageMatches('fr', 'fr-ca')).toBe(false);
    expect(languageMatches('fr-fr', 'fr-ca')).toBe(false);
    expect(languageMatches('fry', 'fr')).toBe(false);
  });

  it('prepares device languages, falling back to lower case for non-tags, and stays bounded', () => {
    expect(prepareLanguage('fr_CA')).toBe('fr-ca');
    expect(prepareLanguage('fr_CA')).toBe('fr-ca');
    expect(prepareLanguage('Not A Tag!')).toBe('not a tag!');
    for (let index = 0; index < 100; index++) expect(prepareLanguage(`x-${index}`)).toBe(`x-${index}`);
  });
});

describe('the standard operators', () => {
  const test = standardTest();
  it('is / is not: one of the values, or none of them', () => {
    expect(test('is', ['a'])?.('a')).toBe(true);
    expect(test('is', ['a', 'b'])?.('b')).toBe(true);
    expect(test('is_not', ['a'])?.('a')).toBe(false);
    expect(test('is_not', ['a', 'b'])?.('c')).toBe(true);
  });

  it('contains / does not contain: substrings, values taken literally', () => {
    expect(test('contains', ['ric'])?.('pricing')).toBe(true);
    expect(test('contains', ['x.y', '(z'])?.('a(z')).toBe(true);
    expect(test('does_not_contain', ['x.y', '(z'])?.('xzy')).toBe(true);
    expect(test('does_not_contain', ['ric'])?.('pricing')).toBe(false);
  });

  it('has no other operator', () => {
    expect(test('matches', ['a'])).toBeUndefined();
  });

  it('uses the kind’s own equality when it has one', () => {
    expect(standardTest(languageMatches)('is', ['fr'])?.('fr-ca')).toBe(true);
    expect(standardTest(languageMatches)('is_not', ['fr', 'de'])?.('fr-ca')).toBe(false);
  });
});

describe('runtime kinds', () => {
  it('read strings only, and prepare them the way the compiler prepared rule values', () => {
    expect(readString('x')).toBe('x');
    expect(readString(1)).toBeNull();
    const { text, symbol, language } = builtinRuntimeKinds;
    expect(text?.prepare('PRICING')).toBe('pricing');
    expect(symbol?.prepare('New_User')).toBe('New_User');
    expect(language?.prepare('pt_BR')).toBe('pt-br');
    expect(language?.test('is', ['pt'])?.('pt-br')).toBe(true);
    expect(symbol?.test('is', ['new_user'])?.('new_user')).toBe(true);
  });
});
