/**
 * Symbols at run time: the context holds one of the field's bare words, compared exactly.
 */
import { readString, standardTest, type RuntimeKind } from '../runtime.ts';

export const symbolRuntime: RuntimeKind = {
  read: readString,
  prepare: (actual) => actual,
  test: standardTest(),
};
