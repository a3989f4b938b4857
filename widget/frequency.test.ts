// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { mayShow, recordClosed, recordShown } from './frequency.ts';
import { touchVisit, VISIT_TIMEOUT_MS } from './visit.ts';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  document.cookie = 'proactive_session=; path=/; max-age=0';
});

describe('frequency', () => {
  it('once_per_customer: never again after shown, until storage is cleared', () => {
    const message = { id: 'm1', frequency: 'once_per_customer' as const };
    expect(mayShow(message, 0)).toBe(true);
    recordShown('m1');
    expect(mayShow(message, 0)).toBe(false);
    expect(mayShow(message, 10 * VISIT_TIMEOUT_MS)).toBe(false);
    localStorage.clear();
    expect(mayShow(message, 0)).toBe(true);
  });

  it('once_per_visit: shown again until opened or dismissed, then not until the next visit', () => {
    const message = { id: 'm1', frequency: 'once_per_visit' as const };
    touchVisit(0);
    recordShown('m1');
    expect(mayShow(message, 1)).toBe(true);
    recordClosed('m1', 2);
    expect(mayShow(message, 3)).toBe(false);
    expect(mayShow(message, VISIT_TIMEOUT_MS + 10)).toBe(true);
  });

  it('every_time: always', () => {
    recordShown('m1');
    recordClosed('m1', 0);
    expect(mayShow({ id: 'm1', frequency: 'every_time' }, 1)).toBe(true);
  });
});
