/**
 * Numbers at run time (pages viewed, visit count, number attributes): `is`, `is not`, `>`, `>=`, `<`,
 * `<=` against one number. A fact that is not a finite number (an attribute the site set to text, say)
 * compares false whatever the operator, and so does a missing one. Widget-safe; not in the seed runtime,
 * so a widget loads it only for rules that compare numbers.
 */
import { readScalar, type RuntimeKind, type ValueTest } from '../runtime.ts';

const comparisons: Readonly<Record<string, (actual: number, expected: number) => boolean>> = {
  greater_than: (actual, expected) => actual > expected,
  greater_or_equal: (actual, expected) => actual >= expected,
  less_than: (actual, expected) => actual < expected,
  less_or_equal: (actual, expected) => actual <= expected,
};

export const numberRuntime: RuntimeKind<number, string | number | boolean> = {
  type: 'number',
  read: readScalar,
  prepare: (actual) => (typeof actual === 'number' && Number.isFinite(actual) ? actual : null),
  test(operator, expected): ValueTest<number> | undefined {
    if (operator === 'is') return (actual) => expected.includes(actual);
    if (operator === 'is_not') return (actual) => !expected.includes(actual);
    const compare = Object.prototype.hasOwnProperty.call(comparisons, operator)
      ? comparisons[operator]
      : undefined;
    const bound = expected[0] as number;
    return compare && ((actual) => compare(actual, bound));
  },
};
