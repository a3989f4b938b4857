/**
 * `@proactive/dsl/evaluator`: what runs on customer sites. The evaluator, the compiled rule's types, the
 * context types and the text helpers it uses; nothing here reaches the parser, zod or the catalog, so the
 * widget bundle stays small (dsl/evaluator-bundle.test.ts keeps it so).
 */
export * from './evaluator.ts';
export type * from '../catalog/context.ts';
export type * from '../compile/compiled.ts';
export { COMPILED_VERSION } from '../compile/compiled.ts';
export { foldCase, canonicalLanguage } from './text.ts';
export { languageMatches, prepareLanguage } from './matchers.ts';
export type { Frequency, OperatorName } from '../model/ast.ts';
