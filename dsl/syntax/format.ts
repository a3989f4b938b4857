import type { Rule } from '../model/ast.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ParseResult } from './parser.ts';

export interface FormatResult {
  /** The canonical text, or the input unchanged when it has syntax errors. */
  text: string;
  /** The syntax errors that prevented formatting (empty when formatted). */
  diagnostics: Diagnostic[];
}

/**
 * The formatter of a parser and printer: `format(format(x).text).text === format(x).text`.
 *
 * @example createFormatter(parse, print)('when visitor.page_url   contains "pricing"').text // 'when visitor.page_url contains "pricing" once_per_visit\n'
 */
export function createFormatter(
  parse: (text: string) => ParseResult,
  print: (rule: Rule) => string,
): (text: string) => FormatResult {
  return (text) => {
    const parsed = parse(text);
    return parsed.rule
      ? { text: print(parsed.rule), diagnostics: [] }
      : { text, diagnostics: parsed.diagnostics };
  };
}
