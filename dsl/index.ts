/**
 * The rule language: everything but the widget-side evaluator's internals. The widget imports
 * `dsl/evaluator.ts` alone so that the parser never reaches customer sites.
 */
export * from './model/ast.ts';
export * from './catalog/catalog.ts';
export * from './model/diagnostic.ts';
export type * from './compile/compiled.ts';
export { COMPILED_VERSION } from './compile/compiled.ts';
export type * from './catalog/context.ts';
export { parse, sortDiagnostics, type ParseResult } from './syntax/parser.ts';
export { validate, diagnosticCodes, type ValidateOptions, type DiagnosticCode } from './check/validator.ts';
export { check, hasErrors, type CheckResult } from './check/check.ts';
export { print, printClauses, printConditionInline } from './syntax/printer.ts';
export { format, type FormatResult } from './syntax/format.ts';
export { decodeString, encodeString } from './syntax/strings.ts';
export { compile, CompileError } from './compile/compile.ts';
export { createEvaluator, evaluate, type Evaluator } from './runtime/evaluator.ts';
export type * from './runtime/explain.ts';
export {
  isTimeZone,
  parseContext,
  scheduleSchema,
  contextSchema,
  type ContextParseResult,
} from './catalog/context-schema.ts';
export { compiledRuleSchema, compiledConditionSchema } from './compile/compiled-schema.ts';
