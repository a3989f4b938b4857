import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { CompiledCondition, CompiledEvent, CompiledRule } from '../compile/compiled.ts';
import type { RuleContext, Schedule } from '../catalog/context.ts';
import { builtinRuntimeKinds } from '../kinds/builtin-runtime.ts';
import { extraRuntimeKinds } from '../kinds/extra-runtime.ts';
import { textRuntime } from '../kinds/text/runtime.ts';
import { urlRuntime } from '../kinds/url/runtime.ts';
import type { RuntimeKind } from '../kinds/runtime.ts';
import { compile, parse } from '../language.ts';
import { createChannelEvaluator } from './channel.ts';
import { literalIndex } from './literal-index.ts';
import { createMatcher } from './evaluator.ts';
import { triggerEvents } from './triggers.ts';

const everything = {
  kinds: { ...builtinRuntimeKinds, ...extraRuntimeKinds },
  events: triggerEvents,
  index: literalIndex,
};

const compiled = (text: string): CompiledRule => {
  const { rule } = parse(text);
  if (!rule) throw new Error(`does not parse: ${text}`);
  return compile(rule);
};

const pageLoad = (visitor: RuleContext['visitor'], extra: Partial<RuleContext> = {}): RuleContext => ({
  visitor,
  device: { language: 'en-US' },
  event: { type: 'page_load' },
  now: '2026-11-27T15:04:05Z',
  ...extra,
});

describe('createChannelEvaluator', () => {
  const rules = [
    'when visitor.page_url contains "pricing"',
    'when visitor.page_url contains ["blog", "docs"] and device.language is "fr"',
    'when visitor.page_title is "Plans" or visitor.page_url ends with "/plans"',
    'when not visitor.page_url contains "checkout"',
    'when visitor.page_url contains "pricing" for 0:30',
    'when visitor.pages_viewed >= 3 on scroll 50%',
    'when visitor.page_url contains "pricing" during business_hours',
  ].map(compiled);
  const schedules: Record<string, Schedule> = {
    default: {
      time_zone: 'America/New_York',
      intervals: [{ day: 'fri', open: '09:00', close: '17:00' }],
      holidays: [],
    },
  };

  it('answers the indexes of the rules that fire, in the channel order', () => {
    const channel = createChannelEvaluator(rules, everything);
    expect(channel.firing(pageLoad({ page_url: 'https://acme.test/PRICING' }, { schedules }))).toEqual([
      0, 3, 6,
    ]);
    expect(channel.firing(pageLoad({ page_url: 'https://acme.test/checkout/plans' }))).toEqual([2]);
    expect(channel.firing(pageLoad({ page_url: 'https://acme.test/', page_title: 'plans' }))).toEqual([2, 3]);
    expect(
      channel.firing(pageLoad({ page_url: 'https://acme.test/Docs' }, { device: { language: 'fr-CA' } })),
    ).toEqual([1, 3]);
  });

  it('tests only the rules waiting for the event, with their own thresholds', () => {
    const channel = createChannelEvaluator(rules, everything);
    const at = (event: RuleContext['event'], visitor: RuleContext['visitor'] = {}) =>
      channel.firing({ ...pageLoad(visitor), event });
    expect(at({ type: 'on_page', seconds: 31 }, { page_url: '/pricing' })).toEqual([4]);
    expect(at({ type: 'on_page', seconds: 29 }, { page_url: '/pricing' })).toEqual([]);
    expect(at({ type: 'scroll', percent: 60 }, { pages_viewed: 3 })).toEqual([5]);
    expect(at({ type: 'scroll', percent: 60 }, { pages_viewed: 2 })).toEqual([]);
    expect(at({ type: 'exit_intent' })).toEqual([]);
    expect(channel.firing({} as RuleContext)).toEqual([]);
    expect(channel.firing(null as unknown as RuleContext)).toEqual([]);
  });

  it('never fires the rules it cannot build, and runs the others', () => {
    const malformed = [
      null,
      { ...compiled('when visitor.page_url contains "x"'), when: { t: 'cmp', field: 3 } },
      { ...compiled('when visitor.page_url contains "x"'), when: { t: 'and', of: 'x' } },
      { ...compiled('when visitor.page_url contains "x"'), event: { type: 7 } },
    ] as unknown as CompiledRule[];
    for (const index of [undefined, literalIndex]) {
      const brokenChannel = createChannelEvaluator([...malformed, rules[0] as CompiledRule], { index });
      expect(brokenChannel.firing(pageLoad({ page_url: '/pricing' }))).toEqual([4]);
      expect(brokenChannel.firing({ ...pageLoad({ page_url: '/x' }), event: { type: 7 } } as never)).toEqual(
        [],
      );
    }

    const broken = { ...compiled('when visitor.page_url contains "x"'), v: 2 as 1 };
    const scroll = compiled('when visitor.page_url contains "x" on scroll 10%');
    const channel = createChannelEvaluator([broken, rules[0] as CompiledRule, scroll]);
    expect(channel.firing(pageLoad({ page_url: '/x/pricing' }))).toEqual([1]);
    expect(
      channel.firing({ ...pageLoad({ page_url: '/x' }), event: { type: 'scroll', percent: 50 } }),
    ).toEqual([]);
    expect(channel.firing(pageLoad({ page_url: '/x/pricing' }))).toEqual([1]);
  });

  it("prepares the visitor's URL once per event, however many rules read it", () => {
    const prepare = vi.fn(urlRuntime.prepare);
    const channel = createChannelEvaluator(
      ['pricing', 'plans', 'docs', 'blog'].map((word) =>
        compiled(`when visitor.page_url contains "${word}"`),
      ),
      { kinds: { ...builtinRuntimeKinds, url: { ...urlRuntime, prepare } } },
    );
    expect(channel.firing(pageLoad({ page_url: 'https://acme.test/Docs/Pricing' }))).toEqual([0, 2]);
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(channel.firing(pageLoad({ page_url: 'https://acme.test/blog' }))).toEqual([3]);
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it('checks each schedule once per event and refuses to fire without it', () => {
    const channel = createChannelEvaluator(rules, everything);
    expect(channel.firing(pageLoad({ page_url: '/pricing' }))).toEqual([0, 3]);
    const closed = pageLoad({ page_url: '/pricing' }, { schedules, now: '2026-11-28T15:04:05Z' });
    expect(channel.firing(closed)).toEqual([0, 3]);
  });

  it('skips the rules whose literals the page lacks without testing them', () => {
    let tests = 0;
    const counting: RuntimeKind = {
      ...textRuntime,
      test: (operator, expected) => {
        const test = textRuntime.test(operator, expected);
        return test && ((actual) => (tests++, test(actual)));
      },
    };
    const many = Array.from({ length: 1000 }, (_, index) =>
      compiled(
        `when visitor.page_title contains "product-${index}-" or visitor.page_title is "home ${index}"`,
      ),
    );
    const channel = createChannelEvaluator(many, {
      kinds: { ...builtinRuntimeKinds, text: counting },
      index: literalIndex,
    });
    expect(channel.firing(pageLoad({ page_title: 'Buy PRODUCT-42- now' }))).toEqual([42]);
    expect(tests).toBe(1);
    expect(channel.firing(pageLoad({ page_title: 'Home 7' }))).toEqual([7]);
    expect(channel.firing(pageLoad({}))).toEqual([]);
    expect(tests).toBe(3);
  });

  it('agrees with one matcher per rule on generated channels and contexts', () => {
    const piece = fc.constantFrom('pricing', 'pr', 'blog', '/', 'é', 'ß', 'SS', 'plans', 'x', '');
    const text = fc.array(piece, { maxLength: 4 }).map((pieces) => pieces.join(''));
    const textField = fc.constantFrom(
      ['visitor.page_url', 'url'],
      ['visitor.page_title', 'text'],
      ['visitor.referrer', 'text'],
    );
    const textOperator = fc.constantFrom(
      'is',
      'is_not',
      'contains',
      'does_not_contain',
      'starts_with',
      'ends_with',
      'matches',
      'does_not_match',
    );
    const comparison: fc.Arbitrary<CompiledCondition> = fc.oneof(
      fc
        .record({
          t: fc.constant('cmp' as const),
          field: textField.map(([field]) => field as string),
          op: textOperator,
          values: fc.array(
            fc.oneof(
              text,
              text.map((value) => `*${value}*`),
            ),
            { minLength: 1, maxLength: 3 },
          ),
        })
        .map(
          (node) =>
            ({ ...node, match: node.field === 'visitor.page_url' ? 'url' : 'text' }) as CompiledCondition,
        ),
      fc.record({
        t: fc.constant('cmp' as const),
        field: fc.constant('visitor.attributes'),
        key: fc.constantFrom('plan', 'seats'),
        match: fc.constant('attribute'),
        op: fc.constantFrom('contains', 'is', 'starts_with'),
        values: fc.array(text, { minLength: 1, maxLength: 2 }),
      }) as fc.Arbitrary<CompiledCondition>,
      fc.record({
        t: fc.constant('cmp' as const),
        field: fc.constant('visitor.pages_viewed'),
        match: fc.constant('number'),
        op: fc.constantFrom('is', 'greater_than', 'less_or_equal'),
        values: fc.tuple(fc.integer({ min: 0, max: 4 })),
      }) as fc.Arbitrary<CompiledCondition>,
    );
    const condition: fc.Arbitrary<CompiledCondition> = fc.letrec<{ node: CompiledCondition }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        comparison,
        fc.record({
          t: fc.constantFrom('and' as const, 'or' as const),
          of: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
        }) as fc.Arbitrary<CompiledCondition>,
        tie('node').map((of): CompiledCondition => ({ t: 'not', of })),
      ),
    })).node;
    const event: fc.Arbitrary<CompiledEvent> = fc.oneof(
      fc.constant({ type: 'page_load' as const }),
      fc.record({ type: fc.constant('on_page' as const), seconds: fc.integer({ min: 0, max: 60 }) }),
      fc.record({ type: fc.constant('scroll' as const), percent: fc.integer({ min: 1, max: 100 }) }),
    );
    const rule: fc.Arbitrary<CompiledRule> = fc.record({
      v: fc.constant(1 as const),
      when: condition,
      event,
      time_of_day: fc.constantFrom(
        { mode: 'anytime' as const },
        { mode: 'during' as const, schedule: 'default' },
        { mode: 'outside' as const, schedule: 'default' },
      ),
      frequency: fc.constant('once_per_visit' as const),
      tags: fc.constant([]),
    });
    const context = fc.record({
      visitor: fc.record(
        {
          page_url: text.map((path) => `https://acme.test/${path}`),
          page_title: text,
          referrer: fc.oneof(text, fc.integer()),
          attributes: fc.record(
            { plan: fc.oneof(text, fc.boolean()), seats: fc.integer() },
            { requiredKeys: [] },
          ),
          pages_viewed: fc.integer({ min: 0, max: 5 }),
        },
        { requiredKeys: [] },
      ),
      device: fc.constant({}),
      event: fc.oneof(
        fc.constant({ type: 'page_load' }),
        fc.record({ type: fc.constant('on_page'), seconds: fc.integer({ min: 0, max: 60 }) }),
        fc.record({ type: fc.constant('scroll'), percent: fc.integer({ min: 0, max: 100 }) }),
      ),
      now: fc.constantFrom('2026-11-27T15:04:05Z', '2026-11-28T15:04:05Z'),
      schedules: fc.constant(schedules),
    }) as fc.Arbitrary<RuleContext>;
    fc.assert(
      fc.property(
        fc.array(rule, { maxLength: 12 }),
        fc.array(context, { minLength: 1, maxLength: 5 }),
        (channelRules, contexts) => {
          const channel = createChannelEvaluator(channelRules, everything);
          const unindexed = createChannelEvaluator(channelRules, { ...everything, index: undefined });
          const matchers = channelRules.map((one) => createMatcher(one, everything));
          for (const one of contexts) {
            const expected = matchers.flatMap((matches, index) => (matches(one) ? [index] : []));
            expect(channel.firing(one)).toEqual(expected);
            expect(unindexed.firing(one)).toEqual(expected);
          }
        },
      ),
      { seed: 20261206, numRuns: 1500 },
    );
  });
});
