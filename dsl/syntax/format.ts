import type { Diagnostic } from '../model/diagnostic.ts';
import { parse } from './parser.ts';
import { print } from './printer.ts';

export interface FormatResult {
  /** The canonical text, or the input unchanged when it has syntax errors. */
  text: string;
  /** The syntax errors that prevented formatting (empty when formatted). */
  diagnostics: Diagnostic[];
}

/**
 * Formats a rule text into its canonical form; `format(format(x).text).text === format(x).text`.
 *
 * @example format('when visitor.page_url   contains "pricing"').text // 'when visitor.page_url contains "pricing" once_per_visit\n'
 */
export function format(text: string): FormatResult {
  const parsed = parse(text);
  return parsed.rule
    ? { text: print(parsed.rule), diagnostics: [] }
    : { text, diagnostics: parsed.diagnostics };
}
