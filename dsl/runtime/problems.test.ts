import { describe, expect, it } from 'vitest';
import { createScheduleService } from './schedule.ts';
import { describeRuleProblem, describeScheduleProblem } from './problems.ts';
import { malformed } from './rule.ts';

describe('the words for refused schedules', () => {
  const service = createScheduleService();
  const problem = (raw: unknown) => describeScheduleProblem(service.prepare(raw) as string);
  const paris = { time_zone: 'Europe/Paris', intervals: [], holidays: [] };

  it('says what is wrong and how to write it', () => {
    expect(problem(null)).toBe('must be {time_zone, intervals, holidays}');
    expect(problem({ ...paris, time_zone: 3 })).toMatch(/IANA time zone name such as "Europe\/Paris"/);
    expect(problem({ ...paris, time_zone: 'Mars/Base' })).toMatch(
      /time_zone "Mars\/Base" is not a time zone this browser knows/,
    );
    expect(problem({ ...paris, intervals: 'all' })).toBe('intervals must be a list of {day, open, close}');
    expect(problem({ ...paris, intervals: [{ day: 'mon', open: '09:00', close: '17:00' }, 'x'] })).toMatch(
      /^intervals\[1\] must be \{day: mon\.\.sun/,
    );
    expect(problem({ ...paris, holidays: 'x' })).toBe('holidays must be a list');
    expect(problem({ ...paris, holidays: ['2026-12-25'] })).toBe(
      'holidays[0] must be {name, date: YYYY-MM-DD}',
    );
  });
});

describe('the words for refused compiled rules', () => {
  it('name the place and the problem, and keep an unknown code as it is', () => {
    expect(describeRuleProblem(malformed('when', 'condition'))).toBe(
      'Malformed compiled rule at when: expected a condition object. Recompile the rule.',
    );
    expect(describeRuleProblem(malformed('v', 'version', 2))).toBe(
      'Cannot evaluate a compiled rule of version 2: this evaluator understands version 1.',
    );
    expect(describeRuleProblem(malformed('when', 'something-new'))).toBe(
      'Malformed compiled rule at when: something-new. Recompile the rule.',
    );
  });

  it('keep a short message of their own for bundles without these words', () => {
    const error = malformed('when.of[1]', 'kind', 'regex');
    expect(error.message).toBe('Malformed compiled rule at when.of[1] (kind). Recompile the rule.');
    expect(error).toBeInstanceOf(Error);
  });
});
