/**
 * The runtime halves of the built-in kinds, by name: what `createEvaluator` uses unless told otherwise.
 * Widget-safe (imports only the kinds' runtime.ts files).
 */
import { languageRuntime } from './language/runtime.ts';
import type { RuntimeKind } from './runtime.ts';
import { symbolRuntime } from './symbol/runtime.ts';
import { textRuntime } from './text/runtime.ts';
import { urlRuntime } from './url/runtime.ts';

export const builtinRuntimeKinds: Readonly<Record<string, RuntimeKind>> = {
  text: textRuntime,
  symbol: symbolRuntime,
  language: languageRuntime,
  url: urlRuntime,
};
