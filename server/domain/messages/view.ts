/**
 * The API view of a stored message: the record plus the rule's views (`tags`, `time_of_day`,
 * `frequency`, `timing`), `order` and its totals.
 */
import type { Message, MessageTotals } from '@proactive/contract/admin';
import type { Rule } from '@proactive/dsl';
import type { MessageRecord, Repository } from '../../storage/repository.ts';
import { timeOfDayView } from '../rules.ts';

export const noTotals: MessageTotals = { sent: 0, opened: 0, dismissed: 0, replied: 0 };

/**
 * The view of a record; `order` is its index among its channel's messages.
 *
 * @example messageView(record, noTotals, 0)
 */
export function messageView(record: MessageRecord, totals: MessageTotals, order: number): Message {
  const rule = record.rule as Rule | null;
  return {
    id: record.id,
    name: record.name,
    brand_id: record.brand_id,
    channel_id: record.channel_id,
    status: record.status,
    greeting: record.greeting,
    response: record.response,
    rules: record.rules,
    rule,
    diagnostics: record.diagnostics,
    tags: rule?.tags ?? [],
    time_of_day: rule ? timeOfDayView(rule.timeOfDay) : { kind: 'anytime' },
    frequency: rule?.frequency ?? 'once_per_visit',
    timing: rule ? rule.timing : { kind: 'page_load' },
    order,
    version: record.version,
    ...totals,
    created_at: record.created_at,
    updated_at: record.updated_at,
  };
}

/**
 * All-time totals of every message, in the API's words (`sent` is what the widget counts as shown).
 *
 * @example const totals = await messageTotals(repository); totals.get('msg_1')?.sent
 */
export async function messageTotals(repository: Repository): Promise<Map<string, MessageTotals>> {
  const stored = await repository.stats.totals();
  return new Map(
    [...stored].map(([id, total]) => [
      id,
      { sent: total.shown, opened: total.opened, dismissed: total.dismissed, replied: total.replied },
    ]),
  );
}
