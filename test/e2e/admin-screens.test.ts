/**
 * Every admin screen at 1280x800 and 800x800 (and the demo site with the widget panel open): a screenshot
 * of each into test-artifacts/screens/<width>/NN-screen.png, axe-core with no critical or serious
 * violation, and layout checks — every condition-row control (nested groups included) inside the viewport
 * and the rules section, hit-testable and unclipped; the preview beside the form when wide and under it
 * when narrow; the list's Create button whole. Each test has its own server and browser context.
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fields } from '@proactive/dsl';
import { seriousViolations } from './support/axe.ts';
import { collectPageErrors, launchBrowser } from './support/browser.ts';
import {
  ensureBuilt,
  openAdmin,
  screenshot,
  startAdminServer,
  type AdminPage,
  type AdminServer,
} from './support/admin.ts';
import { unreachableControls } from './support/layout.ts';

const artifacts = 'test-artifacts/screens';
const nestedRule =
  'when visitor.page_url contains ["pricing", "plans"] and (visitor.visit_history is returning_user or (device.language is "fr" and visitor.page_title does not contain "jobs")) for 0:30 during business_hours once_per_visit tag "pricing-help"';

let browser: Browser;
let server: AdminServer;
let admin: AdminPage | null = null;

beforeAll(async () => {
  rmSync(artifacts, { recursive: true, force: true });
  ensureBuilt();
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());
beforeEach(async () => {
  server = await startAdminServer();
});
afterEach(async () => {
  await admin?.close();
  admin = null;
  await server?.close();
});

/** Bounding boxes in page coordinates. */
async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} has no box`);
  return found;
}

async function nestedMessage() {
  return server.createMessage({
    name: 'Pricing visitors (nested)',
    greeting: 'Hi {{first_name}} 👋 Questions about [our plans](https://acme.test/pricing)?',
    response: {
      type: 'agent',
      follow_up: 'An agent will be right with you.',
      customer_details: ['name', 'email'],
    },
    rules: nestedRule,
  });
}

for (const width of [1280, 800]) {
  const viewport = { width, height: 800 };
  let step = 0;
  const shot = (page: Page, name: string, target?: Parameters<typeof screenshot>[2]) => {
    step += 1;
    return screenshot(page, `${artifacts}/${width}/${String(step).padStart(2, '0')}-${name}.png`, target);
  };

  describe(`at ${width}x800`, () => {
    it('sign-in', async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      admin = { page, context, errors: collectPageErrors(page), close: () => context.close() };
      await page.goto(`${server.url}/admin/`);
      await page.getByLabel('Admin token').waitFor();
      await shot(page, 'sign-in');
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('list', async () => {
      admin = await openAdmin(browser, server, '/messages', viewport);
      const { page } = admin;
      await page.locator('[data-message-id]').first().waitFor();
      await shot(page, 'list');
      expect(await seriousViolations(page)).toEqual([]);
      expect(await unreachableControls(page.locator('main h1').locator('xpath=../..'), 'main')).toEqual([]);
      const create = page.getByRole('button', { name: 'Create proactive message' });
      const { x, width: buttonWidth } = (await create.boundingBox()) ?? { x: 0, width: 0 };
      expect(x + buttonWidth).toBeLessThanOrEqual(width);
      expect(await create.evaluate((button) => button.scrollWidth <= button.clientWidth)).toBe(true);
      expect(admin.errors).toEqual([]);
    });

    it('create', async () => {
      admin = await openAdmin(browser, server, '/messages/new', viewport);
      const { page } = admin;
      await page.getByRole('heading', { name: 'Create proactive message' }).waitFor();
      await shot(page, 'create');
      expect(await seriousViolations(page)).toEqual([]);
      expect(admin.errors).toEqual([]);
    });

    it('editor, Visual: every condition control reachable, nested groups included; preview placed for the width', async () => {
      const message = await nestedMessage();
      admin = await openAdmin(browser, server, `/messages/${message.id}`, viewport);
      const { page } = admin;
      await page.locator('fieldset[data-depth="2"] [data-condition-id]').first().waitFor();
      await shot(page, 'editor-compose', page.locator('#section-compose'));
      await shot(page, 'editor-rules-visual', page.locator('#section-rules'));
      await shot(page, 'editor-schedule', page.locator('#section-schedule'));
      expect(await page.locator('[data-condition-id]').count()).toBe(4);
      expect(await unreachableControls(page.locator('[data-condition-id]'), '#section-rules')).toEqual([]);
      expect(await unreachableControls(page.locator('[data-group-id]'), '#section-rules')).toEqual([]);
      const form = await box(page, '#section-schedule');
      const preview = await box(page, '[role="region"][aria-label="Preview"]');
      if (width >= 1200) expect(preview.x).toBeGreaterThanOrEqual(form.x + form.width);
      else expect(preview.y).toBeGreaterThanOrEqual(form.y + form.height);
      expect(await seriousViolations(page)).toEqual([]);
      // The Condition key is a table: one row per catalog field.
      await page.getByRole('button', { name: 'Condition key' }).click();
      const key = page.getByTestId('condition-key');
      await key.waitFor();
      expect(await key.locator('tbody tr').count()).toBe(fields.length);
      await shot(page, 'editor-condition-key', key);
      expect(await seriousViolations(page)).toEqual([]);
      // The emoji picker is a grid of named buttons.
      await page.getByRole('button', { name: 'Insert emoji' }).click();
      await page.getByTestId('emoji-grid').waitFor();
      await shot(page, 'editor-emoji-grid', page.locator('#section-compose'));
      expect(await seriousViolations(page)).toEqual([]);
      expect(admin.errors).toEqual([]);
    });

    it('editor, Text', async () => {
      const message = await nestedMessage();
      admin = await openAdmin(browser, server, `/messages/${message.id}`, viewport);
      const { page } = admin;
      await page.getByRole('tab', { name: 'Text' }).click();
      await page.locator('[data-testid="rule-text-editor"][data-ready="true"]').waitFor({ timeout: 30_000 });
      await shot(page, 'editor-rules-text', page.locator('#section-rules'));
      expect(await seriousViolations(page)).toEqual([]);
      expect(admin.errors).toEqual([]);
    });

    it('conversations with one open, then leaving it', async () => {
      const conversation = await server.startConversation({
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        text: 'Is there a free plan? See https://acme.test/free',
      });
      admin = await openAdmin(browser, server, `/conversations/${conversation.id}`, viewport);
      const { page } = admin;
      await page.getByRole('list', { name: 'Messages' }).locator('li').nth(2).waitFor();
      await shot(page, 'conversation-open');
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.getByRole('list', { name: 'Messages' }).textContent()).not.toMatch(/\]\(https?:/);
      await page.evaluate(() => {
        window.location.hash = '#/messages';
      });
      await page.getByRole('heading', { name: 'Proactive messages' }).waitFor();
      expect(admin.errors).toEqual([]);
    });

    it('analytics', async () => {
      const [message] = await server.api<{ id: string }[]>('GET', '/api/v1/messages');
      admin = await openAdmin(browser, server, `/messages/${message?.id}/analytics`, viewport);
      const { page } = admin;
      await page.getByTestId('analytics-chart').waitFor();
      await shot(page, 'analytics');
      expect(await seriousViolations(page)).toEqual([]);
      expect(admin.errors).toEqual([]);
    });

    it('settings: visitor attributes, the list and the add dialog', async () => {
      const channel = await server.demoChannel();
      for (const [key, type, label] of [
        ['plan', 'text', 'Plan'],
        ['seats', 'number', 'Seats bought'],
        ['trial', 'boolean', 'On trial'],
      ])
        await server.api('POST', '/api/v1/attributes', { brand_id: channel.brand_id, key, type, label });
      admin = await openAdmin(browser, server, '/settings/attributes', viewport);
      const { page } = admin;
      await page.locator('[data-attribute-key="trial"]').waitFor();
      await shot(page, 'settings-attributes');
      expect(await seriousViolations(page)).toEqual([]);
      expect(await unreachableControls(page.locator('main table'), 'main')).toEqual([]);
      await page.getByRole('button', { name: 'Add attribute' }).click();
      await page.getByRole('dialog').getByLabel('Key', { exact: true }).waitFor();
      await shot(page, 'settings-attribute-dialog');
      expect(await seriousViolations(page)).toEqual([]);
      expect(admin.errors).toEqual([]);
    });

    it('demo site with the widget panel open', async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      admin = { page, context, errors: collectPageErrors(page), close: () => context.close() };
      await page.clock.install({ time: new Date('2026-11-25T15:00:00Z') }); // inside the demo's business hours
      const rules = page.waitForResponse((response) => response.url().includes('/rules'));
      await page.goto(`${server.url}/demo/pricing.html`);
      await rules;
      await page.clock.runFor(60_000);
      await page.locator('#proactive-widget .pw-bubble').waitFor();
      await page.locator('#proactive-widget .pw-bubble').click();
      await page.locator('#proactive-widget .pw-panel').waitFor();
      await shot(page, 'demo-panel-open');
      expect(await seriousViolations(page)).toEqual([]);
      expect(admin.errors).toEqual([]);
    });
  });
}
