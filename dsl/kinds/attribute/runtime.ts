/**
 * Text comparisons on facts the site types itself (visitor attributes, custom event properties): folded
 * like text, with every text operator; a fact of another type (a number where the rule compares text)
 * compares false whatever the operator, while a missing one is the empty text, as for every text field.
 * Number and boolean comparisons on these facts compile to the number and boolean kinds. Widget-safe;
 * not in the seed runtime.
 */
import { withStringOperators } from '../string-operators.ts';
import { readScalar, standardTest } from '../runtime.ts';
import { foldCase } from '../text/runtime.ts';

const test = standardTest();

export const attributeRuntime = /* @__PURE__ */ withStringOperators(
  {
    read: readScalar,
    prepare: (actual) => (typeof actual === 'string' ? foldCase(actual) : null),
    missing: '',
    test: (operator, expected) => test(operator, expected.map(foldCase)),
  },
  foldCase,
);
