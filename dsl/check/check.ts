import type { Rule } from '../model/ast.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { parse, sortDiagnostics } from '../syntax/parser.ts';
import { validate, type ValidateOptions } from './validator.ts';

export interface CheckResult {
  /** The AST when the text parses (even if it has meaning errors); null on syntax errors. */
  rule: Rule | null;
  /** Syntax and meaning diagnostics, in text order. */
  diagnostics: Diagnostic[];
}

/**
 * Parses and validates a rule text: everything an editor, the CLI or the server needs to know about it.
 *
 * @example check('when visitor.page_url contians "x"').diagnostics[0]?.code // 'syntax'
 */
export function check(text: string, options: ValidateOptions = {}): CheckResult {
  const parsed = parse(text);
  if (!parsed.rule) return parsed;
  return {
    rule: parsed.rule,
    diagnostics: sortDiagnostics([...parsed.diagnostics, ...validate(parsed.rule, options)]),
  };
}

/** Whether any diagnostic is an error (warnings do not block publishing). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
