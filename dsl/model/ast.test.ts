import { describe, expect, it } from 'vitest';
import { comparisonsOf, rulesEqual, withoutRanges } from './ast.ts';
import { createLineIndex, lineColumnAt } from './diagnostic.ts';
import { parse } from '../language.ts';
import { sortDiagnostics } from './diagnostic.ts';

describe('rulesEqual', () => {
  it('ignores ranges but not content', () => {
    const a = parse('when a.b is "x" tag "t"').rule;
    const b = parse('when   a.b   is "x"\n tag "t"').rule;
    expect(rulesEqual(a, b)).toBe(true);
    expect(rulesEqual(a, parse('when a.b is "y" tag "t"').rule)).toBe(false);
    expect(rulesEqual(a, parse('when a.b is "x" # note\n tag "t"').rule)).toBe(false);
  });

  it('compares any JSON shape', () => {
    expect(rulesEqual(1, 1)).toBe(true);
    expect(rulesEqual(1, '1')).toBe(false);
    expect(rulesEqual(null, {})).toBe(false);
    expect(rulesEqual([1], { 0: 1 })).toBe(false);
    expect(rulesEqual([1, 2], [1, 2])).toBe(true);
    expect(rulesEqual([1, 2], [1])).toBe(false);
    expect(rulesEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(rulesEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });

  it('strips ranges for storage', () => {
    const rule = parse('when a.b is "x" tag "t"').rule;
    expect(JSON.stringify(withoutRanges(rule))).not.toMatch(/range|tagRanges/i);
  });

  it('lists comparisons in text order, through groups and negations', () => {
    const rule = parse('when a.x is "1" and (not a.y is "2" or a.z is "3")').rule;
    expect(comparisonsOf(rule!.condition).map((comparison) => comparison.field)).toEqual([
      'a.x',
      'a.y',
      'a.z',
    ]);
  });

  it('keeps comments on a parenthesised comparison', () => {
    const rule = parse('when (a.x is "1" # one\n) and a.y is "2"').rule;
    expect(comparisonsOf(rule!.condition)[0]?.comments).toEqual({ after: 'one' });
  });
});

describe('positions', () => {
  it('converts offsets to 1-based lines and columns', () => {
    expect(lineColumnAt('a\nbc', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('a\nbc', 3)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('a\nbc', 99)).toEqual({ line: 2, column: 3 });
  });

  it('answers the same through a line index, for every offset', () => {
    const text = 'when a\n\n  and b\nc';
    const lineOf = createLineIndex(text);
    for (let offset = -1; offset <= text.length + 1; offset++) {
      expect(lineOf(offset)).toEqual(lineColumnAt(text, offset));
    }
  });

  it('sorts diagnostics by start, then end', () => {
    const at = (start: number, end: number) => ({
      range: { start, end },
      severity: 'error' as const,
      code: 'x',
      message: 'm',
    });
    expect(sortDiagnostics([at(3, 9), at(3, 4), at(1, 2)]).map((d) => d.range)).toEqual([
      { start: 1, end: 2 },
      { start: 3, end: 4 },
      { start: 3, end: 9 },
    ]);
  });
});
