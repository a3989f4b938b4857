/**
 * `@proactive/dsl/evaluator`: what runs on customer sites. The evaluator, the compiled rule's types, the
 * context types and the built-in kinds' runtime helpers; nothing here reaches the parser, zod or the
 * catalog, so the widget bundle stays small (runtime/bundle.test.ts lists every module it pulls in).
 *
 * `createMatcher` knows the seed kinds and events; what rules beyond them need is exported here for a
 * widget to load on demand and pass in: `withStringOperators` (starts with, ends with, matches on text
 * and URLs), `numberRuntime`, `booleanRuntime`, `attributeRuntime` (kinds), `triggerEvents` (events).
 */
export * from './evaluator.ts';
export { createChannelEvaluator, type ChannelEvaluator, type ChannelEvaluatorOptions } from './channel.ts';
export { literalIndex, type RuleIndex } from './literal-index.ts';
export { isMalformedRule, malformed, type MalformedRule } from './rule.ts';
export { isRecord } from './schedule.ts';
export { describeRuleProblem, describeScheduleProblem } from './problems.ts';
export type * from '../catalog/context.ts';
export type * from '../compile/compiled.ts';
export { COMPILED_VERSION } from '../compile/compiled.ts';
export type { AnyRuntimeKind, RuntimeKind, ValueTest } from '../kinds/runtime.ts';
export { builtinRuntimeKinds } from '../kinds/builtin-runtime.ts';
export { extraRuntimeKinds, textWithOperators, urlWithOperators } from '../kinds/extra-runtime.ts';
export { stringOperatorNames, wildcardMatch, withStringOperators } from '../kinds/string-operators.ts';
export { numberRuntime } from '../kinds/number/runtime.ts';
export { booleanRuntime } from '../kinds/boolean/runtime.ts';
export { attributeRuntime } from '../kinds/attribute/runtime.ts';
export { triggerEvents, type EventRuntime } from './triggers.ts';
export { foldCase, textRuntime } from '../kinds/text/runtime.ts';
export { bareUrl, normalizeUrl, urlRuntime } from '../kinds/url/runtime.ts';
export { canonicalLanguage, languageMatches, prepareLanguage } from '../kinds/language/runtime.ts';
export type { Frequency, OperatorName } from '../model/ast.ts';
