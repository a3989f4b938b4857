/**
 * The widget-safe half of a match kind, and the operators most kinds share. Dependency-free: the widget
 * bundles it (dsl/runtime/bundle.test.ts lists every module the evaluator pulls in).
 */
import type { CompiledValue } from '../compile/compiled.ts';

/** A test of one prepared context value. */
export type ValueTest<Prepared = string> = (prepared: Prepared) => boolean;

/**
 * How the evaluator reads, prepares and compares the context values of one kind. `Value` is the type of
 * the kind's compiled values and prepared context values (text for most kinds); `Actual` what `read`
 * accepts from the context.
 */
export interface RuntimeKind<Value extends CompiledValue = string, Actual = Value> {
  /** The type of the compiled values when they are not strings (the evaluator refuses other values). */
  readonly type?: 'number' | 'boolean';
  /** The context value if the kind can use it, else null: the value is missing. */
  read(raw: unknown): Actual | null;
  /**
   * What a missing value compares as, in prepared form (text: the empty text, so `does not contain` and
   * `not ... contains` agree). Without it a missing value is false whatever the operator.
   */
  readonly missing?: Value;
  /** The value in the form rule values were compiled to (e.g. case-folded), or null: false whatever the operator. */
  prepare(actual: Actual): Value | null;
  /** The test of `operator` against the compiled values, or undefined when the kind has no such operator. */
  test(operator: string, expected: readonly Value[]): ValueTest<Value> | undefined;
  /**
   * For text-like kinds: a piece of text that every prepared value passing `operator` with the compiled
   * `value` contains, or undefined when there is none (negated operators). A channel evaluator looks for
   * all its rules' pieces in one scan of the page and skips the rules whose pieces are not there.
   */
  fragment?(operator: string, value: string): string | undefined;
}

/** A runtime kind of any value type, as registries hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRuntimeKind = RuntimeKind<any, any>;

/** Strings only. */
export const readString = (raw: unknown): string | null => (typeof raw === 'string' ? raw : null);

/**
 * Text, numbers and booleans as the context holds them (anything else is missing): kinds whose facts are
 * typed by the site read them all, so that a fact of another type is seen (and explained) but compares
 * false, while a missing one compares as the kind's `missing`.
 *
 * @example readScalar(12) // 12
 */
export const readScalar = (raw: unknown): string | number | boolean | null =>
  typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : null;

/**
 * The `fragment` of a kind whose `contains` is a substring test of the prepared value (and, when
 * `exact`, whose `is` compares whole prepared values): the value itself, as `prepareValue` makes it.
 *
 * @example containedFragment(true)('is', 'pricing') // 'pricing'
 */
export const containedFragment =
  (exact: boolean, prepareValue: (value: string) => string = (value) => value) =>
  (operator: string, value: string): string | undefined =>
    operator === 'contains' || (exact && operator === 'is') ? prepareValue(value) : undefined;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The tests of `is`, `is not`, `contains` and `does not contain` on prepared values: `equals` says what
 * "is" means for the kind (exact by default); `contains` is a substring test. Each closure is specialised
 * (one value or several, negated or not) so that it stays small and monomorphic.
 *
 * @example standardTest()('contains', ['pricing'])?.('/pricing/team') // true
 */
export function standardTest(equals?: (actual: string, expected: string) => boolean) {
  return (operator: string, expected: readonly string[]): ValueTest | undefined => {
    const negate = operator === 'is_not' || operator === 'does_not_contain';
    const first = expected[0] as string;
    const single = expected.length === 1;
    if (operator === 'contains' || operator === 'does_not_contain') {
      if (single) return (actual) => actual.includes(first) !== negate;
      // Several needles in one scan: an alternation of escaped literals (a RegExp, not eval: CSP-safe).
      const anyOf = new RegExp(expected.map(escapeRegExp).join('|'));
      return (actual) => anyOf.test(actual) !== negate;
    }
    if (operator !== 'is' && operator !== 'is_not') return undefined;
    if (equals) {
      return (actual) => {
        for (let index = 0; index < expected.length; index++)
          if (equals(actual, expected[index] as string)) return !negate;
        return negate;
      };
    }
    return single
      ? (actual) => (actual === first) !== negate
      : (actual) => expected.includes(actual) !== negate;
  };
}
