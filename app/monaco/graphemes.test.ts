import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as monacoStrings from 'monaco-editor/base/common/strings';
import { GraphemeIterator, nextCharLength, prevCharLength } from './graphemes.ts';

/** Grapheme clusters of the kinds a rule's strings may hold, each one cluster. */
const clusters = [
  'a',
  ' ',
  '"',
  '\r\n',
  '\t',
  'é', // precomposed
  'e\u0301', // e + combining acute
  'ñ\u0323',
  '한',
  '\u1100\u1161\u11a8', // Hangul jamo L V T
  '中',
  '👍',
  '👍🏽',
  '👨\u200d👩\u200d👧',
  '❤\ufe0f',
  '1\ufe0f\u20e3',
  '🇫🇷',
  '\ud800', // a lone surrogate
];

/** Texts made of whole clusters, with the offsets where each cluster starts and ends. */
const texts = fc.array(fc.constantFrom(...clusters), { maxLength: 12 }).map((parts) => {
  const boundaries = [0];
  for (const part of parts) boundaries.push((boundaries.at(-1) as number) + part.length);
  return { text: parts.join(''), boundaries };
});

/** Two flags side by side are four regional indicators: Monaco's table joins them all. */
const hasAdjacentFlags = (text: string) => /🇫🇷🇫🇷/u.test(text);

describe('graphemes (Intl.Segmenter in place of Monaco’s table)', () => {
  it('steps forwards and backwards over whole clusters, as they were put together', () => {
    fc.assert(
      fc.property(texts, ({ text, boundaries }) => {
        const forwards = [0];
        const iterator = new GraphemeIterator(text);
        while (!iterator.eol()) forwards.push(forwards.at(-1)! + iterator.nextGraphemeLength());
        expect(forwards).toEqual(boundaries);
        expect(iterator.offset).toBe(text.length);
        const backwards = [text.length];
        const back = new GraphemeIterator(text, text.length);
        while (back.offset > 0) backwards.unshift(backwards[0]! - back.prevGraphemeLength());
        expect(backwards).toEqual(boundaries);
      }),
      { seed: 20261206, numRuns: 400 },
    );
  });

  it("answers as Monaco's own table does wherever that table is right", () => {
    fc.assert(
      fc.property(texts, ({ text, boundaries }) => {
        fc.pre(!hasAdjacentFlags(text));
        for (const offset of boundaries) {
          expect(nextCharLength(text, offset)).toBe(
            offset < text.length ? monacoStrings.nextCharLength(text, offset) : 0,
          );
          expect(prevCharLength(text, offset)).toBe(
            offset > 0 ? monacoStrings.prevCharLength(text, offset) : 0,
          );
        }
      }),
      { seed: 20261206, numRuns: 400 },
    );
  });

  it('splits a run of flags into pairs, where Monaco joined them', () => {
    expect(nextCharLength('🇫🇷🇩🇪', 0)).toBe(4);
    expect(prevCharLength('🇫🇷🇩🇪', 8)).toBe(4);
    expect(monacoStrings.nextCharLength('🇫🇷🇩🇪', 0)).toBe(8);
  });

  it('answers ASCII, CR LF, the ends and a segment asked about twice', () => {
    expect(nextCharLength('ab', 0)).toBe(1);
    expect(nextCharLength('a\r\nb', 1)).toBe(2);
    expect(prevCharLength('a\r\nb', 3)).toBe(2);
    expect(nextCharLength('a', 0)).toBe(1);
    expect(prevCharLength('a', 1)).toBe(1);
    expect(nextCharLength('ab', 2)).toBe(0);
    expect(prevCharLength('ab', 0)).toBe(0);
    expect(nextCharLength('xe\u0301', 1)).toBe(2);
    expect(nextCharLength('xe\u0301', 1)).toBe(2);
    expect(prevCharLength('xe\u0301', 3)).toBe(2);
  });
});
