import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ContextEvent, RuleContext, Schedule } from './context.ts';
import { parseContext, scheduleSchema } from './context-schema.ts';

const issueExample = {
  visitor: { page_url: 'https://acme.test/pricing', page_title: 'Pricing', visit_history: 'returning_user' },
  device: { language: 'fr-CA' },
  event: { type: 'page_load' },
  now: '2026-11-27T15:04:05Z',
  schedules: {
    default: {
      time_zone: 'America/New_York',
      intervals: [{ day: 'mon', open: '09:00', close: '17:00' }],
      holidays: [{ name: 'Christmas', date: '2026-12-25' }],
    },
  },
};

const errors = (value: unknown) => {
  const result = parseContext(value);
  return result.ok ? [] : result.errors;
};

describe('parseContext', () => {
  it("accepts the issue's example and fills in what may be left out", () => {
    expect(parseContext(issueExample)).toEqual({ ok: true, context: issueExample, warnings: [] });
    expect(
      parseContext({ event: { type: 'on_page', seconds: 31 }, now: '2026-11-27T10:04:05-05:00' }),
    ).toEqual({
      ok: true,
      context: {
        visitor: {},
        device: {},
        event: { type: 'on_page', seconds: 31 },
        now: '2026-11-27T10:04:05-05:00',
      },
      warnings: [],
    });
    const noHolidays = { time_zone: 'UTC', intervals: [{ day: 'sun', open: '22:00', close: '24:00' }] };
    expect(
      parseContext({ event: { type: 'page_load' }, schedules: { 'EMEA support': noHolidays } }),
    ).toMatchObject({
      ok: true,
      context: { schedules: { 'EMEA support': { holidays: [] } } },
    });
  });

  it('says where and what for wrong types and missing values', () => {
    expect(errors({ event: { type: 'on_page', seconds: '40' } })).toEqual([
      'context.event.seconds: expected a number, got "40"',
    ]);
    expect(errors({})).toEqual(['context.event: required']);
    expect(errors([])).toEqual(['context: expected an object, got a list']);
    expect(errors({ event: { type: 'on_page' } })).toEqual([
      'context.event.seconds: required for an on_page event: seconds on the page',
    ]);
    expect(errors({ event: { type: 'page_load', seconds: 3 } })).toEqual([
      'context.event.seconds: only on_page, on_site and idle events have seconds',
    ]);
    expect(errors({ event: { type: 'click' } })).toEqual([
      'context.event.type: expected one of "page_load", "on_page", "on_site", "exit_intent", "scroll", "idle", "custom", got "click"',
    ]);
    expect(errors({ event: { type: 'page_load' }, visitor: { page_url: null } })).toEqual([
      'context.visitor.page_url: expected a string, got null',
    ]);
    expect(errors({ event: { type: 'page_load' }, visitor: { visit_history: 'old_user' } })[0]).toContain(
      '"new_user", "returning_user"',
    );
    expect(errors({ event: { type: 'page_load' }, device: { language: 'french!' } })[0]).toContain('BCP 47');
    expect(errors({ event: { type: 'page_load' }, now: 'tomorrow' })[0]).toContain(
      'context.now: expected an ISO 8601 instant',
    );
    expect(errors({ event: { type: 'page_load' }, now: 12 })[0]).toContain(
      'context.now: expected an ISO 8601 instant',
    );

    expect(
      errors({ event: { type: 'page_load' }, visitor: { page_title: 'x'.repeat(100), page_url: { a: 1 } } }),
    ).toEqual(['context.visitor.page_url: expected a string, got an object']);
    expect(errors({ event: { type: 'page_load' }, schedules: [] })).toEqual([
      'context.schedules: expected an object, got a list',
    ]);
    expect(errors({ event: { type: 'on_page', seconds: 'x'.repeat(50) } })[0]).toContain('...');
    expect(errors({ event: { type: 'on_page', seconds: -1 } })[0]).toContain('0 or more');
  });

  it('warns about unknown fields (likely typos) and ignores them', () => {
    expect(
      parseContext({
        event: { type: 'page_load' },
        visitor: { page_ulr: 'x', a: 1, page_title: 'T' },
        extra: 1,
      }),
    ).toEqual({
      ok: true,
      context: { visitor: { page_title: 'T' }, device: {}, event: { type: 'page_load' } },
      warnings: [
        'context.visitor: unknown fields "page_ulr", "a" (ignored)',
        'context: unknown field "extra" (ignored)',
      ],
    });
    expect(parseContext({ event: { type: 'click' }, device: { lang: 'fr' } })).toEqual({
      ok: false,
      errors: [
        'context.event.type: expected one of "page_load", "on_page", "on_site", "exit_intent", "scroll", "idle", "custom", got "click"',
      ],
      warnings: ['context.device: unknown field "lang" (ignored)'],
    });
  });

  it('checks schedules: time zones, days, times and holidays', () => {
    const schedule = (patch: object) => ({
      event: { type: 'page_load' },
      schedules: { 'EMEA support': { ...issueExample.schedules.default, ...patch } },
    });
    expect(errors(schedule({ time_zone: 'Mars/Olympus' }))).toEqual([
      'context.schedules["EMEA support"].time_zone: expected an IANA time zone such as "America/New_York"',
    ]);
    expect(errors(schedule({ intervals: [{ day: 'monday', open: '9:00', close: '25:00' }] }))).toEqual([
      'context.schedules["EMEA support"].intervals[0].day: expected one of "mon", "tue", "wed", "thu", "fri", "sat", "sun", got "monday"',
      'context.schedules["EMEA support"].intervals[0].open: expected a time "HH:MM" from 00:00 to 23:59',
      'context.schedules["EMEA support"].intervals[0].close: expected a time "HH:MM" from 00:00 to 24:00',
    ]);
    expect(
      errors(
        schedule({
          holidays: [
            { name: 'x', date: '2026-02-30' },
            { name: 'y', date: '30/01/2026' },
          ],
        }),
      ),
    ).toHaveLength(2);
  });

  it('refuses an interval that opens and closes at the same time, saying how to write 24 hours', () => {
    const schedule = {
      event: { type: 'page_load' },
      schedules: {
        default: { time_zone: 'UTC', intervals: [{ day: 'mon', open: '09:00', close: '09:00' }] },
      },
    };
    expect(errors(schedule)).toEqual([
      'context.schedules.default.intervals[0].close: opens and closes at the same time. For a whole day write open "00:00" and close "24:00"; for 24 hours from a time, split it at midnight (e.g. mon 09:00-24:00 and tue 00:00-09:00)',
    ]);
    const wholeDay = { day: 'mon', open: '00:00', close: '24:00' };
    expect(scheduleSchema.safeParse({ time_zone: 'UTC', intervals: [wholeDay] }).success).toBe(true);
  });
});

describe('the context type', () => {
  it('is inferred from the schema the catalog builds', () => {
    expectTypeOf<RuleContext['visitor']>().toEqualTypeOf<{
      page_url?: string;
      page_title?: string;
      visit_history?: 'new_user' | 'returning_user';
      referrer?: string;
      query?: Record<string, string>;
      utm_source?: string;
      utm_medium?: string;
      utm_campaign?: string;
      utm_term?: string;
      utm_content?: string;
      pages_viewed?: number;
      visit_count?: number;
      attributes?: Record<string, string | number | boolean>;
    }>();
    expectTypeOf<RuleContext['device']>().toEqualTypeOf<{
      language?: string;
      type?: 'mobile' | 'tablet' | 'desktop';
    }>();
    expectTypeOf<RuleContext['event']>().toEqualTypeOf<ContextEvent>();
    expectTypeOf<Schedule['intervals'][number]['day']>().toEqualTypeOf<
      'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'
    >();
    expectTypeOf(parseContext).returns.toMatchTypeOf<{ ok: boolean }>();
  });
});
