// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContextEvent } from '@proactive/dsl/evaluator';
import { startTriggers, type Triggers } from './triggers.ts';

let checks: ContextEvent[];
let triggers: Triggers;

const setVisibility = (state: 'visible' | 'hidden') => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
};

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  setVisibility('visible');
  history.replaceState({}, '', '/start');
  checks = [];
  triggers = startTriggers({ onCheck: (event) => checks.push(event) });
});
afterEach(() => {
  triggers.stop();
  vi.useRealTimers();
});

describe('triggers', () => {
  it('checks page_load at once and each on_page threshold once, in order', () => {
    triggers.setThresholds([30, 5, 30]);
    expect(checks).toEqual([{ type: 'page_load' }]);
    vi.advanceTimersByTime(4999);
    expect(checks).toHaveLength(1);
    vi.advanceTimersByTime(1);
    vi.advanceTimersByTime(25_000);
    vi.advanceTimersByTime(60_000);
    expect(checks).toEqual([
      { type: 'page_load' },
      { type: 'on_page', seconds: 5 },
      { type: 'on_page', seconds: 30 },
    ]);
  });

  it('counts only visible time', () => {
    triggers.setThresholds([10]);
    vi.advanceTimersByTime(4000);
    setVisibility('hidden');
    vi.advanceTimersByTime(60_000);
    expect(checks).toHaveLength(1);
    expect(triggers.timeOnPage()).toBe(4000);
    setVisibility('visible');
    vi.advanceTimersByTime(5999);
    expect(checks).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(checks.at(-1)).toEqual({ type: 'on_page', seconds: 10 });
  });

  it('fires thresholds already reached when the rules arrive late', () => {
    vi.advanceTimersByTime(8000);
    triggers.setThresholds([5]);
    expect(checks.at(-1)).toEqual({ type: 'on_page', seconds: 5 });
  });

  it.each([
    ['pushState', () => history.pushState({}, '', '/next')],
    ['replaceState', () => history.replaceState({}, '', '/replaced')],
    [
      'hashchange',
      () => {
        history.replaceState({}, '', '/start#a');
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      },
    ],
  ])('restarts the time on page on %s navigation, with a page_load check', (_name, navigate) => {
    triggers.setThresholds([10]);
    vi.advanceTimersByTime(8000);
    navigate();
    expect(checks).toEqual([{ type: 'page_load' }, { type: 'page_load' }]);
    vi.advanceTimersByTime(8000);
    expect(checks).toHaveLength(2);
    vi.advanceTimersByTime(2000);
    expect(checks.at(-1)).toEqual({ type: 'on_page', seconds: 10 });
  });

  it('ignores a replaceState that keeps the URL (state updates are not navigation)', () => {
    triggers.setThresholds([10]);
    vi.advanceTimersByTime(8000);
    history.replaceState({ scroll: 1 }, '', location.href);
    vi.advanceTimersByTime(2000);
    expect(checks).toEqual([{ type: 'page_load' }, { type: 'on_page', seconds: 10 }]);
  });

  it('keeps history methods working for the page', () => {
    history.pushState({ a: 1 }, '', '/kept');
    expect(location.pathname).toBe('/kept');
    expect(history.state).toEqual({ a: 1 });
  });
});
