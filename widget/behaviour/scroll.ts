/**
 * `on scroll N%`: the visitor has scrolled N% of the page (of what can be scrolled), once per page.
 */
import type { Behaviour, BehaviourOptions } from './contract.ts';
import { onScrollFrame, scrolledPercent } from './frame.ts';
import { thresholds } from './thresholds.ts';

/**
 * Fires `{type: 'scroll', percent}` the first time the page is scrolled that deep.
 *
 * @example watchScroll([50], { onCheck })
 */
export function watchScroll(percents: readonly number[], options: BehaviourOptions): Behaviour {
  const reached = thresholds(percents, (percent) => options.onCheck({ type: 'scroll', percent }));
  return { reset: reached.reset, stop: onScrollFrame(() => reached.reach(scrolledPercent())) };
}
