// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContextEvent } from '@proactive/dsl/evaluator';
import type { Behaviour } from './contract.ts';
import { TOUCH_MIN_DEPTH_PERCENT, watchExitIntent } from './exit-intent.ts';
import { onScrollFrame, scrolledPercent } from './frame.ts';
import { watchIdle } from './idle.ts';
import { watchTimeOnSite } from './on-site.ts';
import { watchScroll } from './scroll.ts';
import { startBehaviour } from './start.ts';
import { thresholds } from './thresholds.ts';
import { touchVisit } from '../visit.ts';

let checks: ContextEvent[];
let running: Behaviour[];
const onCheck = (event: ContextEvent) => void checks.push(event);
const keep = (behaviour: Behaviour) => (running.push(behaviour), behaviour);

/** A page 3000 px tall in a 1000 px window: 2000 px can be scrolled. */
const scrollTo = (y: number) => {
  Object.defineProperty(window, 'scrollY', { configurable: true, value: y });
  window.dispatchEvent(new Event('scroll'));
};
const nextFrame = () => vi.advanceTimersByTime(20);

beforeEach(() => {
  vi.useFakeTimers({
    now: 100_000,
    toFake: [
      'setTimeout',
      'clearTimeout',
      'Date',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'performance',
    ],
  });
  checks = [];
  running = [];
  Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: 3000 });
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: 1000 });
  Object.defineProperty(window, 'scrollY', { configurable: true, value: 0 });
});
afterEach(() => {
  for (const behaviour of running) behaviour.stop();
  vi.useRealTimers();
});

describe('thresholds', () => {
  it('fires each threshold once, in order, up to the value reached; reset lets them fire again', () => {
    const fired: number[] = [];
    const reached = thresholds([50, 25, 50, 75], (value) => fired.push(value));
    expect(reached.reach(30)).toBe(50);
    expect(reached.reach(80)).toBeUndefined();
    expect(reached.reach(90)).toBeUndefined();
    reached.reset();
    reached.reach(25);
    expect(fired).toEqual([25, 50, 75, 25]);
  });
});

describe('scroll frames', () => {
  it('reads the scroll depth once per animation frame, never in the scroll handler', () => {
    const frames: number[] = [];
    const stop = onScrollFrame(() => frames.push(scrolledPercent()));
    scrollTo(500);
    scrollTo(1000);
    expect(frames).toEqual([]);
    nextFrame();
    expect(frames).toEqual([50]);
    stop();
    scrollTo(2000);
    nextFrame();
    expect(frames).toEqual([50]);
  });

  it('a page that does not scroll is at 0%', () => {
    Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: 800 });
    expect(scrolledPercent()).toBe(0);
  });
});

describe('on scroll N%', () => {
  it('counts a depth the visitor reached before watching started, without another scroll', () => {
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 1200 }); // 60%
    keep(watchScroll([50, 75], { onCheck }));
    expect(checks).toEqual([]);
    nextFrame();
    expect(checks).toEqual([{ type: 'scroll', percent: 50 }]);
  });

  it('fires each threshold once per page as the visitor scrolls deeper', () => {
    const behaviour = keep(watchScroll([50, 25], { onCheck }));
    scrollTo(400); // 20%
    nextFrame();
    expect(checks).toEqual([]);
    scrollTo(1200); // 60%
    nextFrame();
    scrollTo(0);
    nextFrame();
    scrollTo(1200);
    nextFrame();
    expect(checks).toEqual([
      { type: 'scroll', percent: 25 },
      { type: 'scroll', percent: 50 },
    ]);
    behaviour.reset();
    scrollTo(1000);
    nextFrame();
    expect(checks).toHaveLength(4);
  });
});

describe('for M:SS on_site', () => {
  it('counts from the start of the visit; thresholds already reached fire at once, the others on time', () => {
    const start = Date.now() - 30_000;
    const behaviour = keep(watchTimeOnSite([20, 60], { onCheck, visitStart: () => start }));
    expect(checks).toEqual([{ type: 'on_site', seconds: 20 }]);
    vi.advanceTimersByTime(29_999);
    expect(checks).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(checks).toEqual([
      { type: 'on_site', seconds: 20 },
      { type: 'on_site', seconds: 60 },
    ]);
    behaviour.reset(); // a new page of the same visit
    expect(checks).toHaveLength(4);
  });

  it('reads the visit start from the visit record by default (now when there is none)', () => {
    localStorage.clear();
    keep(watchTimeOnSite([5], { onCheck }));
    vi.advanceTimersByTime(4999);
    expect(checks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(checks).toEqual([{ type: 'on_site', seconds: 5 }]);
    touchVisit(Date.now() - 3000); // a visit that started 3 s ago
    keep(watchTimeOnSite([5], { onCheck }));
    vi.advanceTimersByTime(2000);
    expect(checks).toHaveLength(2);
  });
});

describe('on idle M:SS', () => {
  it('fires after that long without pointer, key, scroll or touch activity, and again after new activity', () => {
    keep(watchIdle([10], { onCheck }));
    vi.advanceTimersByTime(7000);
    window.dispatchEvent(new Event('pointermove'));
    vi.advanceTimersByTime(7000);
    window.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(9999);
    expect(checks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(checks).toEqual([{ type: 'idle', seconds: 10 }]);
    vi.advanceTimersByTime(60_000);
    expect(checks).toHaveLength(1); // once per idle stretch
    window.dispatchEvent(new Event('touchstart'));
    vi.advanceTimersByTime(10_000);
    expect(checks).toHaveLength(2);
  });

  it('stops listening when stopped', () => {
    const behaviour = watchIdle([1], { onCheck });
    behaviour.stop();
    vi.advanceTimersByTime(5000);
    expect(checks).toEqual([]);
  });
});

describe('on exit_intent', () => {
  const leave = (clientY: number, relatedTarget: EventTarget | null = null) =>
    document.dispatchEvent(new MouseEvent('mouseout', { clientY, relatedTarget, bubbles: true }));

  it('desktop: the pointer leaves the page through the top edge', () => {
    keep(watchExitIntent({ onCheck }));
    leave(300); // through the bottom or a side
    leave(0, document.body); // to another element at the top
    expect(checks).toEqual([]);
    leave(-2);
    expect(checks).toEqual([{ type: 'exit_intent' }]);
  });

  it('touch: a fast upward scroll, only after scrolling 30% of the page, once per upward scroll', () => {
    Object.defineProperty(navigator, 'maxTouchPoints', { configurable: true, value: 5 });
    const behaviour = keep(watchExitIntent({ onCheck }));
    scrollTo(400); // 20%
    nextFrame();
    scrollTo(0); // fast, but not deep enough yet
    nextFrame();
    expect(checks).toEqual([]);
    scrollTo((2000 * TOUCH_MIN_DEPTH_PERCENT) / 100 + 400);
    nextFrame();
    scrollTo(900); // 100 px in 20 ms: fast enough
    nextFrame();
    scrollTo(500);
    nextFrame();
    expect(checks).toEqual([{ type: 'exit_intent' }]);
    scrollTo(1200); // down again: armed
    nextFrame();
    for (let y = 1190; y > 1100; y -= 10) {
      scrollTo(y); // slow: 10 px per frame
      nextFrame();
    }
    expect(checks).toHaveLength(1);
    behaviour.reset();
    Object.defineProperty(navigator, 'maxTouchPoints', { configurable: true, value: 0 });
  });
});

describe('startBehaviour', () => {
  it('starts only the detectors the events need, and stops them all', () => {
    const added = vi.spyOn(window, 'addEventListener');
    const behaviour = startBehaviour([{ type: 'page_load' }, { type: 'custom', name: 'scroll' }], {
      onCheck,
    });
    expect(added).not.toHaveBeenCalled();
    behaviour.stop();
    const started = Date.now();
    const all = startBehaviour(
      [
        { type: 'scroll', percent: 50 },
        { type: 'idle', seconds: 5 },
        { type: 'on_site', seconds: 5 },
        { type: 'exit_intent' },
      ],
      { onCheck, visitStart: () => started },
    );
    expect(added.mock.calls.map(([name]) => name).sort()).toContain('scroll');
    vi.advanceTimersByTime(5000);
    expect(checks).toEqual([
      { type: 'on_site', seconds: 5 },
      { type: 'idle', seconds: 5 },
    ]);
    all.reset();
    all.stop();
    added.mockRestore();
  });
});
