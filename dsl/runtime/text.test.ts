import { describe, expect, it } from 'vitest';
import { canonicalLanguage, foldCase } from './text.ts';

describe('foldCase', () => {
  it('lower-cases Unicode text independently of the locale', () => {
    expect(foldCase('PRICING')).toBe('pricing');
    expect(foldCase('Été À Paris 👋')).toBe('été à paris 👋');
    expect(foldCase('İSTANBUL')).toBe('i̇stanbul');
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
