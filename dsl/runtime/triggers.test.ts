import { describe, expect, it } from 'vitest';
import type { ContextEvent } from '../catalog/context.ts';
import type { CompiledRule } from '../compile/compiled.ts';
import { compile, parse } from '../language.ts';
import type { Rule } from '../model/ast.ts';
import { createEvaluator, createMatcher } from './evaluator.ts';
import { triggerEvents } from './triggers.ts';

const compiledOf = (text: string) => compile(parse(text).rule as Rule);
const context = (event: ContextEvent | unknown) =>
  ({ visitor: { page_url: 'https://acme.test/pricing' }, device: {}, event }) as never;

describe('triggers', () => {
  it('compile to their events; page load and `for M:SS` as before', () => {
    const event = (clause: string) => compiledOf(`when visitor.page_url contains "x" ${clause}`).event;
    expect(event('')).toEqual({ type: 'page_load' });
    expect(event('for 0:30')).toEqual({ type: 'on_page', seconds: 30 });
    expect(event('for 2:00 on_site')).toEqual({ type: 'on_site', seconds: 120 });
    expect(event('on exit_intent')).toEqual({ type: 'exit_intent' });
    expect(event('on scroll 50%')).toEqual({ type: 'scroll', percent: 50 });
    expect(event('on idle 1:05')).toEqual({ type: 'idle', seconds: 65 });
    expect(event('on event "added_to_cart"')).toEqual({ type: 'custom', name: 'added_to_cart' });
  });

  it('fire on their own event only, once it has reached the rule’s threshold', () => {
    const fires = (clause: string, event: ContextEvent) =>
      createEvaluator(compiledOf(`when visitor.page_url contains "pricing" ${clause}`))(context(event)).fires;
    expect(fires('on scroll 50%', { type: 'scroll', percent: 50 })).toBe(true);
    expect(fires('on scroll 50%', { type: 'scroll', percent: 49 })).toBe(false);
    expect(fires('on idle 0:30', { type: 'idle', seconds: 31 })).toBe(true);
    expect(fires('on idle 0:30', { type: 'idle', seconds: 29 })).toBe(false);
    expect(fires('on idle 0:30', { type: 'on_page', seconds: 60 })).toBe(false);
    expect(fires('for 2:00 on_site', { type: 'on_site', seconds: 120 })).toBe(true);
    expect(fires('for 2:00 on_site', { type: 'on_page', seconds: 120 })).toBe(false);
    expect(fires('for 2:00', { type: 'on_site', seconds: 120 })).toBe(false);
    expect(fires('on exit_intent', { type: 'exit_intent' })).toBe(true);
    expect(fires('on exit_intent', { type: 'page_load' })).toBe(false);
    expect(fires('on event "added_to_cart"', { type: 'custom', name: 'added_to_cart' })).toBe(true);
    expect(fires('on event "added_to_cart"', { type: 'custom', name: 'Added_to_cart' })).toBe(false);
    expect(fires('', { type: 'custom', name: 'added_to_cart' })).toBe(false);
    expect(fires('on scroll 50%', { type: 'scroll', percent: '60' } as never)).toBe(false);
  });

  it('give custom events’ properties to the conditions', () => {
    const evaluate = createEvaluator(
      compiledOf(
        'when event.properties["value"] >= 40 and event.properties["sku"] starts with "a-" on event "buy"',
      ),
    );
    const buy = (properties: unknown) => evaluate(context({ type: 'custom', name: 'buy', properties }));
    expect(buy({ value: 42, sku: 'A-1' }).fires).toBe(true);
    expect(buy({ value: 39, sku: 'A-1' }).fires).toBe(false);
    expect(buy({ value: '42', sku: 'A-1' }).fires).toBe(false);
    expect(buy(undefined).fires).toBe(false);
    expect(buy({ value: 42, sku: 'A-1' }).explain.conditions).toMatchObject({
      children: [
        { field: 'event.properties', key: 'value', actual: 42, expected: [40], result: true },
        { field: 'event.properties', key: 'sku', actual: 'A-1', expected: ['a-'], result: true },
      ],
    });
  });

  it('explain the expected event and the one seen (null when malformed)', () => {
    const evaluate = createEvaluator(compiledOf('when visitor.page_url contains "pricing" on scroll 50%'));
    const explained = (event: unknown) => evaluate(context(event)).explain.event;
    expect(explained({ type: 'scroll', percent: 20 })).toEqual({
      expected: { type: 'scroll', percent: 50 },
      actual: { type: 'scroll', percent: 20 },
      result: false,
    });
    expect(explained({ type: 'exit_intent' }).actual).toEqual({ type: 'exit_intent' });
    expect(explained({ type: 'custom', name: 'x', properties: { a: 1 } }).actual).toEqual({
      type: 'custom',
      name: 'x',
    });
    expect(explained({ type: 'idle', seconds: 3 }).actual).toEqual({ type: 'idle', seconds: 3 });
    expect(explained({ type: 'scroll' }).actual).toBeNull();
    expect(explained({ type: 'idle', seconds: Number.NaN }).actual).toBeNull();
    expect(explained({ type: 7 }).actual).toBeNull();
    expect(explained({ type: 'click' }).actual).toBeNull();
    expect(explained({ type: 'toString' }).actual).toBeNull();
    expect(explained('scroll').actual).toBeNull();
  });

  it('are given to the matcher, which knows only page load and `for M:SS` by itself', () => {
    const compiled = compiledOf('when visitor.page_url contains "pricing" on exit_intent');
    expect(() => createMatcher(compiled)).toThrow(/Malformed compiled rule at event \(event\)/);
    expect(() => createEvaluator(compiled, { events: {} })).toThrow(
      /Malformed compiled rule at event: .* or an event of a trigger this evaluator is given, got \{"type":"exit_intent"\}/,
    );
    const matches = createMatcher(compiled, { events: triggerEvents });
    expect(matches(context({ type: 'exit_intent' }))).toBe(true);
    expect(matches(context({ type: 'page_load' }))).toBe(false);
    expect(
      createMatcher(compiledOf('when visitor.page_url contains "p" for 0:30'))(
        context({ type: 'on_page', seconds: 30 }),
      ),
    ).toBe(true);
  });

  it('refuse comparisons whose key is not a string', () => {
    const rule = compiledOf('when visitor.query["ref"] is "x"');
    const when = { ...rule.when, key: 3 };
    expect(() => createEvaluator({ ...rule, when } as CompiledRule)).toThrow(/at when: key must be a string/);
  });

  it('refuse malformed compiled events', () => {
    const rule = compiledOf('when visitor.page_url contains "pricing"');
    const refused = (event: unknown) => () => createEvaluator({ ...rule, event } as CompiledRule);
    expect(refused({ type: 'scroll' })).toThrow(/at event/);
    expect(refused({ type: 'custom', name: 3 })).toThrow(/at event/);
    expect(refused({ type: 'toString' })).toThrow(/at event/);
    expect(refused({ type: 'click' })).toThrow(/at event/);
    expect(refused({ type: 1 })).toThrow(/at event/);
  });

  it('leave the matcher’s time-of-day messages to explanations', () => {
    const compiled = compiledOf('when visitor.page_url contains "pricing" during business_hours');
    const event = { type: 'page_load' };
    expect(createMatcher(compiled)(context(event))).toBe(false);
    const explained = createEvaluator(compiled)(context(event));
    expect(explained.error?.message).toContain('the context has no schedules.default');
  });
});
