/**
 * What the rule checks and the test panel need from the schedules: the channel's own business hours,
 * the names a rule may use, and each schedule as the evaluator's context (`default` is the channel's).
 */
import type { Schedule as ContextSchedule, ValidateOptions } from '@proactive/dsl';
import type { Channel, Schedule } from '@proactive/contract/admin';

export interface ScheduleContext {
  channelSchedule: Schedule | null;
  validateOptions: ValidateOptions;
  contextSchedules: Record<string, ContextSchedule>;
}

/**
 * The schedule context of a channel.
 *
 * @example scheduleContext(schedules, channel).contextSchedules.default // the channel's hours
 */
export function scheduleContext(schedules: Schedule[], channel: Channel | undefined): ScheduleContext {
  const channelSchedule = schedules.find((schedule) => schedule.id === channel?.schedule_id) ?? null;
  const asContext = (schedule: Schedule): ContextSchedule => ({
    time_zone: schedule.time_zone,
    intervals: schedule.intervals,
    holidays: schedule.holidays,
  });
  const contextSchedules: Record<string, ContextSchedule> = {};
  for (const schedule of schedules) contextSchedules[schedule.name] = asContext(schedule);
  if (channelSchedule) contextSchedules.default = asContext(channelSchedule);
  return {
    channelSchedule,
    validateOptions: {
      schedules: schedules.map((schedule) => schedule.name),
      hasBusinessHours: channelSchedule !== null,
    },
    contextSchedules,
  };
}
