import { describe, expect, it } from 'vitest';
import { languageMatches, matchers, prepareLanguage } from './matchers.ts';

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

describe('matchers by kind', () => {
  it('text folds case, symbols stay as they are', () => {
    expect(matchers.text.prepare('PRICING')).toBe('pricing');
    expect(matchers.symbol.prepare('New_User')).toBe('New_User');
    expect(matchers.symbol.equals('new_user', 'new_user')).toBe(true);
    expect(matchers.text.equals('a', 'b')).toBe(false);
    expect(matchers.language.equals('pt-br', 'pt')).toBe(true);
  });
});
