/**
 * `starts with`, `ends with`, `matches` and `does not match` on prepared text: what every text-like
 * field (text, URL, query parameter, attribute) allows beyond `is` and `contains`. Widget-safe and kept
 * out of the seed kinds' runtime halves, so a widget downloads it only for rules that use these operators
 * (`createMatcher(compiled, { kinds: { text: withStringOperators(textRuntime) } })`).
 *
 * `matches` takes a wildcard pattern: `*` is any run of characters, everything else is literal. It runs
 * in linear time whatever the pattern: no RegExp is built from it, each piece between stars is searched
 * once, left to right (a leftmost match of each piece is always a good one when `*` is the only
 * wildcard, so nothing is ever retried).
 */
import type { RuntimeKind, ValueTest } from './runtime.ts';

/** The operators this module adds, by their compiled names. */
export const stringOperatorNames = ['starts_with', 'ends_with', 'matches', 'does_not_match'] as const;

/**
 * Whether `text` matches a wildcard `pattern` (`*` = any run of characters, the rest literal), both
 * already prepared (case-folded) by the field's kind. At most one `indexOf` per piece of the pattern.
 *
 * @example wildcardMatch('https://*.acme.test/blog/*', 'https://www.acme.test/blog/launch') // true
 */
export function wildcardMatch(pattern: string, text: string): boolean {
  const pieces = pattern.split('*');
  const first = pieces[0] as string;
  if (pieces.length === 1) return text === pattern;
  const last = pieces[pieces.length - 1] as string;
  // The first piece is anchored at the start, the last at the end, and they may not overlap.
  const end = text.length - last.length;
  if (end < first.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  for (let index = 1; index < pieces.length - 1; index++) {
    const piece = pieces[index] as string;
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

/** The longest literal piece of a wildcard pattern: every text it matches contains it. */
const longestPiece = (pattern: string): string =>
  pattern.split('*').reduce((longest, piece) => (piece.length > longest.length ? piece : longest), '');

/** The test of one of this module's operators against prepared values, or undefined for another one. */
function stringTest(operator: string, expected: readonly string[]): ValueTest | undefined {
  const anyOf =
    (matches: (actual: string, value: string) => boolean, negate = false): ValueTest =>
    (actual) =>
      expected.some((value) => matches(actual, value)) !== negate;
  if (operator === 'starts_with') return anyOf((actual, value) => actual.startsWith(value));
  if (operator === 'ends_with') return anyOf((actual, value) => actual.endsWith(value));
  if (operator === 'matches') return anyOf((actual, value) => wildcardMatch(value, actual));
  if (operator === 'does_not_match') return anyOf((actual, value) => wildcardMatch(value, actual), true);
  return undefined;
}

/**
 * A text-like runtime kind that also answers this module's operators; its own operators are left as they
 * are. `prepareValue` brings compiled values to the prepared form when the kind does so at test time
 * (text re-folds values of rules compiled before folding was complete).
 *
 * @example withStringOperators(textRuntime, foldCase).test('starts_with', ['/blog'])?.('/blog/launch') // true
 */
export function withStringOperators<Actual>(
  kind: RuntimeKind<string, Actual>,
  prepareValue: (value: string) => string = (value) => value,
): RuntimeKind<string, Actual> {
  return {
    ...kind,
    test: (operator, expected) =>
      stringTest(operator, expected.map(prepareValue)) ?? kind.test(operator, expected),
    fragment: (operator, value) =>
      operator === 'starts_with' || operator === 'ends_with'
        ? prepareValue(value)
        : operator === 'matches'
          ? longestPiece(prepareValue(value))
          : kind.fragment?.(operator, value),
  };
}
