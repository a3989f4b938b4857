// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { builtinRuntimeKinds, createMatcher, type RuleContext } from '@proactive/dsl/evaluator';
import { compile, parse } from '@proactive/dsl';
import { writeJson } from '../storage.ts';
import type { Visit } from '../visit.ts';
import { deviceType } from './device.ts';
import { extras } from './extras.ts';
import { addFacts, queryOf } from './facts.ts';

afterEach(() => localStorage.clear());

const visit: Visit = {
  visitorId: 'v',
  visitId: 'x',
  history: 'returning_user',
  pages: 3,
  visits: 2,
  landing: '?utm_source=News&utm_campaign=spring&utm_id=7&other=1',
};

const seedContext = (): RuleContext => ({
  visitor: { page_url: location.href, page_title: '', visit_history: 'new_user' },
  device: { language: 'en' },
  event: { type: 'page_load' },
});

describe('device type', () => {
  const android =
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126 Mobile Safari/537.36';
  it('uses User-Agent Client Hints where the browser has them', () => {
    expect(deviceType({ userAgent: 'x', userAgentData: { mobile: true, platform: 'Android' } })).toBe(
      'mobile',
    );
    expect(deviceType({ userAgent: 'x', userAgentData: { mobile: false, platform: 'Android' } })).toBe(
      'tablet',
    );
    expect(deviceType({ userAgent: android, userAgentData: { mobile: false, platform: 'Windows' } })).toBe(
      'desktop',
    );
  });

  it('else reads the user agent (an iPad that says it is a Mac has a touch screen)', () => {
    expect(deviceType({ userAgent: android })).toBe('mobile');
    expect(deviceType({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' })).toBe(
      'mobile',
    );
    expect(deviceType({ userAgent: 'Mozilla/5.0 (Linux; Android 13; SM-X200) Safari/537.36' })).toBe(
      'tablet',
    );
    expect(deviceType({ userAgent: 'Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X)' })).toBe('tablet');
    const mac = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15';
    expect(deviceType({ userAgent: mac, maxTouchPoints: 5 })).toBe('tablet');
    expect(deviceType({ userAgent: mac, maxTouchPoints: 0 })).toBe('desktop');
    expect(deviceType({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126' })).toBe('desktop');
  });
});

describe('facts', () => {
  it('query parameters: first occurrence, decoded', () => {
    expect(queryOf('https://x.test/?ref=partner%20news&ref=other&q=a+b')).toEqual({
      ref: 'partner news',
      q: 'a b',
    });
  });

  it('adds referrer, query, UTM of the landing page, pages, visits, attributes and device type', () => {
    history.replaceState({}, '', '/pricing?ref=ad');
    writeJson('local', 'proactive:attributes', { plan: 'pro', seats: 12 });
    const context = seedContext();
    addFacts(context, visit);
    expect(context.visitor).toMatchObject({
      referrer: document.referrer,
      query: { ref: 'ad' },
      utm_source: 'News',
      utm_campaign: 'spring',
      pages_viewed: 3,
      visit_count: 2,
      attributes: { plan: 'pro', seats: 12 },
    });
    expect(context.visitor).not.toHaveProperty('utm_id');
    expect(context.visitor).not.toHaveProperty('utm_medium');
    expect(context.device.type).toMatch(/^(mobile|tablet|desktop)$/);
    const bare = seedContext();
    addFacts(bare, { ...visit, landing: undefined });
    expect(bare.visitor).not.toHaveProperty('utm_source');
  });
});

describe('matcher options', () => {
  const matcher = (text: string) =>
    createMatcher(compile(parse(text).rule!), extras.options(builtinRuntimeKinds));

  it('give the matcher every operator, the number, boolean and attribute kinds and the new triggers', () => {
    const context = seedContext();
    addFacts(context, visit);
    context.visitor.attributes = { plan: 'Pro', trial: true };
    expect(matcher('when visitor.page_url starts with "http" and visitor.pages_viewed >= 3')(context)).toBe(
      true,
    );
    expect(
      matcher('when visitor.attributes["plan"] matches "p*" and visitor.attributes["trial"] is true')(
        context,
      ),
    ).toBe(true);
    const custom = {
      ...context,
      event: { type: 'custom' as const, name: 'added', properties: { value: 42 } },
    };
    expect(matcher('when event.properties["value"] > 40 on event "added"')(custom)).toBe(true);
    expect(matcher('when event.properties["value"] > 50 on event "added"')(custom)).toBe(false);
  });
});
