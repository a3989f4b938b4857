/**
 * Value normalisation shared by the compiler (rule values, once) and the evaluator (context values, per
 * check), so both sides always fold the same way. Dependency-free: the widget bundles it.
 */

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

/**
 * The canonical, lower-cased form of a BCP 47 language tag (`pt_br` and `PT-br` give `pt-br`), or null
 * when the text is not a well-formed tag.
 *
 * @example canonicalLanguage('fr_ca') // 'fr-ca'
 */
export function canonicalLanguage(tag: string): string | null {
  try {
    return (Intl.getCanonicalLocales(tag.replaceAll('_', '-'))[0] as string).toLowerCase();
  } catch {
    return null;
  }
}
