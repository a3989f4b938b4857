/**
 * Editor services for the rule language as pure functions (no Monaco import): the admin app wires
 * them into Monaco; tests call them directly.
 */
import { check } from '../check/check.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ValidateOptions } from '../check/validator.ts';

export {
  complete,
  languageName,
  objectLabel,
  type CompletionItem,
  type CompletionKind,
  type CompletionResult,
} from './complete.ts';
export { hover, type HoverResult } from './hover.ts';
export { monarchLanguage, tokens, type HighlightToken } from './tokens.ts';
export { format } from '../syntax/format.ts';

/**
 * Syntax and meaning problems of a rule text, in text order (what the editor shows as squiggles).
 *
 * @example diagnostics('when visitor.page_ulr is "x"')[0]?.code // 'unknown-field'
 */
export function diagnostics(text: string, options: ValidateOptions = {}): Diagnostic[] {
  return check(text, options).diagnostics;
}
