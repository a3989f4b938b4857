/**
 * Text at run time: compared without regard to case, in every script. Dependency-free: the widget
 * bundles it; the compiler folds rule values with the same {@link foldCase}.
 */
import { containedFragment, readString, standardTest, type RuntimeKind } from '../runtime.ts';

/**
 * Folds text for caseless matching, in every script: compatibility normalisation (NFKC: full-width
 * `ＡＢＣ` is `ABC`, the ligature `ﬁ` is `fi`, a decomposed `é` is `é`), then full case folding by the
 * platform's locale-independent mappings (lower, upper, lower: `ß` and `ẞ` fold to `ss`), NFKC again,
 * the Greek final sigma as σ, and `İ` as `i` (so "istanbul" is found in "İSTANBUL"). ASCII text only
 * needs lower-casing. Idempotent: `foldCase(foldCase(x)) === foldCase(x)`.
 *
 * @example foldCase('STRAẞE') // 'strasse'
 */
export function foldCase(text: string): string {
  if (!/[^\0-\x7f]/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKC')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replace(/ς/g, 'σ')
    .replace(/i\u0307/g, 'i');
}

const test = standardTest();

/**
 * `is` compares whole folded values; `contains` looks for folded substrings; a missing text is empty.
 * Rule values are folded again when the test is built (once per rule): rules compiled before folding
 * was complete (lower-casing only) compare the same way as new ones.
 */
export const textRuntime: RuntimeKind = {
  read: readString,
  prepare: foldCase,
  missing: '',
  test: (operator, expected) => test(operator, expected.map(foldCase)),
  fragment: /* @__PURE__ */ containedFragment(true, foldCase),
};
