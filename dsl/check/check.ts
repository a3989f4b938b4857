import type { ILexingResult } from 'chevrotain';
import type { Rule } from '../model/ast.ts';
import { sortDiagnostics, type Diagnostic } from '../model/diagnostic.ts';
import type { ParseResult } from '../syntax/parser.ts';
import type { Validate, ValidateOptions } from './validator.ts';

export interface CheckResult {
  /** The AST when the text parses (even if it has meaning errors); null on syntax errors. */
  rule: Rule | null;
  /** Syntax and meaning diagnostics, in text order. */
  diagnostics: Diagnostic[];
}

/**
 * Parses and validates a rule text: everything an editor, the CLI or the server needs to know about it.
 * `lexed`: the text's tokens, when the caller has them already.
 *
 * @example createCheck(parse, validate)('when visitor.page_url contians "x"').diagnostics[0]?.code // 'syntax'
 */
export function createCheck(
  parse: (text: string, lexed?: ILexingResult) => ParseResult,
  validate: Validate,
): (text: string, options?: ValidateOptions, lexed?: ILexingResult) => CheckResult {
  return (text, options = {}, lexed) => {
    const parsed = parse(text, lexed);
    if (!parsed.rule) return parsed;
    return {
      rule: parsed.rule,
      diagnostics: sortDiagnostics([...parsed.diagnostics, ...validate(parsed.rule, options)]),
    };
  };
}

/**
 * Whether any diagnostic is an error (warnings do not block publishing).
 *
 * @example hasErrors(check('when a.b is "x"').diagnostics) // true
 */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
