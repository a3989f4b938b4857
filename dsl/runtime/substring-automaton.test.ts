import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSubstringAutomaton } from './substring-automaton.ts';

/** The ids of the patterns found in `text`, sorted and without repeats. */
function foundIn(patterns: readonly string[], text: string): number[] {
  const found = new Set<number>();
  createSubstringAutomaton(patterns).scan(text, (pattern) => found.add(pattern));
  return [...found].sort((a, b) => a - b);
}

const naive = (patterns: readonly string[], text: string): number[] =>
  patterns.flatMap((pattern, index) => (pattern !== '' && text.includes(pattern) ? [index] : []));

describe('the substring automaton', () => {
  it('finds every pattern that occurs, overlapping and nested ones included', () => {
    expect(foundIn(['he', 'she', 'his', 'hers'], 'ushers')).toEqual([0, 1, 3]);
    expect(foundIn(['pricing', 'blog', 'log'], 'https://acme.test/blog/pricing')).toEqual([0, 1, 2]);
    expect(foundIn(['aaa', 'aa', 'a'], 'aa')).toEqual([1, 2]);
    expect(foundIn(['abcd', 'bc'], 'abce')).toEqual([1]);
  });

  it('reports each occurrence, and patterns written twice under both ids', () => {
    const found: number[] = [];
    createSubstringAutomaton(['ab', 'ab']).scan('abab', (pattern) => found.push(pattern));
    expect(found).toEqual([0, 1, 0, 1]);
  });

  it('never matches the empty pattern, nor anything in the empty text', () => {
    expect(foundIn(['', 'x'], 'x')).toEqual([1]);
    expect(foundIn(['a'], '')).toEqual([]);
    expect(foundIn([], 'anything')).toEqual([]);
  });

  it('works on UTF-16 code units (astral characters, combining marks)', () => {
    expect(foundIn(['😀', 'é', 'tarifs'], 'été — tarifs 😀')).toEqual([0, 1, 2]);
  });

  it('agrees with String.prototype.includes on generated patterns and texts', () => {
    // A small alphabet makes shared prefixes, suffixes and overlaps common.
    const unit = fc.constantFrom('a', 'b', 'c', '/', 'é', '\u{1F600}');
    const word = fc.string({ unit, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.string({ unit, maxLength: 30 }), (patterns, text) => {
        expect(foundIn(patterns, text)).toEqual(naive(patterns, text));
      }),
      { seed: 20261206, numRuns: 3000 },
    );
  });
});
