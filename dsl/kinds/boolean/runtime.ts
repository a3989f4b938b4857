/**
 * Booleans at run time (true / false attributes and event properties): `is true`, `is false`. A fact
 * that is not a boolean compares false, and so does a missing one. Widget-safe; not in the seed runtime.
 */
import { readScalar, type RuntimeKind } from '../runtime.ts';

export const booleanRuntime: RuntimeKind<boolean, string | number | boolean> = {
  type: 'boolean',
  read: readScalar,
  prepare: (actual) => (typeof actual === 'boolean' ? actual : null),
  test: (operator, expected) => (operator === 'is' ? (actual) => expected.includes(actual) : undefined),
};
