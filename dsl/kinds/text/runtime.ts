/**
 * Text at run time: compared without regard to case, in every alphabet. Dependency-free: the widget
 * bundles it; the compiler folds rule values with the same {@link foldCase}.
 */
import { readString, standardTest, type RuntimeKind } from '../runtime.ts';

const FINAL_SIGMA = 'ς';

/**
 * Folds text for case-insensitive comparison: Unicode lower-casing (locale-independent), with the Greek
 * final sigma folded to σ so that a word matches whether or not it ends the text.
 *
 * @example foldCase('Prix ÉTÉ') // 'prix été'
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes(FINAL_SIGMA) ? lower.replaceAll(FINAL_SIGMA, 'σ') : lower;
}

/** `is` compares whole folded values; `contains` looks for folded substrings; a missing text is empty. */
export const textRuntime: RuntimeKind = {
  read: readString,
  prepare: foldCase,
  missing: '',
  test: standardTest(),
};
