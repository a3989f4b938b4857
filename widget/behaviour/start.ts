/**
 * The detectors of the on-demand behaviour chunk (`widget-behaviour.js`), loaded only by channels whose rules
 * use `for M:SS on_site`, `on exit_intent`, `on scroll N%` or `on idle M:SS`: it starts the detectors
 * those rules need and no other (no scroll, pointer or idle listener a rule does not use).
 */
import type { CompiledEvent } from '@proactive/dsl/evaluator';
import type { Behaviour, StartBehaviour } from './contract.ts';
import { watchExitIntent } from './exit-intent.ts';
import { watchIdle } from './idle.ts';
import { watchTimeOnSite } from './on-site.ts';
import { watchScroll } from './scroll.ts';

/**
 * Starts the detectors of the rules' events.
 *
 * @example startBehaviour([{ type: 'scroll', percent: 50 }], { onCheck })
 */
export const startBehaviour: StartBehaviour = (events, options) => {
  const values = (type: CompiledEvent['type']) =>
    events.flatMap((event) =>
      event.type !== type
        ? []
        : 'seconds' in event
          ? [event.seconds]
          : 'percent' in event
            ? [event.percent]
            : [],
    );
  const running: Behaviour[] = [];
  const onSite = values('on_site');
  const scroll = values('scroll');
  const idle = values('idle');
  if (onSite.length) running.push(watchTimeOnSite(onSite, options));
  if (scroll.length) running.push(watchScroll(scroll, options));
  if (idle.length) running.push(watchIdle(idle, options));
  if (events.some((event) => event.type === 'exit_intent')) running.push(watchExitIntent(options));
  return {
    reset: () => running.forEach((detector) => detector.reset()),
    stop: () => running.forEach((detector) => detector.stop()),
  };
};
