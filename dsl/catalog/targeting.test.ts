/**
 * The context JSON of issue 12 (the CLI's `eval --context`, the API's `/dsl/explain`): new facts, keyed
 * facts, the events of every trigger; and the test panel's samples of them.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { catalog } from './catalog.ts';
import type { ContextEvent, RuleContext } from './context.ts';
import { parseContext } from './context-schema.ts';
import { keyValuePairs, sampleControlOf, sampleFactOf } from './samples.ts';
import type { FieldEntry } from './types.ts';

const errors = (value: unknown) => {
  const result = parseContext(value);
  return result.ok ? [] : result.errors;
};

describe('the context JSON', () => {
  it('names facts as the fields do (the issue’s example)', () => {
    const context = {
      visitor: {
        page_url: 'https://acme.test/?ref=x',
        referrer: 'https://www.google.com/',
        utm_source: 'newsletter',
        query: { ref: 'x' },
        attributes: { plan: 'pro', seats: 12 },
        pages_viewed: 3,
        visit_count: 2,
      },
      device: { language: 'fr', type: 'mobile' },
      event: { type: 'custom', name: 'added_to_cart', properties: { value: 42 } },
    };
    expect(parseContext(context)).toEqual({ ok: true, context, warnings: [] });
  });

  it('takes the event of every trigger', () => {
    for (const event of [
      { type: 'page_load' },
      { type: 'on_page', seconds: 31 },
      { type: 'on_site', seconds: 120 },
      { type: 'exit_intent' },
      { type: 'scroll', percent: 60 },
      { type: 'idle', seconds: 31 },
      { type: 'custom', name: 'added_to_cart', properties: { value: 42, sku: 'A-1', gift: true } },
      { type: 'custom', name: 'x' },
    ]) {
      expect(errors({ event })).toEqual([]);
    }
  });

  it('says what an event lacks or has too much', () => {
    expect(errors({ event: { type: 'scroll' } })).toEqual([
      'context.event.percent: required for a scroll event: the percent of the page scrolled',
    ]);
    expect(errors({ event: { type: 'custom' } })).toEqual([
      'context.event.name: required for a custom event: the name the site tracked',
    ]);
    expect(errors({ event: { type: 'idle' } })).toEqual([
      'context.event.seconds: required for an idle event: seconds without activity',
    ]);
    expect(errors({ event: { type: 'exit_intent', percent: 3, name: 'x' } })).toEqual([
      'context.event.percent: only scroll events have percent',
      'context.event.name: only custom events have name',
    ]);
    expect(errors({ event: { type: 'scroll', percent: 101 } })).toEqual([
      'context.event.percent: expected a percent from 0 to 100',
    ]);
    expect(errors({ event: { type: 'custom', name: 'x', properties: { a: [] } } })[0]).toMatch(
      /^context\.event\.properties\.a: /,
    );
  });

  it('says where a keyed or number fact has the wrong type', () => {
    expect(errors({ visitor: { query: { ref: 3 } }, event: { type: 'page_load' } })).toEqual([
      'context.visitor.query.ref: expected a string, got 3',
    ]);
    expect(errors({ visitor: { attributes: 'plan' }, event: { type: 'page_load' } })).toEqual([
      'context.visitor.attributes: expected an object, got "plan"',
    ]);
    expect(errors({ visitor: { pages_viewed: '3' }, event: { type: 'page_load' } })).toEqual([
      'context.visitor.pages_viewed: expected a number, got "3"',
    ]);
    expect(errors({ device: { type: 'watch' }, event: { type: 'page_load' } })).toEqual([
      'context.device.type: expected one of "mobile", "tablet", "desktop", got "watch"',
    ]);
  });

  it('types keyed facts as records and events as the triggers’ events', () => {
    expectTypeOf<RuleContext['visitor']['attributes']>().toEqualTypeOf<
      Record<string, string | number | boolean> | undefined
    >();
    expectTypeOf<Extract<ContextEvent, { type: 'custom' }>['properties']>().toEqualTypeOf<
      Record<string, string | number | boolean> | undefined
    >();
  });
});

describe('samples of the test panel', () => {
  const field = (name: string) => catalog.fieldByName(name) as FieldEntry;

  it('are key=value pairs for keyed fields', () => {
    expect(keyValuePairs(' plan = pro ; seats=12;;=x; nothing ; a=b=c')).toEqual([
      ['plan', 'pro'],
      ['seats', '12'],
      ['a', 'b=c'],
    ]);
    expect(sampleControlOf(field('visitor.query'), catalog)).toEqual({ control: 'keyValues' });
    expect(sampleControlOf(field('visitor.pages_viewed'), catalog)).toEqual({ control: 'number' });
  });

  it('become the facts the kind reads: text, numbers, booleans', () => {
    expect(sampleFactOf(field('visitor.attributes'), 'plan=pro; seats=12; trial=true', catalog)).toEqual({
      plan: 'pro',
      seats: 12,
      trial: true,
    });
    expect(sampleFactOf(field('visitor.query'), 'ref=12', catalog)).toEqual({ ref: '12' });
    expect(sampleFactOf(field('visitor.pages_viewed'), '4', catalog)).toBe(4);
    expect(sampleFactOf(field('visitor.pages_viewed'), '', catalog)).toBeUndefined();
    expect(sampleFactOf(field('visitor.page_title'), 'Pricing', catalog)).toBe('Pricing');
    const numbers = {
      ...field('visitor.pages_viewed'),
      name: 'visitor.counts',
      key: { label: 'count', example: '"a"' },
    };
    expect(sampleFactOf(numbers, 'a=1; b=x', catalog)).toEqual({ a: 1 });
  });
});
