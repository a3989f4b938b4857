/**
 * `on idle M:SS`: no pointer, key, scroll or touch activity on the page for that long. Activity only
 * notes the time (no timer work per pointer move); each idle stretch fires each threshold once.
 */
import type { Behaviour, BehaviourOptions } from './contract.ts';
import { thresholds } from './thresholds.ts';

/** What counts as activity. */
export const ACTIVITY_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'scroll', 'wheel', 'touchstart'];

/**
 * Fires `{type: 'idle', seconds}` when the visitor has been idle that long.
 *
 * @example watchIdle([30], { onCheck })
 */
export function watchIdle(seconds: readonly number[], options: BehaviourOptions): Behaviour {
  const now = options.now ?? Date.now;
  let last = now();
  let fired = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reached = thresholds(seconds, (value) => {
    fired = true;
    options.onCheck({ type: 'idle', seconds: value });
  });
  const schedule = () => {
    clearTimeout(timer);
    const idle = now() - last;
    const next = reached.reach(idle / 1000);
    if (next !== undefined) timer = setTimeout(schedule, next * 1000 - idle);
  };
  const reset = () => {
    last = now();
    if (!fired) return;
    fired = false;
    reached.reset();
    schedule();
  };
  for (const name of ACTIVITY_EVENTS) addEventListener(name, reset, { passive: true, capture: true });
  schedule();
  return {
    reset,
    stop() {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) removeEventListener(name, reset, { capture: true });
    },
  };
}
