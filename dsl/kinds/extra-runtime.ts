/**
 * The runtime halves beyond the seed ones (`builtin-runtime.ts`, what every widget ships): the text
 * operators `starts with`, `ends with`, `matches` and `does not match` on text and URLs, and the number,
 * boolean and attribute kinds. Widget-safe; a widget passes the ones its channel's rules need to
 * `createMatcher(compiled, { kinds: { ...builtinRuntimeKinds, ...needed } })`, loading them on demand.
 * `createEvaluator` (CLI, server, admin app) uses them all by default.
 */
import { attributeRuntime } from './attribute/runtime.ts';
import { booleanRuntime } from './boolean/runtime.ts';
import { numberRuntime } from './number/runtime.ts';
import type { AnyRuntimeKind } from './runtime.ts';
import { withStringOperators } from './string-operators.ts';
import { foldCase, textRuntime } from './text/runtime.ts';
import { urlRuntime } from './url/runtime.ts';

/** Text with every text operator (rule values re-folded, as the seed text kind does). */
export const textWithOperators = /* @__PURE__ */ withStringOperators(textRuntime, foldCase);

/** URLs with every text operator (rule values are normalised when compiled). */
export const urlWithOperators = /* @__PURE__ */ withStringOperators(urlRuntime);

/** The runtime kinds beyond the seed ones, by name (text and URL replace the seed halves). */
export const extraRuntimeKinds: Readonly<Record<string, AnyRuntimeKind>> = {
  text: textWithOperators,
  url: urlWithOperators,
  number: numberRuntime,
  boolean: booleanRuntime,
  attribute: attributeRuntime,
};
