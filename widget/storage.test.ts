// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { knownIdentity, rememberIdentity } from './identity.ts';
import { randomId, readJson, removeItem, writeJson } from './storage.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('storage that never throws', () => {
  it('round-trips JSON, and reads garbage or nothing as null', () => {
    expect(writeJson('local', 'k', { a: 1 })).toBe(true);
    expect(readJson('local', 'k')).toEqual({ a: 1 });
    localStorage.setItem('k', '{not json');
    expect(readJson('local', 'k')).toBeNull();
    removeItem('local', 'k');
    expect(readJson('local', 'k')).toBeNull();
    expect(writeJson('session', 's', [1])).toBe(true);
    expect(readJson('session', 's')).toEqual([1]);
  });

  it('keeps working when the page blocks storage or its quota is full', () => {
    const setItem = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const removeItemSpy = vi.spyOn(localStorage, 'removeItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(writeJson('local', 'k', 1)).toBe(false);
    expect(() => removeItem('local', 'k')).not.toThrow();
    setItem.mockRestore();
    removeItemSpy.mockRestore();

    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    const getter = vi.spyOn(window, 'localStorage', 'get').mockImplementation(blocked);
    expect(writeJson('local', 'k', 1)).toBe(false);
    expect(readJson('local', 'k')).toBeNull();
    expect(() => removeItem('local', 'k')).not.toThrow();
    expect(knownIdentity()).toEqual({});
    getter.mockRestore();
  });

  it('makes random ids with or without Web Crypto', () => {
    expect(randomId()).toMatch(/^[\da-f]{32}$/);
    vi.stubGlobal('crypto', undefined);
    expect(randomId()).toMatch(/^[\da-z]{8,}$/);
  });
});

describe('identity', () => {
  it('keeps trimmed names and emails and ignores blank or stored non-text values', () => {
    localStorage.setItem('proactive:identity', JSON.stringify({ name: '  ', email: 5 }));
    expect(knownIdentity()).toEqual({});
    expect(rememberIdentity({ name: ' Ada ', email: 3 })).toEqual({ name: 'Ada' });
    expect(rememberIdentity({ name: '', email: ' ada@example.com ' })).toEqual({
      name: 'Ada',
      email: 'ada@example.com',
    });
    expect(knownIdentity()).toEqual({ name: 'Ada', email: 'ada@example.com' });
  });
});
