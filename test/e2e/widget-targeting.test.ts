/**
 * Widget e2e, part 4 (issue 12): the facts beyond the seed (UTM, referrer, query, attributes, pages viewed,
 * visit count, device type, event properties), the triggers beyond it (time on site, exit intent, scroll,
 * idle, custom events), `identify` / `track` before and after the script loads, and the chunks loaded
 * only when a channel's rules need them. Real server, Chromium, customer pages on another origin, browser
 * clock instead of sleeping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import {
  createScenario,
  expectBubble,
  openSite,
  sitePage,
  startHarness,
  type Harness,
  type SitePage,
} from './support/widget-harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** The stub the docs give, so that calls made before the script loads are queued. */
const STUB =
  '<script>window.proactive = window.proactive || function () { (proactive.q = proactive.q || []).push(arguments); };</script>';

/** A page tall enough to scroll (4000 px). */
const TALL = '<div style="height:4000px">Long article</div>';

const MINUTES = 60_000;

/** A channel with one message, and the customer site embedding it. */
async function siteWith(
  rules: string,
  page: { head?: string; body?: string } = {},
  options: { context?: BrowserContextOptions } = {},
): Promise<SitePage & { greeting: string }> {
  const greeting = `Message for ${rules}`;
  const { channelId } = await createScenario(harness, { messages: [{ greeting, rules }] });
  const context = options.context ? await harness.browser.newContext(options.context) : undefined;
  const site = await openSite(
    harness,
    () => sitePage(harness.server.url, channelId, page),
    context ? { context } : {},
  );
  return { ...site, greeting };
}

/** Lets the page's timers and animation frames run (the browser clock is fake). */
const settle = (site: SitePage, ms = 200) => site.page.clock.runFor(ms);

/**
 * Waits until the behaviour chunk (scroll, exit intent, idle, time on site) is loaded and watching, so
 * that what the test does next is seen (and a "nothing shown yet" means something).
 */
const behaviourWatching = async (site: SitePage) => {
  await expect
    .poll(() => site.page.evaluate(() => '__proactive_widget-behaviour.js' in window), { timeout: 10_000 })
    .toBe(true);
  await settle(site);
};

const scrollToPercent = (site: SitePage, percent: number) =>
  site.page.evaluate(
    (share) => window.scrollTo(0, ((document.documentElement.scrollHeight - innerHeight) * share) / 100),
    percent,
  );

describe('facts beyond the seed', () => {
  it('UTM parameters of the landing page are kept across the pages of the visit, and gone in the next visit', async () => {
    const site = await siteWith('when visitor.utm_campaign is "spring_sale" every_time');
    await site.goto('/landing?utm_source=newsletter&utm_campaign=Spring_Sale');
    await expectBubble(site.page, site.greeting);
    await site.goto('/pricing');
    await expectBubble(site.page, site.greeting);
    await site.page.clock.runFor(31 * MINUTES); // the visit ends after 30 minutes without activity
    await site.goto('/pricing');
    await settle(site);
    await expectBubble(site.page, null);
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('referrer: the page the visitor came from', async () => {
    const site = await siteWith('when visitor.referrer contains "google." every_time');
    await site.page.goto(`${harness.site}/from-search`, { referer: 'https://www.google.com/' });
    await expectBubble(site.page, site.greeting);
    await site.page.goto(`${harness.site}/direct`);
    await settle(site);
    await expectBubble(site.page, null);
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('query parameter of the current page: first occurrence, decoded', async () => {
    const site = await siteWith('when visitor.query["ref"] is "partner news" every_time');
    await site.goto('/?ref=partner%20news&ref=other');
    await expectBubble(site.page, site.greeting);
    await site.goto('/?ref=other');
    await settle(site);
    await expectBubble(site.page, null);
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('pages viewed in this visit and visit count', async () => {
    const { channelId } = await createScenario(harness, {
      messages: [
        { greeting: 'Third page', rules: 'when visitor.pages_viewed >= 3 once_per_visit' },
        { greeting: 'Second visit', rules: 'when visitor.visit_count is 2 every_time' },
      ],
    });
    const site = await openSite(harness, () => sitePage(harness.server.url, channelId));
    await site.goto('/1');
    await site.goto('/2');
    await settle(site);
    await expectBubble(site.page, null);
    await site.goto('/3');
    await expectBubble(site.page, 'Third page');
    await site.page.clock.runFor(31 * MINUTES);
    await site.goto('/next-visit');
    await expectBubble(site.page, 'Second visit');
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('device.type is mobile under mobile emulation, desktop otherwise', async () => {
    const rules = 'when device.type is mobile every_time';
    const mobile = await siteWith(
      rules,
      {},
      {
        context: {
          userAgent:
            'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
          viewport: { width: 412, height: 915 },
          isMobile: true,
          hasTouch: true,
        },
      },
    );
    await mobile.goto('/');
    await expectBubble(mobile.page, mobile.greeting);
    expect(mobile.errors).toEqual([]);
    await mobile.context.close();

    const desktop = await siteWith(rules);
    await desktop.goto('/');
    await settle(desktop);
    await expectBubble(desktop.page, null);
    await desktop.context.close();
  });
});

describe('identify and track', () => {
  it('identify before the script loads (queued by the stub): attributes are rules facts on this page and the next', async () => {
    const site = await siteWith(
      'when visitor.attributes["plan"] is "pro" and visitor.attributes["seats"] > 10 every_time',
      {
        head: `${STUB}<script>proactive('identify', {name: 'Ada', attributes: {plan: 'pro', seats: 12, trial: true}});</script>`,
      },
    );
    await site.goto('/');
    await expectBubble(site.page, site.greeting);
    await site.goto('/next');
    await expectBubble(site.page, site.greeting);
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('identify after the script loads checks the page again; null removes an attribute', async () => {
    const site = await siteWith('when visitor.attributes["trial"] is true every_time');
    await site.goto('/');
    await settle(site);
    await expectBubble(site.page, null);
    await site.page.evaluate(() =>
      (window as unknown as { proactive: (...args: unknown[]) => void }).proactive('identify', {
        attributes: { trial: true },
      }),
    );
    await expectBubble(site.page, site.greeting);
    await site.page.evaluate(() =>
      (window as unknown as { proactive: { identify(details: unknown): void } }).proactive.identify({
        attributes: { trial: null },
      }),
    );
    await site.goto('/next');
    await settle(site);
    await expectBubble(site.page, null);
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('a custom event with properties: on event "name" and event.properties', async () => {
    const site = await siteWith('when event.properties["value"] > 40 on event "added_to_cart" every_time');
    await site.goto('/');
    const track = (name: string, properties: Record<string, unknown>) =>
      site.page.evaluate(
        ([eventName, eventProperties]) =>
          (window as unknown as { proactive: (...args: unknown[]) => void }).proactive(
            'track',
            eventName,
            eventProperties,
          ),
        [name, properties] as const,
      );
    await track('added_to_cart', { value: 10 });
    await track('viewed_cart', { value: 99 });
    await settle(site);
    await expectBubble(site.page, null);
    await track('added_to_cart', { value: 42 });
    await expectBubble(site.page, site.greeting);
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('invalid calls warn once, saying what to fix, and nothing else reaches the console', async () => {
    const site = await siteWith('when visitor.page_url contains "/" on event "x" every_time');
    const lines: string[] = [];
    site.page.on('console', (message) => lines.push(`${message.type()}: ${message.text()}`));
    await site.goto('/');
    await site.page.evaluate(() => {
      const proactive = (window as unknown as { proactive: (...args: unknown[]) => void }).proactive;
      proactive('track', '');
      proactive('track', '');
      proactive('identify', { attributes: { plan: ['pro'] } });
    });
    await expect
      .poll(() => lines, { timeout: 5000 })
      .toEqual([
        "warning: [proactive] track(name, properties): name must be a non-empty text, such as proactive('track', 'added_to_cart', {value: 42}).",
        'warning: [proactive] identify({attributes}): attributes["plan"] must be text, a number, true/false, or null to remove it.',
      ]);
    await site.context.close();
  });
});

describe('triggers beyond the seed', () => {
  it('on scroll N%: once the visitor has scrolled that share of the page', async () => {
    const site = await siteWith('when visitor.page_url contains "/" on scroll 50% every_time', {
      body: TALL,
    });
    await site.goto('/article');
    await behaviourWatching(site);
    await scrollToPercent(site, 30);
    await settle(site);
    await expectBubble(site.page, null);
    await scrollToPercent(site, 60);
    await settle(site);
    await expectBubble(site.page, site.greeting);
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('on exit_intent on desktop: the pointer leaves through the top edge', async () => {
    const site = await siteWith('when visitor.page_url contains "/" on exit_intent every_time');
    await site.goto('/checkout');
    await behaviourWatching(site);
    await site.page.mouse.move(300, 300);
    await site.page.mouse.move(300, 5);
    await settle(site);
    await expectBubble(site.page, null); // still inside the page
    await site.page.mouse.move(300, -10);
    await expectBubble(site.page, site.greeting);
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('on exit_intent on a touch device: a fast upward scroll after scrolling 30% of the page', async () => {
    const site = await siteWith(
      'when visitor.page_url contains "/" on exit_intent every_time',
      { body: TALL },
      { context: { viewport: { width: 412, height: 800 }, isMobile: true, hasTouch: true } },
    );
    await site.goto('/article');
    await behaviourWatching(site);
    // Fast upward scroll before 30%: not an exit intent.
    await scrollToPercent(site, 20);
    await settle(site, 50);
    await scrollToPercent(site, 0);
    await settle(site, 50);
    await expectBubble(site.page, null);
    // Slow upward scroll after 30%: not one either.
    await scrollToPercent(site, 50);
    await settle(site, 50);
    for (let step = 0; step < 5; step++) {
      await site.page.evaluate(() => window.scrollBy(0, -5));
      await settle(site, 100);
    }
    await expectBubble(site.page, null);
    // Fast upward scroll after 30%.
    await scrollToPercent(site, 20);
    await settle(site, 50);
    await expectBubble(site.page, site.greeting);
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('on idle M:SS: no pointer, key, scroll or touch activity for that long', async () => {
    const site = await siteWith('when visitor.page_url contains "/" on idle 0:10 every_time');
    await site.goto('/');
    await behaviourWatching(site);
    await site.page.clock.runFor(7000);
    await site.page.mouse.move(100, 100); // activity: the idle time starts again
    await site.page.clock.runFor(7000);
    await expectBubble(site.page, null);
    await site.page.keyboard.press('Shift');
    await site.page.clock.runFor(7000);
    await expectBubble(site.page, null);
    await site.page.clock.runFor(3500);
    await expectBubble(site.page, site.greeting);
    expect(site.errors).toEqual([]);
    await site.context.close();
  });

  it('for M:SS on_site: the time counts across the pages of the visit', async () => {
    const site = await siteWith('when visitor.page_url contains "/b" for 0:20 on_site every_time');
    await site.goto('/a');
    await site.page.clock.runFor(15_000);
    await site.goto('/b');
    await behaviourWatching(site);
    await expectBubble(site.page, null); // 15 s on the site
    await site.page.clock.runFor(6000);
    await expectBubble(site.page, site.greeting); // 21 s on the site, 6 s on this page
    expect(site.errors).toEqual([]);
    await site.context.close();
  });
});

describe('loading only what the rules use', () => {
  it('a seed-only channel loads no extra chunk and adds no scroll, pointer or idle listener', async () => {
    const site = await siteWith('when visitor.page_url contains "/" for 0:05 every_time');
    const chunks: string[] = [];
    site.page.on('request', (request) => {
      if (/widget-(extras|behaviour|calls)\.js/.test(request.url())) chunks.push(request.url());
    });
    await site.page.addInitScript(() => {
      const added: string[] = [];
      (window as unknown as { __listeners: string[] }).__listeners = added;
      const original = EventTarget.prototype.addEventListener;
      EventTarget.prototype.addEventListener = function (
        this: EventTarget,
        ...args: Parameters<EventTarget['addEventListener']>
      ) {
        // Only the listeners the widget adds (the page and the browser may add their own).
        if (/\/widget[^/]*\.js/.test(new Error().stack ?? '')) added.push(args[0]);
        return original.apply(this, args);
      };
    });
    await site.goto('/');
    await site.page.clock.runFor(6000);
    await expectBubble(site.page, site.greeting);
    const listeners = await site.page.evaluate(
      () => (window as unknown as { __listeners: string[] }).__listeners,
    );
    expect(listeners).toContain('visibilitychange'); // the widget's own listeners are seen
    expect(listeners.filter((name) => /pointermove|mouseout|wheel|touchstart/.test(name))).toEqual([]);
    expect(chunks).toEqual([]);
    expect(site.errors).toEqual([]);
    await site.context.close();
  });
});
