// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { isDoneThisVisit, markDoneThisVisit, touchVisit, visitStart, VISIT_TIMEOUT_MS } from './visit.ts';

const endBrowserSession = () => {
  document.cookie = 'proactive_session=; path=/; max-age=0';
  sessionStorage.clear();
};

beforeEach(() => {
  localStorage.clear();
  endBrowserSession();
});

describe('visits', () => {
  it('the first visit is a new user; a later visit (30 min idle) is a returning user with the same visitor id', () => {
    const first = touchVisit(0);
    expect(first.history).toBe('new_user');
    const sameVisit = touchVisit(VISIT_TIMEOUT_MS - 1);
    expect(sameVisit).toEqual(first);
    // Activity keeps the visit going: 29 minutes after the last activity it is still the same visit.
    expect(touchVisit(2 * VISIT_TIMEOUT_MS - 2).visitId).toBe(first.visitId);
    const next = touchVisit(3 * VISIT_TIMEOUT_MS);
    expect(next.visitId).not.toBe(first.visitId);
    expect(next).toMatchObject({ visitorId: first.visitorId, history: 'returning_user' });
  });

  it('a new browser session starts a new visit; cleared storage makes a new visitor', () => {
    const first = touchVisit(0);
    endBrowserSession();
    const afterRestart = touchVisit(1000);
    expect(afterRestart.visitId).not.toBe(first.visitId);
    expect(afterRestart.history).toBe('returning_user');
    localStorage.clear();
    const fresh = touchVisit(2000);
    expect(fresh.visitorId).not.toBe(first.visitorId);
    expect(fresh.history).toBe('new_user');
  });

  it('remembers messages done during the visit only', () => {
    markDoneThisVisit('m1', 0);
    expect(isDoneThisVisit('m1', 10)).toBe(true);
    expect(isDoneThisVisit('m2', 10)).toBe(false);
    expect(isDoneThisVisit('m1', VISIT_TIMEOUT_MS + 20)).toBe(false);
  });

  it('counts pages in the visit and visits so far; keeps the landing query and start for the whole visit', () => {
    history.replaceState({}, '', '/landing?utm_source=news');
    const landing = touchVisit(1000, true);
    expect(landing).toMatchObject({ pages: 1, visits: 1, landing: '?utm_source=news' });
    history.replaceState({}, '', '/next?utm_source=other');
    expect(touchVisit(2000)).toMatchObject({ pages: 1, landing: '?utm_source=news' });
    expect(touchVisit(3000, true)).toMatchObject({ pages: 2, visits: 1, landing: '?utm_source=news' });
    expect(visitStart(5000)).toBe(1000);
    const next = touchVisit(3000 + VISIT_TIMEOUT_MS, true);
    expect(next).toMatchObject({ pages: 1, visits: 2, landing: '?utm_source=other' });
    expect(visitStart(4000 + VISIT_TIMEOUT_MS)).toBe(3000 + VISIT_TIMEOUT_MS);
    endBrowserSession();
    expect(visitStart(99)).toBe(99);
  });
});
