/**
 * fast-check generators of rule ASTs in normal form and of rule-like texts, shared by the property tests
 * and the fuzz script (bench/fuzz.ts).
 */
import fc from 'fast-check';
import type { Comparison, Condition, Rule, StringValue, TimeOfDay, Timing, Value } from '../model/ast.ts';
import { fields, frequencies, operators } from '../catalog/catalog.ts';
import { language } from '../language.ts';

const { keywords } = language.syntax.vocabulary;

const identifierPart = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/).filter((part) => !keywords.includes(part));

/** Field names: catalog fields mostly, sometimes unknown dotted names (the parser accepts any). */
const fieldName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...fields.map((field) => field.name)) },
  {
    weight: 1,
    arbitrary: fc.array(identifierPart, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.')),
  },
);

/** Any Unicode text without line breaks in comments; strings may hold anything. */
const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const commentText = fc
  .string({ unit: 'grapheme', maxLength: 12 })
  .map((value) => value.replace(/[\r\n]/g, ''));

const stringValue: fc.Arbitrary<StringValue> = text.map((value) => ({ kind: 'string', value }));

/** Finite numbers of every size (printed without exponent), but not -0, which prints as 0. */
const numberLiteral = fc
  .oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
  .filter((number) => !Object.is(number, -0));

const value: fc.Arbitrary<Value> = fc.oneof(
  stringValue,
  fc.array(stringValue, { maxLength: 4 }).map((items) => ({ kind: 'list' as const, items })),
  identifierPart.map((name) => ({ kind: 'symbol' as const, name })),
  numberLiteral.map((number) => ({ kind: 'number' as const, value: number })),
  fc.boolean().map((truth) => ({ kind: 'boolean' as const, value: truth })),
);

const comments = fc.record(
  { before: fc.array(commentText, { minLength: 1, maxLength: 2 }), after: commentText },
  { requiredKeys: [] },
);

const comparison: fc.Arbitrary<Comparison> = fc
  .record({
    field: fieldName,
    key: fc.option(text, { nil: undefined, freq: 3 }),
    operator: fc.constantFrom(...operators.map((operator) => operator.name)),
    value,
    comments: fc.option(comments, { nil: undefined, freq: 3 }),
  })
  .map(({ comments: written, key, field, ...rest }) => {
    const node: Comparison = { kind: 'comparison', field, ...(key === undefined ? {} : { key }), ...rest };
    if (written && (written.before || written.after !== undefined)) node.comments = written;
    return node;
  });

/** Builds a normal-form and/or node: flattens same-kind operands. */
function combine(kind: 'and' | 'or', operands: Condition[]): Condition {
  return {
    kind,
    operands: operands.flatMap((operand) => (operand.kind === kind ? operand.operands : [operand])),
  };
}

/** Conditions in normal form, nested a few levels deep. */
export const conditionArbitrary: fc.Arbitrary<Condition> = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc
      .tuple(
        fc.constantFrom('and' as const, 'or' as const),
        fc.array(tie('condition'), { minLength: 2, maxLength: 4 }),
      )
      .map(([kind, operands]) => combine(kind, operands)),
    tie('condition').map((operand): Condition => ({ kind: 'not', operand })),
  ),
})).condition;

const timing: fc.Arbitrary<Timing> = fc.oneof(
  fc.constant({ kind: 'page_load' as const }),
  fc.record({
    kind: fc.constantFrom('on_page' as const, 'on_site' as const, 'idle' as const),
    minutes: fc.nat(99),
    seconds: fc.nat(59),
  }),
  fc.constant({ kind: 'exit_intent' as const }),
  fc.record({ kind: fc.constant('scroll' as const), percent: fc.nat(150) }),
  fc.record({ kind: fc.constant('custom' as const), name: text }),
);

const timeOfDay: fc.Arbitrary<TimeOfDay> = fc.oneof(
  fc.constant({ kind: 'anytime' as const }),
  fc.record({
    kind: fc.constantFrom('during' as const, 'outside' as const),
    schedule: fc.option(text, { nil: null }),
  }),
);

/** Whole rules in normal form (lower-case unique tags, optional rule comments). */
export const ruleArbitrary: fc.Arbitrary<Rule> = fc
  .record({
    condition: conditionArbitrary,
    timing,
    timeOfDay,
    frequency: fc.constantFrom(...frequencies.map((frequency) => frequency.name)),
    tags: fc.uniqueArray(text.map((tag) => tag.toLowerCase())),
    before: fc.array(commentText, { maxLength: 2 }),
    end: fc.array(commentText, { maxLength: 2 }),
  })
  .map(({ before, end, ...rest }) => {
    const rule: Rule = { kind: 'rule', ...rest };
    if (before.length > 0 || end.length > 0) {
      rule.comments = {};
      if (before.length > 0) rule.comments.before = before;
      if (end.length > 0) rule.comments.end = end;
    }
    return rule;
  });

const ruleWords = [
  ...keywords,
  ...fields.map((field) => field.name),
  '"pricing"',
  '["a", "b"]',
  '0:30',
  '(',
  ')',
  '[',
  ']',
  ',',
  '#',
  '"',
  '\\',
  '\n',
  'returning_user',
  '"fr-CA"',
  '61:00',
  '50%',
  '101%',
  '3',
  '-2.5',
  '==',
  '=>',
  '["plan"]',
  'visitor.attributes["plan"]',
  'event.properties["value"]',
];

/** Texts that look like rules: random sequences of the language's words, and arbitrary strings. */
export const ruleLikeText: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...ruleWords), { maxLength: 30 }).map((words) => words.join(' ')),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
);

/** A valid text with a few characters inserted, deleted or replaced. */
export function mutatedText(source: string): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.nat(source.length), fc.nat(3), fc.string({ unit: 'grapheme', maxLength: 3 })), {
      minLength: 1,
      maxLength: 4,
    })
    .map((edits) =>
      edits.reduce(
        (current, [at, remove, insert]) =>
          current.slice(0, Math.min(at, current.length)) +
          insert +
          current.slice(Math.min(at + remove, current.length)),
        source,
      ),
    );
}
