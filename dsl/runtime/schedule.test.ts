import { describe, expect, it } from 'vitest';
import { createScheduleService, isWithinIntervals, localTimeOf, type PreparedSchedule } from './schedule.ts';
import { describeScheduleProblem } from './problems.ts';

const service = createScheduleService();
const prepare = (raw: unknown) => service.prepare(raw) as PreparedSchedule;

describe('isWithinIntervals', () => {
  const schedule = prepare({
    time_zone: 'UTC',
    intervals: [
      { day: 'mon', open: '09:00', close: '17:00' },
      { day: 'sat', open: '22:00', close: '03:00' },
      { day: 'tue', open: '12:00', close: '12:00' },
    ],
    holidays: [],
  });
  const at = (weekday: number, minute: number) =>
    isWithinIntervals(schedule, { date: '2026-01-01', weekday, minute });

  it('opens at `open` and closes at `close`', () => {
    expect(at(1, 9 * 60)).toBe(true);
    expect(at(1, 17 * 60 - 1)).toBe(true);
    expect(at(1, 17 * 60)).toBe(false);
    expect(at(1, 9 * 60 - 1)).toBe(false);
  });

  it('runs intervals with close <= open into the next day, Saturday into Sunday', () => {
    expect(at(6, 23 * 60)).toBe(true);
    expect(at(0, 2 * 60 + 59)).toBe(true);
    expect(at(0, 3 * 60)).toBe(false);
    expect(at(6, 2 * 60)).toBe(false);
  });

  it('close equal to open means 24 hours from open', () => {
    expect(at(2, 12 * 60)).toBe(true);
    expect(at(3, 11 * 60 + 59)).toBe(true);
    expect(at(3, 12 * 60)).toBe(false);
  });
});

describe('holidays', () => {
  it("close the whole local date, including the previous night's interval after midnight", () => {
    const overnight = prepare({
      time_zone: 'Europe/Paris',
      intervals: [{ day: 'fri', open: '22:00', close: '02:00' }],
      holidays: [{ name: 'Saturday off', date: '2026-11-28' }],
    });
    // Friday 23:30 in Paris (UTC+1): open; Saturday 01:00: the holiday, although Friday's interval runs to 02:00.
    expect(service.openAt(overnight, Date.parse('2026-11-27T22:30:00Z')).open).toBe(true);
    const saturday = service.openAt(overnight, Date.parse('2026-11-28T00:00:00Z'));
    expect(saturday).toMatchObject({ open: false, holiday: 'Saturday off' });
    expect(localTimeOf(saturday.moment)).toBe('2026-11-28 01:00 sat');
  });
});

describe('schedule service', () => {
  it('memoises prepared schedules per object', () => {
    const raw = { time_zone: 'Europe/Paris', intervals: [], holidays: [] };
    expect(service.prepare(raw)).toBe(service.prepare(raw));
    expect(service.prepare(null)).toBe('schedule');
    expect(describeScheduleProblem('schedule')).toMatch(/must be {time_zone, intervals, holidays}/);
  });

  it('answers local time in the schedule time zone across DST', () => {
    const paris = prepare({
      time_zone: 'Europe/Paris',
      intervals: [{ day: 'sun', open: '02:00', close: '04:00' }],
      holidays: [],
    });
    // 2026-03-29: clocks go from 02:00 to 03:00 in Paris; 01:30 UTC is 03:30 local.
    const spring = service.openAt(paris, Date.parse('2026-03-29T01:30:00Z'));
    expect(spring.open).toBe(true);
    expect(localTimeOf(spring.moment)).toBe('2026-03-29 03:30 sun');
    // 2026-10-25: clocks go back; 01:30 UTC is 02:30 local (second time).
    expect(localTimeOf(service.openAt(paris, Date.parse('2026-10-25T01:30:00Z')).moment)).toBe(
      '2026-10-25 02:30 sun',
    );
  });
});
