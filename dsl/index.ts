/**
 * The rule language: everything but the widget-side evaluator's internals. The widget imports
 * `dsl/evaluator.ts` alone so that the parser never reaches customer sites.
 */
export * from './ast.ts';
export * from './catalog.ts';
export * from './diagnostic.ts';
export type * from './compiled.ts';
export { COMPILED_VERSION } from './compiled.ts';
export type * from './context.ts';
export { parse, sortDiagnostics, type ParseResult } from './parser.ts';
export { validate, diagnosticCodes, type ValidateOptions, type DiagnosticCode } from './validator.ts';
export { check, hasErrors, type CheckResult } from './check.ts';
export { print, printClauses, printConditionInline } from './printer.ts';
export { format, type FormatResult } from './format.ts';
export { decodeString, encodeString } from './strings.ts';
export { compile, CompileError } from './compile.ts';
export { createEvaluator, evaluate, type Evaluator } from './evaluator.ts';
export type * from './evaluate/explain.ts';
export {
  isTimeZone,
  parseContext,
  scheduleSchema,
  contextSchema,
  type ContextParseResult,
} from './context-schema.ts';
export { compiledRuleSchema, compiledConditionSchema } from './compiled-schema.ts';
