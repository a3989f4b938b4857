import { describe, expect, it } from 'vitest';
import {
  hasUnmatchedClosingBracketAfter,
  type BracketSearch,
  type FoundBracket,
} from './unmatched-brackets.ts';

const opening = (text: string): FoundBracket['bracketInfo'] => ({
  isOpeningBracket: true,
  bracketText: text,
});
const closing = (text: string, opens: string): FoundBracket['bracketInfo'] => ({
  isOpeningBracket: false,
  bracketText: text,
  closes: (other) => (other as FoundBracket['bracketInfo']).bracketText === opens,
});
const kinds: Record<string, FoundBracket['bracketInfo']> = {
  '(': opening('('),
  ')': closing(')', '('),
  '[': opening('['),
  ']': closing(']', '['),
};

/** Monaco's search over `text` ("\n" lines): the next bracket at or after a position, none in "strings". */
function searchOver(text: string): BracketSearch & { calls: number } {
  const lines = text.split('\n');
  const search = {
    calls: 0,
    findNextBracket(position: { lineNumber: number; column: number }) {
      search.calls++;
      for (let lineNumber = position.lineNumber; lineNumber <= lines.length; lineNumber++) {
        const line = lines[lineNumber - 1] ?? '';
        let inString =
          (line.slice(0, lineNumber === position.lineNumber ? position.column - 1 : 0).match(/"/g) ?? [])
            .length %
            2 ===
          1;
        for (let at = lineNumber === position.lineNumber ? position.column - 1 : 0; at < line.length; at++) {
          const character = line.charAt(at);
          if (character === '"') inString = !inString;
          const bracketInfo = kinds[character];
          if (bracketInfo && !inString)
            return {
              range: {
                startLineNumber: lineNumber,
                startColumn: at + 1,
                endLineNumber: lineNumber,
                endColumn: at + 2,
              },
              bracketInfo,
            };
        }
      }
      return null;
    },
  };
  return search;
}

/** Whether typing `bracket` where `|` is in `text` faces an unmatched closing bracket after it. */
function facesUnmatched(text: string, bracket = '('): boolean {
  const lines = text.split('\n');
  const lineNumber = lines.findIndex((line) => line.includes('|')) + 1;
  const column = (lines[lineNumber - 1] ?? '').indexOf('|') + 1;
  return hasUnmatchedClosingBracketAfter(
    searchOver(text.replace('|', '')),
    { lineNumber, column },
    kinds[bracket] as FoundBracket['bracketInfo'],
  );
}

describe('hasUnmatchedClosingBracketAfter', () => {
  it('finds a closing bracket after the cursor that nothing opens', () => {
    expect(facesUnmatched('when | a and b)')).toBe(true);
    expect(facesUnmatched('when |\n  a and b\n)')).toBe(true);
  });

  it('does not count balanced brackets, around the cursor or after it', () => {
    expect(facesUnmatched('when (a |and b)')).toBe(false);
    expect(facesUnmatched('when | (a and b)')).toBe(false);
    expect(facesUnmatched('when |')).toBe(false);
  });

  it('ignores unmatched closing brackets before the cursor, which the new one cannot pair with', () => {
    expect(facesUnmatched('when a) and |b')).toBe(false);
    expect(facesUnmatched('when a) and | b)')).toBe(true);
  });

  it("looks only at the typed bracket's pair, and not inside strings", () => {
    expect(facesUnmatched('when | a is ["x"]]', '(')).toBe(false);
    expect(facesUnmatched('when | a is ["x"]]', '[')).toBe(true);
    expect(facesUnmatched('when | a contains ")"')).toBe(false);
  });

  it('reads the text once, bracket after bracket', () => {
    const search = searchOver('when (a) and (b) and c)');
    expect(
      hasUnmatchedClosingBracketAfter(
        search,
        { lineNumber: 1, column: 1 },
        kinds['('] as FoundBracket['bracketInfo'],
      ),
    ).toBe(true);
    expect(search.calls).toBe(5);
  });
});
