/**
 * `for M:SS on_site`: the visit has lasted that long (time on the site, across the pages of the visit).
 * A page of a visit that has already lasted longer fires the threshold at once.
 */
import type { Behaviour, BehaviourOptions } from './contract.ts';
import { thresholds } from './thresholds.ts';
import { visitStart } from '../visit.ts';

/**
 * Fires `{type: 'on_site', seconds}` once per page for each threshold the visit reaches.
 *
 * @example watchTimeOnSite([120], { onCheck })
 */
export function watchTimeOnSite(seconds: readonly number[], options: BehaviourOptions): Behaviour {
  const now = options.now ?? Date.now;
  const reached = thresholds(seconds, (value) => options.onCheck({ type: 'on_site', seconds: value }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Without a visit record (storage blocked), the visit counts from now.
  const started = now();
  const schedule = () => {
    clearTimeout(timer);
    const elapsed = now() - (options.visitStart?.() ?? visitStart(started));
    const next = reached.reach(elapsed / 1000);
    if (next !== undefined) timer = setTimeout(schedule, next * 1000 - elapsed);
  };
  schedule();
  return {
    reset() {
      reached.reset();
      schedule();
    },
    stop: () => clearTimeout(timer),
  };
}
