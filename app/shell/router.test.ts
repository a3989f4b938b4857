// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { navigate, setLeaveGuard } from './router.ts';

afterEach(() => {
  setLeaveGuard(null);
  window.location.hash = '';
});

describe('the unsaved-changes guard', () => {
  it('navigates freely without a guard', () => {
    expect(navigate({ page: 'conversations' })).toBe(true);
    expect(window.location.hash).toBe('#/conversations');
  });

  it('holds navigation until the guard lets it go on, then navigates where it was asked to', () => {
    let held: (() => void) | null = null;
    setLeaveGuard((proceed) => {
      held = proceed;
      return false;
    });
    expect(navigate({ page: 'editor', id: 'm1' })).toBe(false);
    expect(window.location.hash).toBe('');
    (held as unknown as () => void)();
    expect(window.location.hash).toBe('#/messages/m1');
  });

  it('lets a removed guard go', () => {
    const remove = setLeaveGuard(() => false);
    remove();
    expect(navigate({ page: 'messages' })).toBe(true);
  });
});
