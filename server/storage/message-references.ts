/**
 * The columns derived from a message's rule and response so that "messages naming this schedule" and
 * "messages using this bot" are indexed queries: `schedule_name`, `bot_id`, `answer_id`.
 */
import type { MessageRecord } from './repository.ts';

export interface ReferenceColumns {
  schedule_name: string | null;
  bot_id: string | null;
  answer_id: string | null;
}

/**
 * The schedule a rule names (`during business_hours "EMEA support"`), or null (anytime, or the channel's
 * own business hours).
 *
 * @example namedSchedule({ timeOfDay: { kind: 'during', schedule: 'EMEA support' } }) // 'EMEA support'
 */
export function namedSchedule(rule: unknown): string | null {
  const timeOfDay = (rule as { timeOfDay?: { kind?: unknown; schedule?: unknown } } | null)?.timeOfDay;
  if (!timeOfDay || timeOfDay.kind === 'anytime') return null;
  return typeof timeOfDay.schedule === 'string' ? timeOfDay.schedule : null;
}

/**
 * The derived columns a message patch changes: `schedule_name` when it sets `rule`, the bot columns when
 * it sets `response`.
 *
 * @example referenceColumns({ response: { type: 'bot', bot_id: 'b1', answer_id: null } })
 * // { bot_id: 'b1', answer_id: null }
 */
export function referenceColumns(patch: Partial<MessageRecord>): Partial<ReferenceColumns> {
  const columns: Partial<ReferenceColumns> = {};
  if (patch.rule !== undefined) columns.schedule_name = namedSchedule(patch.rule);
  if (patch.response !== undefined) {
    const bot = patch.response.type === 'bot' ? patch.response : null;
    columns.bot_id = bot?.bot_id ?? null;
    columns.answer_id = bot?.answer_id ?? null;
  }
  return columns;
}

/** The derived column names, which records never show. */
export const referenceColumnNames: readonly (keyof ReferenceColumns)[] = [
  'schedule_name',
  'bot_id',
  'answer_id',
];
