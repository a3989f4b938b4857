/**
 * `on exit_intent`: the visitor seems about to leave. With a pointer, it leaves the page through the top
 * edge (towards the tabs and the address bar); on a touch device, a fast upward scroll once the visitor
 * has scrolled at least 30% of the page (towards the browser's address bar).
 */
import type { Behaviour, BehaviourOptions } from './contract.ts';
import { onScrollFrame, scrolledPercent } from './frame.ts';

/** How deep the visitor must have scrolled before a fast upward scroll counts, in per cent. */
export const TOUCH_MIN_DEPTH_PERCENT = 30;

/** An upward scroll at least this fast (pixels per millisecond, 1000 px/s) is a fast one. */
export const TOUCH_MIN_SPEED = 1;

/** The shortest time between two frames, in ms: a single sample never looks faster than one frame allows. */
const FRAME_MS = 16;

/**
 * Fires `{type: 'exit_intent'}` on each exit intent (a fast upward scroll counts again only after
 * scrolling down).
 *
 * @example watchExitIntent({ onCheck })
 */
export function watchExitIntent(options: BehaviourOptions): Behaviour {
  const fire = () => options.onCheck({ type: 'exit_intent' });
  const onOut = (event: MouseEvent) => {
    if (!event.relatedTarget && event.clientY <= 0) fire();
  };
  document.addEventListener('mouseout', onOut, { passive: true });

  let deepest = 0;
  let armed = true;
  let lastY = Number.NaN;
  let lastAt = 0;
  const stopTouch =
    navigator.maxTouchPoints > 0
      ? onScrollFrame(() => {
          const at = performance.now();
          const y = scrollY;
          deepest = Math.max(deepest, scrolledPercent());
          const speed = (lastY - y) / Math.max(FRAME_MS, at - lastAt);
          if (y > lastY) armed = true;
          else if (armed && speed >= TOUCH_MIN_SPEED && deepest >= TOUCH_MIN_DEPTH_PERCENT) {
            armed = false;
            fire();
          }
          lastY = y;
          lastAt = at;
        })
      : () => undefined;

  return {
    reset() {
      deepest = 0;
      armed = true;
    },
    stop() {
      document.removeEventListener('mouseout', onOut);
      stopTouch();
    },
  };
}
