/**
 * A message's daily counters over a range of days, with every day present (zero when nothing happened).
 */
import type { MessageStats } from '@proactive/contract/admin';
import type { Repository } from '../../storage/repository.ts';
import { DomainError } from '../errors.ts';
import { noTotals } from './view.ts';

const dayMs = 86_400_000;

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += dayMs) {
    out.push(new Date(time).toISOString().slice(0, 10));
  }
  return out;
}

/** Ranges longer than this are refused (a year and a day). */
export const maxStatsDays = 366;

/**
 * The stats of a message from `from` to `to` (`YYYY-MM-DD`, inclusive); by default the 30 days up to
 * today. A reversed or too long range is an `invalid_input` error.
 *
 * @example await messageStats(repository, 'msg_1', { from: '2026-11-01', to: '2026-11-30' }, new Date())
 */
export async function messageStats(
  repository: Repository,
  messageId: string,
  range: { from?: string; to?: string },
  today: Date,
): Promise<MessageStats> {
  const to = range.to ?? today.toISOString().slice(0, 10);
  const from = range.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * dayMs).toISOString().slice(0, 10);
  if (from > to) throw new DomainError('invalid_input', `"from" (${from}) is after "to" (${to}).`);
  if (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`) > maxStatsDays * dayMs) {
    throw new DomainError('invalid_input', `Ask for at most ${maxStatsDays} days at a time.`);
  }
  const rows = new Map((await repository.stats.daily(messageId, from, to)).map((row) => [row.day, row]));
  const series = days(from, to).map((day) => {
    const row = rows.get(day);
    return {
      date: day,
      sent: row?.shown ?? 0,
      opened: row?.opened ?? 0,
      dismissed: row?.dismissed ?? 0,
      replied: row?.replied ?? 0,
    };
  });
  const totals = series.reduce(
    (sum, day) => ({
      sent: sum.sent + day.sent,
      opened: sum.opened + day.opened,
      dismissed: sum.dismissed + day.dismissed,
      replied: sum.replied + day.replied,
    }),
    noTotals,
  );
  return { message_id: messageId, from, to, totals, series };
}
