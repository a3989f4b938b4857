/**
 * `@proactive/dsl`: the rule language of the built-in catalog (parse, check, format, print, compile, the
 * catalog and its schemas), and what it is built from, to build another (`extendCatalog`,
 * `createLanguage`, the kind contract). The widget imports `@proactive/dsl/evaluator` alone, so that the
 * parser never reaches customer sites.
 */
import type { coreDiagnosticCodes } from './check/validator.ts';

export * from './model/ast.ts';
export * from './model/diagnostic.ts';
export * from './catalog/catalog.ts';
export type * from './catalog/types.ts';
export {
  createCatalog,
  extendCatalog,
  type CatalogDefinition,
  type CatalogExtension,
} from './catalog/create.ts';
export type * from './catalog/context.ts';
export { keyValuePairs, sampleControlOf, sampleFactOf } from './catalog/samples.ts';
export {
  contextSchema,
  isTimeZone,
  parseContext,
  scheduleSchema,
  type ContextParseResult,
} from './catalog/context-schema.ts';
export type * from './kinds/kind.ts';
export type { AnyRuntimeKind, RuntimeKind, ValueTest } from './kinds/runtime.ts';
export { suggestedLanguages } from './kinds/language/index.ts';
export { loadLanguageRegistry } from '#language-registry';
export type { LanguageRegistry, TagLookup } from './kinds/language/registry.ts';
export type * from './compile/compiled.ts';
export { COMPILED_VERSION } from './compile/compiled.ts';
export { CompileError } from './compile/compile.ts';
export type { ParseResult } from './syntax/parser.ts';
export type { FormatResult } from './syntax/format.ts';
export { decodeString, encodeNumber, encodeString } from './syntax/strings.ts';
export { hasErrors, type CheckResult } from './check/check.ts';
export type { ValidateOptions } from './check/validator.ts';
export {
  check,
  compile,
  compiledConditionSchema,
  compiledRuleSchema,
  createLanguage,
  diagnosticCodes,
  format,
  language,
  parse,
  print,
  printClauses,
  printConditionInline,
  validate,
  type RuleLanguage,
} from './language.ts';
export { createEvaluator, evaluate, type Evaluator, type EvaluatorOptions } from './runtime/evaluator.ts';
export type { EventRuntime } from './runtime/triggers.ts';
export type * from './runtime/explain.ts';

/** Any diagnostic code: the core ones, or one a kind reports (see `diagnosticCodes`). */
export type DiagnosticCode = keyof typeof coreDiagnosticCodes | (string & {});
