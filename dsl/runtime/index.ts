/**
 * `@proactive/dsl/evaluator`: what runs on customer sites. The evaluator, the compiled rule's types, the
 * context types and the built-in kinds' runtime helpers; nothing here reaches the parser, zod or the
 * catalog, so the widget bundle stays small (runtime/bundle.test.ts lists every module it pulls in).
 */
export * from './evaluator.ts';
export type * from '../catalog/context.ts';
export type * from '../compile/compiled.ts';
export { COMPILED_VERSION } from '../compile/compiled.ts';
export type { RuntimeKind, ValueTest } from '../kinds/runtime.ts';
export { foldCase } from '../kinds/text/runtime.ts';
export { bareUrl, normalizeUrl } from '../kinds/url/runtime.ts';
export { canonicalLanguage, languageMatches, prepareLanguage } from '../kinds/language/runtime.ts';
export type { Frequency, OperatorName } from '../model/ast.ts';
