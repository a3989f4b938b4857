import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CompiledCondition, CompiledRule } from '../compile/compiled.ts';
import type { RuleContext, Schedule } from '../catalog/context.ts';
import { createEvaluator, createMatcher, evaluate } from './evaluator.ts';
import { groupTest } from './rule.ts';
import { compile, parse } from '../language.ts';
import type { Rule } from '../model/ast.ts';

const cmp = (field: string, op: 'is' | 'is_not' | 'contains' | 'does_not_contain', values: string[]) =>
  ({
    t: 'cmp',
    field,
    match: field === 'device.language' ? 'language' : field === 'visitor.visit_history' ? 'symbol' : 'text',
    op,
    values,
  }) as CompiledCondition;

const rule = (when: CompiledCondition, extra: Partial<CompiledRule> = {}): CompiledRule => ({
  v: 1,
  when,
  event: { type: 'page_load' },
  time_of_day: { mode: 'anytime' },
  frequency: 'once_per_visit',
  tags: [],
  ...extra,
});

const context = (overrides: Partial<RuleContext> = {}): RuleContext => ({
  visitor: {
    page_url: 'https://acme.test/Pricing/Plans',
    page_title: 'Plans and PRICING',
    visit_history: 'returning_user',
  },
  device: { language: 'fr-CA' },
  event: { type: 'page_load' },
  now: '2026-11-27T15:04:05Z',
  ...overrides,
});

const fires = (when: CompiledCondition, ctx: RuleContext = context(), extra: Partial<CompiledRule> = {}) =>
  createEvaluator(rule(when, extra))(ctx).fires;

describe('comparisons on text fields', () => {
  it('contains ignores case and needs at least one value of a list', () => {
    expect(fires(cmp('visitor.page_url', 'contains', ['pricing']))).toBe(true);
    expect(fires(cmp('visitor.page_url', 'contains', ['checkout', 'plans']))).toBe(true);
    expect(fires(cmp('visitor.page_url', 'contains', ['checkout', 'cart']))).toBe(false);
  });

  it('does not contain means none of the values', () => {
    expect(fires(cmp('visitor.page_url', 'does_not_contain', ['checkout']))).toBe(true);
    expect(fires(cmp('visitor.page_url', 'does_not_contain', ['checkout', 'plans']))).toBe(false);
  });

  it('treats list values literally, whatever characters they hold', () => {
    const ctx = context({ visitor: { page_url: 'https://acme.test/a+b/(c)?x=$1' } });
    expect(fires(cmp('visitor.page_url', 'contains', ['a.b', '(c', 'zz']), ctx)).toBe(true);
    expect(fires(cmp('visitor.page_url', 'contains', ['a+b/', '[x]']), ctx)).toBe(true);
    expect(fires(cmp('visitor.page_url', 'contains', ['^https', '.*', '\\']), ctx)).toBe(false);
    expect(fires(cmp('visitor.page_url', 'contains', ['x=$1', '|']), ctx)).toBe(true);
    expect(fires(cmp('visitor.page_url', 'does_not_contain', ['a.b', '(c)?']), ctx)).toBe(false);
  });

  it('is / is not compare the whole folded value against one of the values', () => {
    expect(fires(cmp('visitor.page_title', 'is', ['plans and pricing']))).toBe(true);
    expect(fires(cmp('visitor.page_title', 'is', ['home', 'plans and pricing']))).toBe(true);
    expect(fires(cmp('visitor.page_title', 'is', ['plans']))).toBe(false);
    expect(fires(cmp('visitor.page_title', 'is_not', ['home', 'docs']))).toBe(true);
    expect(fires(cmp('visitor.page_title', 'is_not', ['plans and pricing']))).toBe(false);
  });

  it('folds Unicode case, including Greek final sigma', () => {
    const ctx = context({ visitor: { page_title: 'ÉTÉ À PARIS — ΟΔΟΣ' } });
    expect(fires(cmp('visitor.page_title', 'contains', ['été à paris']), ctx)).toBe(true);
    expect(fires(cmp('visitor.page_title', 'contains', ['οδοσ']), ctx)).toBe(true);
  });
});

describe('visit history and language', () => {
  it('matches visit history symbols exactly', () => {
    expect(fires(cmp('visitor.visit_history', 'is', ['returning_user']))).toBe(true);
    expect(fires(cmp('visitor.visit_history', 'is', ['new_user']))).toBe(false);
  });

  it('a language without region matches its regions; with a region only itself', () => {
    const lang = (device: string, values: string[], op: 'is' | 'is_not' = 'is') =>
      fires(cmp('device.language', op, values), context({ device: { language: device } }));
    expect(lang('fr', ['fr'])).toBe(true);
    expect(lang('fr-FR', ['fr'])).toBe(true);
    expect(lang('fr-CA', ['fr'])).toBe(true);
    expect(lang('fr-CA', ['fr-ca'])).toBe(true);
    expect(lang('fr-FR', ['fr-ca'])).toBe(false);
    expect(lang('fr', ['fr-ca'])).toBe(false);
    expect(lang('fry', ['fr'])).toBe(false);
    expect(lang('pt_BR', ['pt-br'])).toBe(true);
    expect(lang('DE-at', ['de', 'fr'])).toBe(true);
    expect(lang('en-US', ['fr'], 'is_not')).toBe(true);
    expect(lang('fr-BE', ['fr'], 'is_not')).toBe(false);
    expect(lang('not a tag!', ['fr'], 'is_not')).toBe(true);
  });
});

describe('logic', () => {
  const a = cmp('visitor.page_url', 'contains', ['pricing']);
  const b = cmp('visitor.visit_history', 'is', ['new_user']);
  it('and / or / not combine results', () => {
    expect(fires({ t: 'and', of: [a, b] })).toBe(false);
    expect(fires({ t: 'or', of: [b, a] })).toBe(true);
    expect(fires({ t: 'or', of: [b, b] })).toBe(false);
    expect(fires({ t: 'not', of: b })).toBe(true);
    expect(fires({ t: 'and', of: [a, { t: 'not', of: b }] })).toBe(true);
  });

  it('explains every node with its actual value, even after a short circuit', () => {
    const result = evaluate(rule({ t: 'and', of: [b, { t: 'not', of: a }] }), context());
    expect(result.fires).toBe(false);
    expect(result.explain.conditions).toEqual({
      kind: 'and',
      result: false,
      children: [
        {
          kind: 'comparison',
          field: 'visitor.visit_history',
          operator: 'is',
          expected: ['new_user'],
          actual: 'returning_user',
          result: false,
        },
        {
          kind: 'not',
          result: false,
          children: [
            {
              kind: 'comparison',
              field: 'visitor.page_url',
              operator: 'contains',
              expected: ['pricing'],
              actual: 'https://acme.test/Pricing/Plans',
              result: true,
            },
          ],
        },
      ],
    });
    expect(result.explain.frequency).toBe('once_per_visit');
    expect(JSON.parse(JSON.stringify(result)).explain.conditions.kind).toBe('and');
    expect(result.explain).toBe(result.explain);
    const compiled = rule({ t: 'or', of: [b, a] });
    expect(evaluate(compiled, context()).fires).toBe(true);
    expect(evaluate(compiled, context({ visitor: {} })).fires).toBe(false);
  });

  it('handles any number of operands', () => {
    const c = cmp('device.language', 'is', ['de']);
    expect(fires({ t: 'or', of: [b, c, a] })).toBe(true);
    expect(fires({ t: 'or', of: [b, c, b] })).toBe(false);
    expect(fires({ t: 'or', of: [a] })).toBe(true);
    expect(fires({ t: 'and', of: [a, a, a] })).toBe(true);
    expect(fires({ t: 'and', of: [a, a, b] })).toBe(false);
    expect(fires({ t: 'and', of: [b] })).toBe(false);
  });

  it('an and / or of any size is every / some of its children, called in order until one decides (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), (isAnd, results) => {
        const expected = isAnd ? results.every(Boolean) : results.some(Boolean);
        expect(fires({ t: isAnd ? 'and' : 'or', of: results.map((result) => (result ? a : b)) })).toBe(
          expected,
        );
        const called: number[] = [];
        const tests = results.map((result, index) => () => (called.push(index), result));
        expect(groupTest(isAnd, tests)([])).toBe(expected);
        const deciding = results.findIndex((result) => result !== isAnd);
        const last = deciding < 0 ? results.length - 1 : deciding;
        expect(called).toEqual(results.slice(0, last + 1).map((_, index) => index));
      }),
      { seed: 20261206, numRuns: 500 },
    );
  });

  it('explains or nodes', () => {
    const result = evaluate(rule({ t: 'or', of: [b, a] }), context());
    expect(result.explain.conditions).toMatchObject({ kind: 'or', result: true });
  });
});

describe('events', () => {
  const url = cmp('visitor.page_url', 'contains', ['pricing']);
  const onPage = { event: { type: 'on_page', seconds: 30 } } as const;
  it('a rule without `for` fires only on page_load', () => {
    expect(fires(url, context({ event: { type: 'page_load' } }))).toBe(true);
    expect(fires(url, context({ event: { type: 'on_page', seconds: 100 } }))).toBe(false);
  });

  it('a rule with `for 0:30` fires only on on_page events of at least 30 seconds', () => {
    expect(fires(url, context({ event: { type: 'on_page', seconds: 30 } }), onPage)).toBe(true);
    expect(fires(url, context({ event: { type: 'on_page', seconds: 31 } }), onPage)).toBe(true);
    expect(fires(url, context({ event: { type: 'on_page', seconds: 29 } }), onPage)).toBe(false);
    expect(fires(url, context({ event: { type: 'page_load' } }), onPage)).toBe(false);
  });

  it('explains the expected and actual event; a malformed event is null', () => {
    const evaluator = createEvaluator(rule(url, onPage));
    expect(evaluator(context({ event: { type: 'on_page', seconds: 12 } })).explain.event).toEqual({
      expected: { type: 'on_page', seconds: 30 },
      actual: { type: 'on_page', seconds: 12 },
      result: false,
    });
    const bad = context({ event: { type: 'on_page', seconds: '40' } as never });
    expect(evaluator(bad).explain.event.actual).toBeNull();
    expect(evaluator(context({ event: { type: 'on_page', seconds: NaN } })).explain.event.actual).toBeNull();
    expect(evaluator(context({ event: 'page_load' as never })).explain.event.actual).toBeNull();
    expect(evaluator(context({ event: { type: 'click' } as never })).fires).toBe(false);
  });
});

const newYork: Schedule = {
  time_zone: 'America/New_York',
  intervals: [
    { day: 'mon', open: '09:00', close: '17:00' },
    { day: 'fri', open: '09:00', close: '17:00' },
    { day: 'fri', open: '22:00', close: '02:00' },
    { day: 'sun', open: '00:00', close: '24:00' },
  ],
  holidays: [{ name: 'Christmas', date: '2026-12-25' }],
};

describe('time of day', () => {
  const url = cmp('visitor.page_url', 'contains', ['pricing']);
  const during = { time_of_day: { mode: 'during', schedule: 'default' } } as const;
  const outside = { time_of_day: { mode: 'outside', schedule: 'default' } } as const;
  const at = (
    now: string,
    extra: Partial<CompiledRule> = during,
    schedules: Record<string, Schedule> = { default: newYork },
  ) => createEvaluator(rule(url, extra))(context({ now, schedules }));

  it('during business hours uses the schedule time zone', () => {
    // Friday 2026-11-27 15:04 UTC = 10:04 in New York
    const result = at('2026-11-27T15:04:05Z');
    expect(result.fires).toBe(true);
    expect(result.explain.time_of_day).toEqual({
      mode: 'during',
      schedule: 'default',
      time_zone: 'America/New_York',
      local_time: '2026-11-27 10:04 fri',
      open: true,
      result: true,
    });
    expect(at('2026-11-27T13:59:00Z').fires).toBe(false); // 08:59 local
    expect(at('2026-11-27T22:00:00Z').fires).toBe(false); // 17:00 local: closed
    expect(at('2026-11-28T15:00:00Z').fires).toBe(false); // Saturday
  });

  it('outside business hours is the complement', () => {
    expect(at('2026-11-27T15:04:05Z', outside).fires).toBe(false);
    expect(at('2026-11-28T15:04:05Z', outside).fires).toBe(true);
  });

  it('intervals crossing midnight run into the next day', () => {
    expect(at('2026-11-28T03:30:00Z').fires).toBe(true); // Fri 22:30 local
    expect(at('2026-11-28T06:59:00Z').fires).toBe(true); // Sat 01:59 local
    expect(at('2026-11-28T07:00:00Z').fires).toBe(false); // Sat 02:00 local
  });

  it('24:00 closes at the end of the day', () => {
    expect(at('2026-11-30T04:59:00Z').fires).toBe(true); // Sun 23:59 local
    expect(at('2026-11-30T05:00:00Z').fires).toBe(false); // Mon 00:00 local
  });

  it('holidays are closed all day, local date', () => {
    const result = at('2026-12-25T15:00:00Z'); // Friday, Christmas, 10:00 local
    expect(result.fires).toBe(false);
    expect(result.explain.time_of_day).toMatchObject({ open: false, holiday: 'Christmas' });
    expect(at('2026-12-25T15:00:00Z', outside).fires).toBe(true);
  });

  it('is DST-correct', () => {
    // Monday 2026-03-09 (after the US switch on 03-08): 09:30 local is 13:30 UTC
    expect(at('2026-03-09T13:30:00Z').fires).toBe(true);
    expect(at('2026-03-09T13:29:00Z').explain.time_of_day.local_time).toBe('2026-03-09 09:29 mon');
    // Monday 2026-03-02 (before): 09:30 local is 14:30 UTC, 13:30 UTC is 08:30
    expect(at('2026-03-02T13:30:00Z').fires).toBe(false);
  });

  it('uses a named schedule', () => {
    const tokyo: Schedule = {
      time_zone: 'Asia/Tokyo',
      intervals: [{ day: 'sat', open: '00:00', close: '12:00' }],
      holidays: [],
    };
    const extra = { time_of_day: { mode: 'during', schedule: 'APAC support' } } as const;
    // 2026-11-27T15:04Z is Saturday 00:04 in Tokyo
    expect(at('2026-11-27T15:04:05Z', extra, { default: newYork, 'APAC support': tokyo }).fires).toBe(true);
  });

  it('a missing schedule is an error, not a silent false', () => {
    const result = at('2026-11-27T15:04:05Z', during, {});
    expect(result.fires).toBe(false);
    expect(result.error?.code).toBe('missing-schedule');
    expect(result.error?.message).toContain('schedules.default');
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      fires: false,
      explain: result.explain,
      error: result.error,
    });
    const named = at('2026-11-27T15:04:05Z', { time_of_day: { mode: 'outside', schedule: 'EMEA' } });
    expect(named.error).toMatchObject({ code: 'missing-schedule' });
    expect(named.error?.message).toContain('schedules["EMEA"]');
    expect(named.explain.time_of_day).toEqual({ mode: 'outside', schedule: 'EMEA', result: false });
    const inherited = at('2026-11-27T15:04:05Z', { time_of_day: { mode: 'during', schedule: 'toString' } });
    expect(inherited.error?.code).toBe('missing-schedule');
  });

  it('reports malformed schedules and instants', () => {
    const bad = (schedule: unknown) =>
      at('2026-11-27T15:04:05Z', during, { default: schedule as Schedule }).error;
    expect(bad('weekdays')?.code).toBe('invalid-schedule');
    expect(bad({ ...newYork, time_zone: 3 })?.message).toContain('IANA');
    expect(bad({ ...newYork, time_zone: 'Mars/Olympus' })?.message).toContain('Mars/Olympus');
    expect(bad({ ...newYork, intervals: 'all' })?.code).toBe('invalid-schedule');
    expect(bad({ ...newYork, intervals: [{ day: 'mon', open: '9:00', close: '17:00' }] })?.message).toContain(
      'intervals[0]',
    );
    expect(bad({ ...newYork, intervals: [{ day: 'mon', open: '24:00', close: '17:00' }] })?.code).toBe(
      'invalid-schedule',
    );
    expect(bad({ ...newYork, intervals: [{ day: 'monday', open: '09:00', close: '17:00' }] })?.code).toBe(
      'invalid-schedule',
    );
    expect(bad({ ...newYork, intervals: [{ day: 'mon', open: '09:00', close: 1700 }] })?.code).toBe(
      'invalid-schedule',
    );
    expect(bad({ ...newYork, intervals: ['mon'] })?.code).toBe('invalid-schedule');
    expect(bad({ ...newYork, holidays: {} })?.message).toContain('holidays');
    expect(bad({ ...newYork, holidays: [{ name: 'x', date: '25/12/2026' }] })?.message).toContain(
      'holidays[0]',
    );
    expect(bad({ ...newYork, holidays: ['2026-12-25'] })?.code).toBe('invalid-schedule');
    expect(bad({ time_zone: 'UTC', intervals: [] })).toBeUndefined();
    expect(bad({ ...newYork, holidays: [{ date: '2026-12-25' }] })).toBeUndefined();
    expect(at('Friday', during).error?.code).toBe('invalid-now');
    expect(
      createEvaluator(rule(url, during))({ ...context({ schedules: { default: newYork } }), now: 5 as never })
        .error?.code,
    ).toBe('invalid-now');
  });

  it('an unnamed holiday is reported by its date; without `now` the current time is used', () => {
    const schedule = { ...newYork, holidays: [{ date: '2026-12-25' }] } as unknown as Schedule;
    expect(at('2026-12-25T15:00:00Z', during, { default: schedule }).explain.time_of_day.holiday).toBe(
      '2026-12-25',
    );
    const always: Schedule = {
      time_zone: 'UTC',
      intervals: [
        { day: 'mon', open: '00:00', close: '00:00' },
        { day: 'tue', open: '00:00', close: '00:00' },
        { day: 'wed', open: '00:00', close: '00:00' },
        { day: 'thu', open: '00:00', close: '00:00' },
        { day: 'fri', open: '00:00', close: '00:00' },
        { day: 'sat', open: '00:00', close: '00:00' },
        { day: 'sun', open: '00:00', close: '00:00' },
      ],
      holidays: [],
    };
    const withoutNow = { ...context({ schedules: { default: always } }) } as Partial<RuleContext>;
    delete withoutNow.now;
    expect(createEvaluator(rule(url, during))(withoutNow as RuleContext).fires).toBe(true);
  });

  it('reuses one prepared schedule per schedule object', () => {
    const evaluator = createEvaluator(rule(url, during));
    const ctx = context({ schedules: { default: newYork } });
    expect(evaluator(ctx).fires).toBe(evaluator(ctx).fires);
  });
});

describe('malformed contexts never throw', () => {
  it('missing or wrongly-typed text is the empty text (explained as null); other kinds compare false', () => {
    const text = createEvaluator(rule(cmp('visitor.page_url', 'does_not_contain', ['pricing'])));
    const language = createEvaluator(
      rule({ t: 'cmp', field: 'device.language', match: 'language', op: 'is_not', values: ['fr'] }),
    );
    for (const ctx of [
      null,
      42,
      'x',
      [],
      {},
      { visitor: null, device: null },
      { visitor: { page_url: 7 }, device: { language: 7 } },
      { visitor: [] },
    ]) {
      expect(text(ctx as never).fires).toBe(false);
      expect(text(ctx as never).explain.conditions).toMatchObject({ actual: null, result: true });
      expect(language(ctx as never).explain.conditions).toMatchObject({ actual: null, result: false });
    }
  });

  it('a missing text field: `not x contains` and `x does not contain` agree', () => {
    const page = { visitor: { page_url: 'https://acme.test/' }, device: {}, event: { type: 'page_load' } };
    const negated = compile(parse('when not visitor.page_title contains "a"').rule as Rule);
    const notContains = compile(parse('when visitor.page_title does not contain "a"').rule as Rule);
    const isNot = compile(parse('when visitor.page_title is not "a"').rule as Rule);
    const is = compile(parse('when visitor.page_title is "a"').rule as Rule);
    expect(createEvaluator(negated)(page as never).fires).toBe(true);
    expect(createEvaluator(notContains)(page as never).fires).toBe(true);
    expect(createEvaluator(isNot)(page as never).fires).toBe(true);
    expect(createEvaluator(is)(page as never).fires).toBe(false);
  });

  it('holds for arbitrary JSON (fast-check, fixed seed)', () => {
    const schedule = { time_of_day: { mode: 'during', schedule: 'default' } } as const;
    const compiled = [
      rule(
        {
          t: 'or',
          of: [
            cmp('visitor.page_url', 'contains', ['a', 'b']),
            { t: 'not', of: cmp('device.language', 'is', ['fr']) },
            cmp('visitor.visit_history', 'is_not', ['new_user']),
          ],
        },
        schedule,
      ),
      rule(cmp('visitor.page_title', 'is', ['x']), { event: { type: 'on_page', seconds: 5 } }),
    ];
    const evaluators = compiled.map((one) => createEvaluator(one));
    const matchers = compiled.map((one) => createMatcher(one));
    const contextArb = fc.oneof(
      fc.jsonValue(),
      fc.record({
        visitor: fc.oneof(
          fc.jsonValue(),
          fc.record({ page_url: fc.jsonValue(), visit_history: fc.jsonValue() }),
        ),
        device: fc.oneof(fc.jsonValue(), fc.record({ language: fc.oneof(fc.string(), fc.jsonValue()) })),
        event: fc.oneof(
          fc.jsonValue(),
          fc.record({ type: fc.constantFrom('page_load', 'on_page'), seconds: fc.jsonValue() }),
        ),
        now: fc.oneof(
          fc.jsonValue(),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
        schedules: fc.oneof(
          fc.jsonValue(),
          fc.record({ default: fc.oneof(fc.jsonValue(), fc.constant(newYork)) }),
        ),
      }),
    );
    fc.assert(
      fc.property(contextArb, (ctx) => {
        evaluators.forEach((evaluator, index) => {
          const result = evaluator(ctx as never);
          expect(typeof result.fires).toBe('boolean');
          JSON.stringify(result);
          if (result.error) expect(result.fires).toBe(false);
          // The widget's matcher answers exactly `fires`.
          expect((matchers[index] as (context: unknown) => boolean)(ctx)).toBe(result.fires);
        });
      }),
      { seed: 20261127, numRuns: 2000 },
    );
  });
});

describe('compiled rules the evaluator refuses', () => {
  it('refuses unknown versions with a clear error', () => {
    expect(() => createEvaluator({ ...rule(cmp('visitor.page_url', 'is', ['x'])), v: 2 as 1 })).toThrow(
      /version 2: this evaluator understands version 1\./,
    );
    expect(() => createEvaluator(null as never)).toThrow(/expected a JSON object/);
  });

  it.each([
    [{ t: 'xor', of: [] }, /unknown condition type "xor"/],
    [{ t: 'and', of: [] }, /"and" needs a non-empty list/],
    [{ t: 'or' }, /"or" needs a non-empty list/],
    ['cmp', /expected a condition object/],
    [{ t: 'cmp', field: '', match: 'text', op: 'is', values: ['x'] }, /field must be/],
    [{ t: 'cmp', field: 'a.b', match: 'regex', op: 'is', values: ['x'] }, /unknown match kind "regex"/],
    [{ t: 'cmp', field: 'a.b', match: 'toString', op: 'is', values: ['x'] }, /unknown match kind/],
    [
      { t: 'cmp', field: 'a.b', match: 'text', op: 'resembles', values: ['x'] },
      /unknown operator "resembles"/,
    ],
    [{ t: 'cmp', field: 'a.b', match: 'text', op: 'is', values: [] }, /values must be/],
    [{ t: 'cmp', field: 'a.b', match: 'text', op: 'is', values: [1] }, /values must be/],
    [
      { t: 'not', of: { t: 'cmp', field: 'a.b', match: 'text', op: 9, values: ['x'] } },
      /at when.of: unknown operator/,
    ],
  ])('refuses malformed condition %j', (when, message) => {
    expect(() => createEvaluator(rule(when as CompiledCondition))).toThrow(message);
  });

  it('refuses malformed events, times of day and frequencies', () => {
    const when = cmp('visitor.page_url', 'is', ['x']);
    expect(() => createEvaluator(rule(when, { event: { type: 'on_page' } as never }))).toThrow(/at event/);
    expect(() => createEvaluator(rule(when, { event: null as never }))).toThrow(/at event/);
    expect(() => createEvaluator(rule(when, { time_of_day: { mode: 'during' } as never }))).toThrow(
      /at time_of_day/,
    );
    expect(() =>
      createEvaluator(rule(when, { time_of_day: { mode: 'never', schedule: 'x' } as never })),
    ).toThrow(/time_of_day/);
    expect(() => createEvaluator(rule(when, { time_of_day: 'anytime' as never }))).toThrow(/time_of_day/);
    expect(() => createEvaluator(rule(when, { frequency: 1 as never }))).toThrow(/at frequency/);
  });

  it('reads any object and property of the context, and the key of a keyed field', () => {
    const evaluator = createEvaluator(
      rule({ t: 'cmp', field: 'a.b', match: 'text', op: 'is', values: ['x'] }),
    );
    expect(evaluator({ a: { b: 'X' }, event: { type: 'page_load' } } as never).fires).toBe(true);
    for (const a of [1, null, [], { c: 'x' }])
      expect(evaluator({ a, event: { type: 'page_load' } } as never).explain.conditions).toMatchObject({
        actual: null,
        result: false,
      });
    const keyed = createEvaluator(
      rule({ t: 'cmp', field: 'a.b', key: 'c.d', match: 'text', op: 'is', values: ['x'] }),
    );
    expect(keyed({ a: { b: { 'c.d': 'X' } }, event: { type: 'page_load' } } as never).fires).toBe(true);
    expect(keyed({ a: { b: 'X' }, event: { type: 'page_load' } } as never).explain.conditions).toMatchObject({
      key: 'c.d',
      actual: null,
    });
  });

  it.each(['visitor', 'a.b.c', '.b', 'a.'])('refuses the field %j: an object and its property', (field) => {
    expect(() => createEvaluator(rule({ t: 'cmp', field, match: 'text', op: 'is', values: ['x'] }))).toThrow(
      /at when: field must be an object of the context and its property, such as "visitor.page_url"/,
    );
  });
});
