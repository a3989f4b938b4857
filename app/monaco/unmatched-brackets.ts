/**
 * Whether a closing bracket after the cursor has no opening bracket anywhere in the text, so that typing
 * its opening bracket there should not auto-close it (`(` typed before `a and b)` pairs with that `)`).
 * Monaco answers this from its bracket pair tree, which app/monaco/slim.ts leaves out; this answers it
 * with the line-scanning search Monaco keeps for texts too long for the tree (`findNextBracket`, which
 * reads the tokens, so brackets in strings and comments do not count).
 */

/** A bracket as Monaco's search finds it: where, and its kind in the language's configuration. */
export interface FoundBracket {
  range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number };
  bracketInfo: { isOpeningBracket: boolean; bracketText: string; closes?(opening: unknown): boolean };
}

/** Monaco's bracket search of a model (`model.bracketPairs`) without the tree. */
export interface BracketSearch {
  findNextBracket(position: { lineNumber: number; column: number }): FoundBracket | null;
}

const isBefore = (range: FoundBracket['range'], position: { lineNumber: number; column: number }): boolean =>
  range.startLineNumber < position.lineNumber ||
  (range.startLineNumber === position.lineNumber && range.startColumn < position.column);

/**
 * Whether some closing bracket of `opening`'s pair at or after `position` is unmatched in the whole text.
 *
 * @example hasUnmatchedClosingBracketAfter(model.bracketPairs, { lineNumber: 1, column: 6 }, openParen) // "when a)" -> true
 */
export function hasUnmatchedClosingBracketAfter(
  search: BracketSearch,
  position: { lineNumber: number; column: number },
  opening: FoundBracket['bracketInfo'],
): boolean {
  let open = 0;
  let from = { lineNumber: 1, column: 1 };
  for (let found = search.findNextBracket(from); found; found = search.findNextBracket(from)) {
    const { bracketInfo, range } = found;
    if (bracketInfo.isOpeningBracket) {
      if (bracketInfo.bracketText === opening.bracketText) open++;
    } else if (bracketInfo.closes?.(opening)) {
      if (open > 0) open--;
      else if (!isBefore(range, position)) return true;
    }
    from = { lineNumber: range.endLineNumber, column: range.endColumn };
  }
  return false;
}
