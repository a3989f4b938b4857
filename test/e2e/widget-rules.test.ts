/**
 * Widget e2e, part 1: fetching rules, the visitor context, events (time on page, navigation), schedules,
 * frequency, and which message wins. Real server, Chromium, browser clock instead of sleeping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  createScenario,
  expectBubble,
  openSite,
  sitePage,
  startHarness,
  widget,
  type Harness,
} from './support/widget-harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const MINUTES = 60_000;

describe('rules and context', () => {
  it('fetches the rules with an ETag, caches them, and the next page works at once from the cache', async () => {
    const { channelId } = await createScenario(harness, {
      messages: [{ greeting: 'Welcome!', rules: 'when visitor.page_url contains "/shop" every_time' }],
    });
    const site = await openSite(harness, (path) => sitePage(harness.server.url, channelId, { title: path }));
    const requests: Array<{ status: number; ifNoneMatch: string | undefined }> = [];
    site.page.on('response', async (response) => {
      if (response.url().includes('/rules'))
        requests.push({
          status: response.status(),
          ifNoneMatch: (await response.request().headerValue('if-none-match')) ?? undefined,
        });
    });
    await site.goto('/shop');
    await expectBubble(site.page, 'Welcome!');
    await site.goto('/shop/2');
    await expectBubble(site.page, 'Welcome!');
    expect(requests[0]).toEqual({ status: 200, ifNoneMatch: undefined });
    expect(requests[1]?.status).toBe(304);
    expect(requests[1]?.ifNoneMatch).toMatch(/^"?.+"?$/);

    // With the rules request held forever, the cached rules still show the message on the next page.
    await site.page.route('**/widget/v1/channels/**', () => undefined);
    await site.goto('/shop/3', { waitForRules: false });
    await expectBubble(site.page, 'Welcome!');
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('reads the page title at check time', async () => {
    const { channelId } = await createScenario(harness, {
      messages: [
        {
          greeting: 'Checkout help',
          rules: 'when visitor.page_title contains "checkout" for 0:05 every_time',
        },
      ],
    });
    const site = await openSite(harness, () =>
      sitePage(harness.server.url, channelId, { title: 'Your cart' }),
    );
    await site.goto('/cart');
    await site.page.clock.runFor(2000);
    await site.page.evaluate(() => (document.title = 'Checkout — step 1'));
    await site.page.clock.runFor(3500);
    await expectBubble(site.page, 'Checkout help');
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('knows new and returning users; clearing storage makes a new user', async () => {
    const { channelId } = await createScenario(harness, {
      messages: [
        { greeting: 'Welcome back', rules: 'when visitor.visit_history is returning_user every_time' },
        { greeting: 'First time here?', rules: 'when visitor.visit_history is new_user every_time' },
      ],
    });
    const site = await openSite(harness, () => sitePage(harness.server.url, channelId));
    await site.goto('/');
    await expectBubble(site.page, 'First time here?');
    await site.goto('/other');
    await expectBubble(site.page, 'First time here?'); // same visit: still the first visit
    await site.page.clock.runFor(31 * MINUTES); // 30 minutes without activity end the visit
    await site.goto('/');
    await expectBubble(site.page, 'Welcome back');
    await site.page.evaluate(() => localStorage.clear());
    await site.goto('/');
    await expectBubble(site.page, 'First time here?');
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('uses the device language (navigator.language)', async () => {
    const { channelId } = await createScenario(harness, {
      messages: [{ greeting: 'Bonjour !', rules: 'when device.language is "fr" every_time' }],
    });
    for (const [locale, expected] of [
      ['fr-CA', 'Bonjour !'],
      ['en-US', null],
    ] as const) {
      const site = await openSite(harness, () => sitePage(harness.server.url, channelId), { locale });
      await site.goto('/');
      await site.page.clock.runFor(500);
      await expectBubble(site.page, expected);
      expect(site.errors).toEqual([]);
      await site.context.close();
    }
  });
});

describe('events', () => {
  it('"visitor loads the page" checks on load; "visitor is on the page" after M:SS of visible time', async () => {
    const { channelId } = await createScenario(harness, {
      messages: [
        { greeting: 'On load', rules: 'when visitor.page_url contains "/load" every_time' },
        { greeting: 'After 30 seconds', rules: 'when visitor.page_url contains "/stay" for 0:30 every_time' },
      ],
    });
    const site = await openSite(harness, () => sitePage(harness.server.url, channelId));
    await site.goto('/load');
    await expectBubble(site.page, 'On load');

    await site.goto('/stay');
    await site.page.clock.runFor(10_000);
    // The tab is hidden for a minute: that time does not count.
    await site.page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await site.page.clock.runFor(60_000);
    await expectBubble(site.page, null);
    await site.page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await site.page.clock.runFor(15_000);
    await expectBubble(site.page, null); // 25 s visible
    await site.page.clock.runFor(5_500);
    await expectBubble(site.page, 'After 30 seconds');
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('restarts the time on page on navigation: pushState, replaceState, popstate, hashchange', async () => {
    const { channelId } = await createScenario(harness, {
      messages: [
        { greeting: 'Still browsing?', rules: 'when visitor.page_url contains "/app" for 0:20 every_time' },
      ],
    });
    const navigations: Record<string, string> = {
      pushState: "history.pushState({}, '', '/app/next')",
      replaceState: "history.replaceState({}, '', '/app/replaced')",
      popstate: "history.pushState({}, '', '/app/a'); history.back()",
      hashchange: "location.hash = 'section-2'",
    };
    for (const [kind, script] of Object.entries(navigations)) {
      const site = await openSite(harness, () => sitePage(harness.server.url, channelId));
      await site.goto('/app');
      if (kind === 'popstate') {
        await site.page.evaluate(() => history.pushState({}, '', '/app/a'));
      }
      await site.page.clock.runFor(15_000);
      await site.page.evaluate(kind === 'popstate' ? 'history.back()' : script);
      await site.page.waitForFunction(() => true);
      await site.page.clock.runFor(15_000);
      await expectBubble(site.page, null); // 30 s on the site, but only 15 s on this page
      await site.page.clock.runFor(6_000);
      await expectBubble(site.page, 'Still browsing?');
      expect(site.errors, kind).toEqual([]);
      await site.context.close();
    }
  });
});

describe('schedules', () => {
  it('during / outside business hours in the schedule time zone, holidays and overnight intervals included', async () => {
    const { channelId } = await createScenario(harness, {
      schedule: {
        time_zone: 'America/New_York',
        intervals: [
          ...['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, open: '09:00', close: '17:00' })),
          { day: 'sat', open: '22:00', close: '02:00' },
        ],
        holidays: [{ name: 'Thanksgiving', date: '2026-11-26' }],
      },
      extraSchedules: [
        {
          name: 'EMEA support',
          time_zone: 'Europe/Paris',
          intervals: [{ day: 'wed', open: '08:00', close: '18:00' }],
        },
      ],
      messages: [
        {
          greeting: 'Open now',
          rules: 'when visitor.page_url contains "/" during business_hours every_time',
        },
        {
          greeting: 'Closed now',
          rules: 'when visitor.page_url contains "/" outside business_hours every_time',
        },
      ],
    });
    const cases: Array<[string, string]> = [
      ['2026-11-25T15:00:00Z', 'Open now'], // Wed 10:00 New York
      ['2026-11-25T23:30:00Z', 'Closed now'], // Wed 18:30 New York
      ['2026-11-26T15:00:00Z', 'Closed now'], // Thanksgiving, a holiday
      ['2026-11-29T06:00:00Z', 'Open now'], // Sun 01:00 New York, inside Sat 22:00-02:00
      ['2026-11-29T08:00:00Z', 'Closed now'], // Sun 03:00 New York
    ];
    for (const [instant, expected] of cases) {
      const site = await openSite(harness, () => sitePage(harness.server.url, channelId), {
        clock: new Date(instant),
      });
      await site.goto('/');
      await expectBubble(site.page, expected);
      expect(site.errors, instant).toEqual([]);
      await site.context.close();
    }

    const emea = await createScenario(harness, {
      schedule: { time_zone: 'America/New_York', intervals: [{ day: 'mon', open: '09:00', close: '17:00' }] },
      messages: [
        {
          greeting: 'EMEA desk open',
          rules: 'when visitor.page_url contains "/" during business_hours "EMEA support" every_time',
        },
      ],
    });
    for (const [instant, expected] of [
      ['2026-11-25T08:00:00Z', 'EMEA desk open'], // Wed 09:00 Paris
      ['2026-11-25T18:00:00Z', null], // Wed 19:00 Paris
    ] as const) {
      const site = await openSite(harness, () => sitePage(harness.server.url, emea.channelId), {
        clock: new Date(instant),
      });
      await site.goto('/');
      await expectBubble(site.page, expected);
      await site.context.close();
    }
  });
});

describe('frequency', () => {
  const dismiss = (page: Page) => widget.bubble(page).locator('.pw-close').click();

  it('once per customer: only the first time, across visits; cleared storage is a new customer', async () => {
    const { channelId } = await createScenario(harness, {
      messages: [{ greeting: 'Once ever', rules: 'when visitor.page_url contains "/" once_per_customer' }],
    });
    const site = await openSite(harness, () => sitePage(harness.server.url, channelId));
    await site.goto('/');
    await expectBubble(site.page, 'Once ever');
    await site.goto('/again');
    await expectBubble(site.page, null);
    await site.page.clock.runFor(31 * MINUTES);
    await site.goto('/next-visit');
    await expectBubble(site.page, null);
    await site.page.evaluate(() => localStorage.clear());
    await site.goto('/');
    await expectBubble(site.page, 'Once ever');
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('once per visit: after opened or dismissed, not again until the next visit (30 min idle or a new browser session)', async () => {
    const { channelId } = await createScenario(harness, {
      messages: [{ greeting: 'Once a visit', rules: 'when visitor.page_url contains "/" once_per_visit' }],
    });
    const site = await openSite(harness, () => sitePage(harness.server.url, channelId));
    await site.goto('/');
    await expectBubble(site.page, 'Once a visit');
    await site.goto('/2');
    await expectBubble(site.page, 'Once a visit'); // neither opened nor dismissed yet
    await dismiss(site.page);
    await site.goto('/3');
    await expectBubble(site.page, null);
    await site.page.clock.runFor(20 * MINUTES);
    await site.goto('/4');
    await expectBubble(site.page, null); // 20 minutes of inactivity do not end the visit
    await site.page.clock.runFor(31 * MINUTES);
    await site.goto('/5');
    await expectBubble(site.page, 'Once a visit'); // 31 minutes do
    await widget.bubble(site.page).click(); // opened counts like dismissed
    await site.goto('/6');
    await expectBubble(site.page, null);

    // The browser session ends (session cookies and sessionStorage gone, localStorage kept): a new visit.
    const state = await site.context.storageState();
    await site.context.close();
    const restarted = await harness.browser.newContext({
      storageState: { ...state, cookies: state.cookies.filter((cookie) => cookie.expires > 0) },
    });
    const again = await openSite(harness, () => sitePage(harness.server.url, channelId), {
      context: restarted,
    });
    await again.goto('/');
    await expectBubble(again.page, 'Once a visit');
    expect([...site.errors, ...again.errors]).toEqual([]);
    await restarted.close();
  });

  it('every time: shown again on every check, even after dismissal', async () => {
    const { channelId } = await createScenario(harness, {
      messages: [{ greeting: 'Always', rules: 'when visitor.page_url contains "/" every_time' }],
    });
    const site = await openSite(harness, () => sitePage(harness.server.url, channelId));
    await site.goto('/');
    await expectBubble(site.page, 'Always');
    await dismiss(site.page);
    await expectBubble(site.page, null);
    await site.goto('/2');
    await expectBubble(site.page, 'Always');
    expect(site.errors).toEqual([]);
    await site.context.close();
  });
});

describe('which message', () => {
  it('one message at a time, the channel order decides, never during an active conversation', async () => {
    const { channelId } = await createScenario(harness, {
      messages: [
        { greeting: 'Second in order', rules: 'when visitor.page_url contains "/" every_time' },
        // Created last, moved to the top of the channel's order (0 = first).
        { greeting: 'First in order', rules: 'when visitor.page_url contains "/" every_time', order: 0 },
      ],
    });
    const site = await openSite(harness, () => sitePage(harness.server.url, channelId));
    await site.goto('/');
    await expectBubble(site.page, 'First in order');
    expect(await widget.bubble(site.page).count()).toBe(1);

    // Start a conversation: from then on no proactive message shows.
    await widget.bubble(site.page).click();
    const textarea = widget.panel(site.page).locator('textarea');
    await textarea.fill('Hello, I have a question');
    await textarea.press('Enter');
    await expect.poll(() => widget.panel(site.page).textContent(), { timeout: 5000 }).toContain('connected');
    await site.goto('/later');
    await site.page.clock.runFor(2000);
    await expectBubble(site.page, null);
    expect(await widget.launcher(site.page).isVisible()).toBe(true); // the conversation can be resumed
    expect(site.errors).toEqual([]);
    await site.context.close();
  });
});
