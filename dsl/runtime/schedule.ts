/**
 * Business-hours schedules at evaluation time: is a schedule open at an instant? Local wall-clock time
 * comes from `Intl.DateTimeFormat` in the schedule's time zone, so daylight-saving changes are handled by
 * the platform. Dependency-free: the widget bundles it.
 *
 * Meaning: an interval runs from `open` to `close` on its weekday; `close` < `open` runs past midnight into
 * the next day; `close: "24:00"` is the end of the day. A holiday closes its whole local date, including
 * the hours after midnight of the previous day's overnight interval. Schedules are checked when saved
 * (`scheduleSchema` refuses `open` equal to `close`); one stored before that check reads it as 24 hours
 * from `open`, as it always did.
 */

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A schedule checked and turned into lookup tables once. */
export interface PreparedSchedule {
  timeZone: string;
  /** Per weekday (0 = Sunday): `[open, close]` pairs in minutes after local midnight. */
  days: Array<Array<[number, number]>>;
  holidays: Map<string, string>;
}

/** Where an instant falls in a schedule's time zone. */
export interface LocalMoment {
  /** `YYYY-MM-DD` */
  date: string;
  /** 0 = Sunday */
  weekday: number;
  /** Minutes after local midnight. */
  minute: number;
}

export interface OpenState {
  open: boolean;
  /** Where the instant fell: {@link localTimeOf} writes it for explanations. */
  moment: LocalMoment;
  holiday?: string;
}

/**
 * A local moment as explanations show it.
 *
 * @example localTimeOf({ date: '2026-11-27', weekday: 5, minute: 604 }) // '2026-11-27 10:04 fri'
 */
export function localTimeOf(moment: LocalMoment): string {
  const clock = `${String(Math.floor(moment.minute / 60)).padStart(2, '0')}:${String(moment.minute % 60).padStart(2, '0')}`;
  return `${moment.date} ${clock} ${WEEKDAYS[moment.weekday]}`;
}

/** A JSON object (not null, not a list). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function minutesOf(text: unknown, allowEndOfDay: boolean): number | null {
  if (typeof text !== 'string') return null;
  if (allowEndOfDay && text === '24:00') return 1440;
  const match = TIME.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/**
 * Creates the per-evaluator schedule service: prepares schedules (memoised per schedule object) and caches
 * one `Intl.DateTimeFormat` per time zone, because creating them is slow.
 *
 * @example const schedules = createScheduleService(); schedules.prepare(context.schedules.default)
 */
export function createScheduleService() {
  const formatters = new Map<string, Intl.DateTimeFormat>();
  const prepared = new WeakMap<object, PreparedSchedule | string>();

  function formatterFor(timeZone: string): Intl.DateTimeFormat {
    let formatter = formatters.get(timeZone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
      formatters.set(timeZone, formatter);
    }
    return formatter;
  }

  function build(raw: Record<string, unknown>): PreparedSchedule | string {
    const { time_zone: timeZone, intervals, holidays } = raw;
    if (typeof timeZone !== 'string') return 'time-zone';
    try {
      formatterFor(timeZone);
    } catch {
      return `unknown-time-zone:${timeZone}`;
    }
    if (!Array.isArray(intervals)) return 'intervals';
    const days: PreparedSchedule['days'] = WEEKDAYS.map(() => []);
    for (const [index, interval] of intervals.entries()) {
      const day = isRecord(interval) ? WEEKDAYS.indexOf(interval.day as string) : -1;
      const open = isRecord(interval) ? minutesOf(interval.open, false) : null;
      const close = isRecord(interval) ? minutesOf(interval.close, true) : null;
      if (day < 0 || open === null || close === null) {
        return `interval:${index}`;
      }
      days[day]!.push([open, close]);
    }
    const holidayMap = new Map<string, string>();
    if (holidays !== undefined) {
      if (!Array.isArray(holidays)) return 'holidays';
      for (const [index, holiday] of holidays.entries()) {
        if (!isRecord(holiday) || typeof holiday.date !== 'string' || !DATE.test(holiday.date)) {
          return `holiday:${index}`;
        }
        holidayMap.set(holiday.date, typeof holiday.name === 'string' ? holiday.name : holiday.date);
      }
    }
    return { timeZone, days, holidays: holidayMap };
  }

  return {
    /**
     * The schedule ready to query, or the code of what is wrong with it (`interval:2`: the third
     * interval; `describeSchedule` in problems.ts words it).
     */
    prepare(raw: unknown): PreparedSchedule | string {
      if (!isRecord(raw)) return 'schedule';
      let result = prepared.get(raw);
      if (result === undefined) {
        result = build(raw);
        prepared.set(raw, result);
      }
      return result;
    },

    /** Whether the schedule is open at an instant (ms since epoch). */
    openAt(schedule: PreparedSchedule, instant: number): OpenState {
      const moment = localMoment(schedule.timeZone, instant);
      const holiday = schedule.holidays.get(moment.date);
      if (holiday !== undefined) return { open: false, moment, holiday };
      return { open: isWithinIntervals(schedule, moment), moment };
    },
  };

  /** Local date, weekday and minute of an instant in a time zone. */
  function localMoment(timeZone: string, instant: number): LocalMoment {
    const parts: Record<string, string> = {};
    for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
    const year = Number(parts.year);
    const month = Number(parts.month);
    const day = Number(parts.day);
    return {
      date: `${parts.year}-${parts.month}-${parts.day}`,
      weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
      minute: Number(parts.hour) * 60 + Number(parts.minute),
    };
  }
}

/**
 * Whether a local moment falls in one of the schedule's intervals, including yesterday's intervals that
 * run past midnight.
 *
 * @example isWithinIntervals(schedule, { date: '2026-11-27', weekday: 5, minute: 600 })
 */
export function isWithinIntervals(schedule: PreparedSchedule, moment: LocalMoment): boolean {
  const { minute } = moment;
  for (const [open, close] of schedule.days[moment.weekday]!) {
    if (minute >= open && (close <= open || minute < close)) return true;
  }
  for (const [open, close] of schedule.days[(moment.weekday + 6) % 7]!) {
    if (close <= open && minute < close) return true;
  }
  return false;
}
