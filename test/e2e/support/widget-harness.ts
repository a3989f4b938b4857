/**
 * Helpers for the widget end-to-end suites: a real server (test/support/server.ts), the built widget,
 * admin API calls to set up each scenario, customer pages on another origin (served by request
 * interception, so the widget runs cross-origin as on a real customer site), and shadow-DOM queries.
 */
import { expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildWidget, type BundleSize } from '@proactive/widget/build';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { collectPageErrors, launchBrowser } from './browser.ts';

export interface Harness {
  server: TestServer;
  /**
   * The customer site's origin: `localhost` on the server's port, a different origin from the server's
   * `127.0.0.1` (so the widget runs cross-origin, as on a real customer site) in the same loopback address
   * space (so Chromium's private-network rules allow it). Every request to it is fulfilled by the test.
   */
  site: string;
  browser: Browser;
  sizes: BundleSize[];
  admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/**
 * Builds the widget, starts a server (seeded or not) and Chromium.
 *
 * @example const harness = await startHarness({ seed: false });
 */
export async function startHarness(options: { seed?: boolean } = {}): Promise<Harness> {
  const sizes = await buildWidget();
  const server = await startTestServer({ seed: options.seed ?? false });
  // The customer page is fulfilled by the test (no real network address), and Chromium's local-network
  // access checks would then block the widget's loopback server; on the internet both sides are public.
  const browser = await launchBrowser([
    '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests',
  ]);
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  };
  return {
    server,
    site: server.url.replace('127.0.0.1', 'localhost'),
    browser,
    sizes,
    admin,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface MessageSpec {
  name?: string;
  greeting: string;
  rules: string;
  response?:
    | { type: 'agent'; follow_up?: string; customer_details?: Array<'name' | 'email'> }
    | { type: 'bot'; bot_id: string; answer_id: string };
  /** Place in the channel's order, 0 = first (applied after creation). */
  order?: number;
}

export interface Scenario {
  channelId: string;
  brandId: string;
  messageIds: string[];
}

let scenarioCount = 0;

/**
 * Creates a brand, a channel (with a business-hours schedule when given) and live messages.
 *
 * @example const { channelId } = await createScenario(harness, { messages: [{ greeting: 'Hi', rules: 'when visitor.page_url contains "x"' }] });
 */
export async function createScenario(
  harness: Harness,
  options: {
    messages: MessageSpec[];
    schedule?: { name?: string; time_zone: string; intervals: unknown[]; holidays?: unknown[] };
    extraSchedules?: Array<{ name: string; time_zone: string; intervals: unknown[]; holidays?: unknown[] }>;
    bot?: { name: string; answers: Array<{ title: string; body: string }> };
  },
): Promise<Scenario & { botId?: string; answerIds: string[] }> {
  const n = ++scenarioCount;
  const brand = await harness.admin<{ id: string }>('POST', '/brands', { name: `Brand ${n}` });
  let scheduleId: string | null = null;
  if (options.schedule) {
    const schedule = await harness.admin<{ id: string }>('POST', '/schedules', {
      name: options.schedule.name ?? `Hours ${n}`,
      time_zone: options.schedule.time_zone,
      intervals: options.schedule.intervals,
      holidays: options.schedule.holidays ?? [],
    });
    scheduleId = schedule.id;
  }
  for (const extra of options.extraSchedules ?? []) {
    await harness.admin('POST', '/schedules', { holidays: [], ...extra });
  }
  const channelId = `ch${n}-${Math.random().toString(36).slice(2, 8)}`;
  await harness.admin('POST', '/channels', {
    id: channelId,
    brand_id: brand.id,
    name: `Site ${n}`,
    schedule_id: scheduleId,
  });
  let botId: string | undefined;
  const answerIds: string[] = [];
  if (options.bot) {
    const bot = await harness.admin<{ id: string }>('POST', '/bots', {
      brand_id: brand.id,
      name: options.bot.name,
      channel_ids: [channelId],
    });
    botId = bot.id;
    for (const answer of options.bot.answers) {
      answerIds.push((await harness.admin<{ id: string }>('POST', `/bots/${bot.id}/answers`, answer)).id);
    }
  }
  const messageIds: string[] = [];
  for (const [index, spec] of options.messages.entries()) {
    const response =
      spec.response?.type === 'bot'
        ? {
            ...spec.response,
            bot_id: spec.response.bot_id || botId,
            answer_id: spec.response.answer_id || answerIds[0],
          }
        : (spec.response ?? {
            type: 'agent',
            follow_up: 'An agent will be with you shortly.',
            customer_details: [],
          });
    const created = await harness.admin<{ id: string; version: number }>('POST', '/messages', {
      name: spec.name ?? `Message ${n}.${index + 1}`,
      brand_id: brand.id,
      channel_id: channelId,
      greeting: spec.greeting,
      response,
      rules: spec.rules,
    });
    if (spec.order !== undefined) {
      const current = await harness.admin<{ version: number }>('GET', `/messages/${created.id}`);
      const moved = await fetch(`${harness.server.url}/api/v1/messages/${created.id}`, {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${harness.server.adminToken}`,
          'content-type': 'application/json',
          'if-match': String(current.version),
        },
        body: JSON.stringify({ order: spec.order }),
      });
      if (!moved.ok) throw new Error(`PATCH order -> ${moved.status}: ${await moved.text()}`);
    }
    await harness.admin('POST', `/messages/${created.id}/publish`);
    messageIds.push(created.id);
  }
  return { channelId, brandId: brand.id, messageIds, ...(botId ? { botId } : {}), answerIds };
}

/** An HTML page of the customer site embedding the widget exactly as the docs say. */
export function sitePage(
  serverUrl: string,
  channelId: string,
  options: { title?: string; body?: string; lang?: string; head?: string } = {},
): string {
  return `<!doctype html><html lang="${options.lang ?? 'en'}"><head><meta charset="utf-8"><title>${options.title ?? 'Shop'}</title>${options.head ?? ''}</head>
<body><h1 id="top">${options.title ?? 'Shop'}</h1><p id="content">${options.body ?? 'Welcome to the shop.'}</p>
<script src="${serverUrl}/widget.js" data-channel="${channelId}" async></script></body></html>`;
}

export interface SitePage {
  context: BrowserContext;
  page: Page;
  errors: string[];
  /**
   * Loads a path of the customer site (the page HTML is produced by `html`) and waits until the widget has
   * handled its rules request, whatever the outcome (see {@link rulesHandled}), unless `waitForRules` is
   * false (for a request the test holds forever).
   */
  goto(path: string, options?: { waitForRules?: boolean }): Promise<void>;
}

/**
 * Runs in every document before the widget: counts the widget's rules requests and marks each handled once
 * the widget is done with it (the request failed; or it answered and the widget read no body, or finished
 * reading it). The widget's own work on the outcome runs in the same turn as that marking, so a poll that
 * sees every request handled sees the widget's reaction (a bubble, or nothing) too.
 */
function trackRulesRequests(): void {
  const state = { requested: 0, handled: 0 };
  (window as unknown as { __proactiveRules: typeof state }).__proactiveRules = state;
  const original = window.fetch;
  // A task after the response's own turn, unaffected by the fake clock (setTimeout is faked).
  const nextTask = () =>
    new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  window.fetch = (input, init) => {
    const promise = original.call(window, input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!/\/widget\/v1\/channels\/[^/]+\/rules$/.test(url)) return promise;
    state.requested++;
    const handled = () => void (state.handled += 1);
    return promise.then(
      (response) => {
        let reading: Promise<unknown> | null = null;
        for (const method of ['json', 'text', 'arrayBuffer'] as const) {
          const read = response[method].bind(response);
          response[method] = (() => (reading = read())) as never;
        }
        void nextTask().then(() => (reading ? reading.then(nextTask, nextTask).then(handled) : handled()));
        return response;
      },
      (error: unknown) => {
        void nextTask().then(handled);
        throw error;
      },
    );
  };
}

/**
 * Resolves once the widget on `page` has handled every rules request it made (at least one).
 *
 * @example await page.goto(url); await rulesHandled(page); expect(await widget.bubble(page).count()).toBe(0);
 */
export async function rulesHandled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const state = (window as unknown as { __proactiveRules?: { requested: number; handled: number } })
      .__proactiveRules;
    return !!state && state.requested > 0 && state.handled === state.requested;
  });
}

/**
 * Opens a browser context whose customer site (`harness.site`) serves `html(path)` for every page, with the
 * browser clock installed (so tests fast-forward time instead of sleeping) and page errors collected.
 *
 * @example const site = await openSite(harness, (path) => sitePage(url, channelId, { title: path }));
 */
export async function openSite(
  harness: Harness,
  html: (path: string) => string,
  options: {
    locale?: string;
    clock?: Date | number | false;
    reducedMotion?: 'reduce' | 'no-preference';
    context?: BrowserContext;
  } = {},
): Promise<SitePage> {
  const context =
    options.context ??
    (await harness.browser.newContext({
      locale: options.locale ?? 'en-US',
      ...(options.reducedMotion ? { reducedMotion: options.reducedMotion } : {}),
    }));
  await context.route(`${harness.site}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/favicon.ico') return route.fulfill({ status: 404, body: '' });
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: html(url.pathname + url.search),
    });
  });
  const page = await context.newPage();
  await page.addInitScript(trackRulesRequests);
  if (options.clock !== false)
    await page.clock.install(options.clock === undefined ? {} : { time: options.clock });
  const errors = collectPageErrors(page);
  return {
    context,
    page,
    errors,
    async goto(path, gotoOptions = {}) {
      await page.goto(harness.site + path);
      await page.waitForFunction(() => 'proactive' in window);
      if (gotoOptions.waitForRules !== false) await rulesHandled(page);
    },
  };
}

/** A locator inside the widget's shadow root (playwright pierces open shadow roots with CSS). */
export const widget = {
  bubble: (page: Page) => page.locator('#proactive-widget .pw-bubble'),
  launcher: (page: Page) => page.locator('#proactive-widget .pw-launcher'),
  panel: (page: Page) => page.locator('#proactive-widget .pw-panel'),
  live: (page: Page) => page.locator('#proactive-widget [role="status"]'),
  /** The bubble's text, or null when no bubble shows. Read once: wait with {@link expectBubble}. */
  bubbleText: async (page: Page): Promise<string | null> =>
    (await widget.bubble(page).count()) === 0
      ? null
      : ((await widget.bubble(page).locator('p').textContent()) ?? ''),
};

/**
 * Waits until the bubble shows `text` (or, for null, none shows), retrying.
 *
 * @example await expectBubble(page, 'Hello!')
 */
export const expectBubble = async (page: Page, text: string | null) =>
  expect.poll(() => widget.bubbleText(page), { timeout: 5000 }).toBe(text);

/** Events posted to `/widget/v1/events`, recorded from the page's requests (beacons included). */
export function recordEvents(
  page: Page,
): Array<{ type: string; message_id: string; visitor_id: string; channel_id: string }> {
  const events: Array<{ type: string; message_id: string; visitor_id: string; channel_id: string }> = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/widget/v1/events') || request.method() !== 'POST') return;
    try {
      const body = JSON.parse(request.postData() ?? '{}') as {
        events?: typeof events;
      } & (typeof events)[number];
      events.push(...(body.events ?? [body]));
    } catch {
      // Not JSON: the assertions will show it is missing.
    }
  });
  return events;
}
