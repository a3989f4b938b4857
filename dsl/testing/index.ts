/**
 * `@proactive/dsl/testing`: generators for property tests and fuzzing, and the example catalog extension
 * (a field of an existing kind, a field of a new kind) that tests and docs/extending.md use.
 */
export * from './arbitraries.ts';
export { exampleCatalog, landingPageField, pagePathField } from './example-extension.ts';
export { prefixKind } from './prefix-kind/index.ts';
export { prefixRuntime } from './prefix-kind/runtime.ts';
export { bigInputs, nestedText } from './big-inputs.ts';
