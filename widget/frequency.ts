/**
 * Frequency: whether a message may be shown again to this visitor, as the article defines it.
 * - once_per_customer: only the first time the customer meets the conditions (remembered in
 *   localStorage, so clearing the browser's storage makes a new customer);
 * - once_per_visit: after the message is opened or dismissed, not again until the next visit;
 * - every_time: whenever the conditions are met.
 */
import type { Frequency } from '@proactive/dsl/evaluator';
import { readJson, writeJson } from './storage.ts';
import { isDoneThisVisit, markDoneThisVisit } from './visit.ts';

const CUSTOMER_KEY = 'proactive:shown';

function shownToCustomer(): string[] {
  const list = readJson<unknown>('local', CUSTOMER_KEY);
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Whether the frequency setting still allows showing the message.
 *
 * @example mayShow({ id: 'm1', frequency: 'once_per_visit' }, Date.now())
 */
export function mayShow(message: { id: string; frequency: Frequency }, now: number): boolean {
  switch (message.frequency) {
    case 'every_time':
      return true;
    case 'once_per_customer':
      return !shownToCustomer().includes(message.id);
    default:
      return !isDoneThisVisit(message.id, now);
  }
}

/**
 * Records that the message was shown (this is what `once_per_customer` remembers).
 *
 * @example recordShown('m1')
 */
export function recordShown(messageId: string): void {
  const shown = shownToCustomer();
  if (!shown.includes(messageId)) writeJson('local', CUSTOMER_KEY, [...shown, messageId].slice(-500));
}

/**
 * Records that the visitor opened or dismissed the message (this is what `once_per_visit` remembers).
 *
 * @example recordClosed('m1', Date.now())
 */
export function recordClosed(messageId: string, now: number): void {
  markDoneThisVisit(messageId, now);
}
