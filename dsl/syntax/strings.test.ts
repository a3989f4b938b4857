import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeString, encodeString } from './strings.ts';
import { closestMatch, editDistance } from '../check/suggest.ts';

describe('strings', () => {
  it('decodes every escape', () => {
    expect(decodeString('"a\\"b\\\\c\\nd\\te\\u{1F44B}\\u{e9}"')).toEqual({
      value: 'a"b\\c\nd\te👋é',
      problems: [],
    });
  });

  it('reports unknown escapes and bad code points with their position', () => {
    expect(decodeString('"x\\qy"').problems).toEqual([
      { offset: 2, length: 2, message: expect.stringContaining('Unknown escape `\\q`') },
    ]);
    expect(decodeString('"\\u{D800}"').problems[0]).toMatchObject({ offset: 1, length: 8 });
    expect(decodeString('"\\').problems[0]).toMatchObject({ offset: 1, length: 1 });
  });

  it('reads an unterminated literal up to its end', () => {
    expect(decodeString('"open').value).toBe('open');
    expect(decodeString('"ends with \\"').value).toBe('ends with "');
  });

  it('round-trips any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const encoded = encodeString(value);
        expect(encoded).not.toMatch(/\n/);
        expect(decodeString(encoded)).toEqual({ value, problems: [] });
      }),
      { seed: 42, numRuns: 2000 },
    );
  }, 60_000);
});

describe('suggestions', () => {
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests only close matches', () => {
    expect(closestMatch('retuning_user', ['new_user', 'returning_user'])).toBe('returning_user');
    expect(closestMatch('zzz', ['new_user', 'returning_user'])).toBeUndefined();
    expect(closestMatch('return', ['new_user', 'returning_user'])).toBe('returning_user');
  });
});
