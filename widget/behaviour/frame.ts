/**
 * Scroll observation without layout reads in the scroll handler: the passive handler only asks for an
 * animation frame, and the page's geometry is read in that frame (at most once per frame).
 */

/**
 * How far the visitor has scrolled the page, in per cent of what can be scrolled (0 when the page does
 * not scroll). Reads layout: call it in an animation frame.
 *
 * @example scrolledPercent() // 60 half-way between the middle and the bottom... of a long page
 */
export function scrolledPercent(): number {
  const scrollable = document.documentElement.scrollHeight - innerHeight;
  return scrollable > 0 ? Math.min(100, Math.round((scrollY / scrollable) * 100)) : 0;
}

/**
 * Calls `frame` in the animation frame after the page scrolled (once per frame), and in the first frame
 * after watching starts, so that a depth reached before (the visitor scrolled while the chunk loaded)
 * counts without waiting for the next scroll; returns the stop function.
 *
 * @example const stop = onScrollFrame(() => console.log(scrolledPercent()));
 */
export function onScrollFrame(frame: () => void): () => void {
  let requested = 0;
  const listener = () => {
    requested ||= requestAnimationFrame(() => {
      requested = 0;
      frame();
    });
  };
  addEventListener('scroll', listener, { passive: true });
  listener();
  return () => {
    removeEventListener('scroll', listener);
    cancelAnimationFrame(requested);
  };
}
