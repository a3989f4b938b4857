/**
 * The visitor context a rule is evaluated against: the same JSON the CLI's `eval --context` reads, the
 * API's `/dsl/explain` takes and the widget builds on the visitor's page. Types only.
 */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Opening hours on one weekday, local to the schedule's time zone. `close < open` crosses midnight. */
export interface ScheduleInterval {
  day: Weekday;
  /** `HH:MM`, 24-hour clock. */
  open: string;
  /** `HH:MM`; `24:00` means end of day. */
  close: string;
}

export interface Holiday {
  name: string;
  /** `YYYY-MM-DD`, a whole local day. */
  date: string;
}

export interface Schedule {
  /** IANA time zone, e.g. `America/New_York`. */
  time_zone: string;
  intervals: ScheduleInterval[];
  holidays: Holiday[];
}

export type ContextEvent = { type: 'page_load' } | { type: 'on_page'; seconds: number };

export interface RuleContext {
  visitor: {
    page_url?: string;
    page_title?: string;
    visit_history?: 'new_user' | 'returning_user';
  };
  device: {
    language?: string;
  };
  event: ContextEvent;
  /** ISO 8601 instant; defaults to the current time where the caller allows it. */
  now: string;
  /** `default` is the channel's business-hours schedule; other keys are named schedules. */
  schedules?: Record<string, Schedule>;
}
