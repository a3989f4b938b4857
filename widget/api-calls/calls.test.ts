// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContextEvent } from '@proactive/dsl/evaluator';
import { knownAttributes, rememberAttributes } from './attributes.ts';
import { identify, trackedEvent } from './calls.ts';

let warn: { mock: { calls: unknown[][] }; mockRestore(): void };
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  warn.mockRestore();
  localStorage.clear();
});

const warnings = () => warn.mock.calls.map((call) => String(call[0]));

describe('attributes', () => {
  it('keeps text, numbers and booleans across calls; null removes a key; says whether they changed', () => {
    const rejected: string[] = [];
    expect(rememberAttributes({ plan: 'pro', seats: 12, trial: true }, (key) => rejected.push(key))).toBe(
      true,
    );
    expect(rememberAttributes({ plan: 'pro' }, (key) => rejected.push(key))).toBe(false);
    expect(
      rememberAttributes({ trial: null, tags: ['a'], score: Number.NaN }, (key) => rejected.push(key)),
    ).toBe(true);
    expect(knownAttributes()).toEqual({ plan: 'pro', seats: 12 });
    expect(rejected).toEqual(['tags', 'score']);
  });

  it('reads unreadable storage as none', () => {
    localStorage.setItem('proactive:attributes', '"text"');
    expect(knownAttributes()).toEqual({});
  });
});

describe('identify', () => {
  it('stores the attributes, and warns once about what to fix', () => {
    expect(identify({ name: 'Ada', attributes: { plan: 'pro' } })).toBe(true);
    expect(identify({ name: 'Ada' })).toBe(false);
    expect(identify('Ada')).toBe(false);
    expect(identify('Ada')).toBe(false);
    expect(identify({ attributes: ['pro'] })).toBe(false);
    expect(identify({ attributes: { plan: { tier: 1 } } })).toBe(false);
    expect(warnings()).toEqual([
      "[proactive] identify(details): details must be an object, such as {name: 'Ada', attributes: {plan: 'pro'}}.",
      "[proactive] identify({attributes}): attributes must be an object, such as {plan: 'pro', seats: 12, trial: true}.",
      '[proactive] identify({attributes}): attributes["plan"] must be text, a number, true/false, or null to remove it.',
    ]);
  });
});

describe('track', () => {
  it('the custom event with the usable properties, or null after a warning', () => {
    const expected: ContextEvent = {
      type: 'custom',
      name: 'added_to_cart',
      properties: { value: 42, sku: 'a' },
    };
    expect(trackedEvent('added_to_cart', { value: 42, sku: 'a', at: new Date(0) })).toEqual(expected);
    expect(trackedEvent('viewed')).toEqual({ type: 'custom', name: 'viewed', properties: {} });
    expect(trackedEvent('')).toBeNull();
    expect(trackedEvent(42)).toBeNull();
    expect(trackedEvent('x', 'big')).toBeNull();
    expect(warnings()).toEqual([
      '[proactive] track("added_to_cart", properties): properties["at"] must be text, a number or true/false.',
      "[proactive] track(name, properties): name must be a non-empty text, such as proactive('track', 'added_to_cart', {value: 42}).",
      '[proactive] track("x", properties): properties must be an object, such as {value: 42}.',
    ]);
  });
});
