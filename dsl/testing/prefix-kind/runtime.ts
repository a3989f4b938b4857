/**
 * The example kind's runtime half (see ./index.ts): widget-safe, like every kind's runtime.ts.
 */
import { foldCase } from '../../kinds/text/runtime.ts';
import { readString, standardTest, type RuntimeKind } from '../../kinds/runtime.ts';

const standard = standardTest();

export const prefixRuntime: RuntimeKind = {
  read: readString,
  prepare: foldCase,
  test(operator, expected) {
    if (operator !== 'is_under') return standard(operator, expected);
    return (actual) => expected.some((prefix) => actual.startsWith(prefix));
  },
};
