import { describe, expect, it } from 'vitest';
import { parse, type Rule } from '@proactive/dsl';
import { initialSample, sampleContext, sampleInputs, testRule } from './sample-visitor.ts';

describe('the test panel’s sample visitor', () => {
  it('has one input per catalog field, with the control its kind names', () => {
    expect(sampleInputs().map((input) => `${input.field.name}:${input.control.control}`)).toEqual([
      'visitor.page_url:text',
      'visitor.page_title:text',
      'visitor.visit_history:select',
      'visitor.referrer:text',
      'visitor.query:keyValues',
      'visitor.utm_source:text',
      'visitor.utm_medium:text',
      'visitor.utm_campaign:text',
      'visitor.utm_term:text',
      'visitor.utm_content:text',
      'visitor.pages_viewed:number',
      'visitor.visit_count:number',
      'visitor.attributes:keyValues',
      'device.language:text',
      'device.type:select',
      'event.properties:keyValues',
    ]);
  });

  it('starts from the catalog’s samples and the browser’s language', () => {
    const sample = initialSample(undefined, { language: 'fr-CA' }, new Date('2026-11-27T15:04:00Z'));
    expect(sample.values).toEqual({
      'visitor.page_url': 'https://example.com/pricing',
      'visitor.page_title': 'Pricing',
      'visitor.visit_history': 'new_user',
      'visitor.referrer': 'https://www.google.com/',
      'visitor.query': 'ref=partner',
      'visitor.utm_source': '',
      'visitor.utm_medium': '',
      'visitor.utm_campaign': '',
      'visitor.utm_term': '',
      'visitor.utm_content': '',
      'visitor.pages_viewed': '1',
      'visitor.visit_count': '1',
      'visitor.attributes': 'plan=pro; seats=12',
      'device.language': 'fr-CA',
      'device.type': 'desktop',
      'event.properties': 'value=42',
    });
    expect(sample.seconds).toBe(30);
    expect(new Date(sample.dateTime).toISOString()).toBe('2026-11-27T15:04:00.000Z');
    expect(initialSample().values['device.language']).toBe('en-US');
  });

  it('builds the context the widget would: fields at their place, the event, the time', () => {
    const sample = initialSample(undefined, {}, new Date('2026-11-27T15:04:00Z'));
    expect(sampleContext(sample, {})).toEqual({
      visitor: {
        page_url: 'https://example.com/pricing',
        page_title: 'Pricing',
        visit_history: 'new_user',
        referrer: 'https://www.google.com/',
        query: { ref: 'partner' },
        utm_source: '',
        utm_medium: '',
        utm_campaign: '',
        utm_term: '',
        utm_content: '',
        pages_viewed: 1,
        visit_count: 1,
        attributes: { plan: 'pro', seats: 12 },
      },
      device: { language: 'en-US', type: 'desktop' },
      event: { type: 'on_page', seconds: 30 },
      now: '2026-11-27T15:04:00.000Z',
      schedules: {},
    });
    const atLoad = sampleContext({ ...sample, seconds: 0, dateTime: 'not a date', values: {} }, {});
    expect(atLoad).toMatchObject({ visitor: {}, device: {}, event: { type: 'page_load' } });
    expect(Number.isNaN(Date.parse(atLoad.now!))).toBe(false);
  });

  it('evaluates a rule, or says why it cannot', () => {
    const rule = parse('when visitor.page_url contains "pricing" for 0:10').rule as Rule;
    expect(testRule(rule, initialSample(), {}).evaluation?.fires).toBe(true);
    const broken = parse('when visitor.page_ulr contains "x"').rule as Rule;
    expect(testRule(broken, initialSample(), {}).error).toContain('Cannot compile a rule with errors');
  });
});
