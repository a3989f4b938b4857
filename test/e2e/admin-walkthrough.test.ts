/**
 * The admin app walkthrough in Chromium against the real server: the article's procedure from "Create
 * proactive message" to "Publish", once with an agent response (a nested AND/OR condition built in the
 * visual builder) and once with a bot response (the user's example rule typed in the Monaco text view,
 * switched text -> visual -> text unchanged); then the demo site shows the published message.
 * Screenshots of every step go to test-artifacts/admin/NN-step.png.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { buildIfStale, builds, type Build } from '../../scripts/builds.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { collectPageErrors, launchBrowser } from './support/browser.ts';

const artifacts = 'test-artifacts/admin';
const example = 'when visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit';

let server: TestServer;
let browser: Browser;
let step = 0;

/** Saves `NN-name.png`, scrolled to `target` when given (the app scrolls inside Garden's Chrome, not the page). */
async function shot(page: Page, name: string, target?: Locator) {
  step += 1;
  if (target) await target.first().evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(400); // let scrolling and accordion animations settle for a readable picture
  await page.screenshot({ path: `${artifacts}/${String(step).padStart(2, '0')}-${name}.png` });
}

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Opens a Garden combobox by its label and picks an option. */
async function choose(page: Page, scope: Locator | Page, label: string | RegExp, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

async function ruleText(page: Page): Promise<string> {
  return (await page.getByTestId('rule-text').getAttribute('data-text')) ?? '';
}

/** The text with runs of whitespace as one space (the printer breaks long rules over lines). */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
const nestedRule =
  'visitor.page_url contains "pricing" and (visitor.visit_history is returning_user or device.language is "fr")';

async function createMessage(page: Page, name: string) {
  await page.getByRole('button', { name: 'Create proactive message' }).click();
  await page.getByRole('heading', { name: 'Create proactive message' }).waitFor();
  await page.getByLabel('Name').fill(name);
  await shot(page, 'create');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name }).waitFor();
}

async function publish(page: Page) {
  await page.getByRole('button', { name: /^Publish/ }).click();
  await page.locator('h1 [data-status="live"]').waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  if (!buildIfStale(builds.find((build) => build.output === 'assets/iframe.html') as Build)) {
    throw new Error('The admin app did not build: run npm run build:app to see why.');
  }
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('admin walkthrough', () => {
  let page: Page;
  let errors: string[];
  const created: Record<string, string> = {};

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    errors = collectPageErrors(page);
  });

  it('signs in with the admin token and lists the proactive messages', async () => {
    await page.goto(`${server.url}/admin/`);
    await page.getByLabel('Admin token').fill('wrong-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('This token was not accepted').first().waitFor()).resolves.toBeUndefined();
    await page.getByLabel('Admin token').fill(server.adminToken);
    await shot(page, 'sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Proactive messages' }).waitFor();
    await page.locator('[data-message-id]').first().waitFor();
    for (const column of ['Name', 'Status', 'Channel', 'Sent', 'Opened', 'Replied to', 'Updated'])
      await expect(page.getByRole('columnheader', { name: column }).count()).resolves.toBe(1);
    await shot(page, 'list');
  });

  it('creates, composes and publishes an agent-response message with a nested AND/OR condition', async () => {
    await createMessage(page, 'Returning pricing visitors');
    created.agent = page.url().split('#/messages/')[1] ?? '';

    await page
      .getByRole('textbox', { name: 'Proactive message' })
      .fill('Hi {{first_name}} 👋 Questions about [our plans](https://acme.test/pricing)?');
    await page
      .getByRole('textbox', { name: 'Follow-up message' })
      .fill('Thanks! An agent will be right with you.');
    // Customer details: X removes Email, the down arrow adds it back.
    const details = page.locator('[data-field="customer-details"]');
    await details.getByText('Email').waitFor();
    await details.locator('[aria-label="Remove Email"]').click();
    await expect(details.getByText('Email').count()).resolves.toBe(0);
    await details.click();
    await page.getByRole('option', { name: 'Email' }).click();
    await expect
      .poll(() => page.getByRole('option', { name: 'Email' }).getAttribute('aria-selected'))
      .toBe('true');
    await page.getByRole('heading', { name: 'Returning pricing visitors' }).click();
    await details.locator('[aria-label="Remove Email"]').waitFor();
    await shot(page, 'compose-agent', page.locator('#section-compose'));
    await page.getByRole('button', { name: 'Next' }).first().click();

    // Set the rules: Page URL contains "pricing" AND (Returning user OR Language is French).
    const rows = page.locator('[data-condition-id]');
    const first = rows.first();
    await choose(page, first, 'Operator', 'Contains at least one of');
    await first.getByLabel('Value').fill('pricing');
    await first.getByLabel('Value').press('Enter');
    await page.getByRole('button', { name: /Add to this AND group/ }).click();
    await page.getByRole('menuitem', { name: 'Add nested condition' }).click();
    const nested = page.locator('fieldset[data-depth="1"]');
    const nestedRows = nested.locator('[data-condition-id]');
    await choose(page, nestedRows.nth(0), 'Field', 'Visit history');
    await choose(page, nestedRows.nth(0), 'Value', 'Returning user');
    await choose(page, nestedRows.nth(1), 'Object', 'Device');
    await nestedRows.nth(1).locator('[data-field="language"]').click();
    await page.getByRole('option', { name: /— fr$/ }).click();
    await page.keyboard.press('Escape');
    expect(flat(await ruleText(page))).toContain(nestedRule);

    await choose(page, page, 'Event', 'Visitor is on the page');
    await page.getByLabel('Seconds', { exact: true }).fill('5');
    await page.getByRole('textbox', { name: 'Tags' }).fill('Pricing-Help');
    await page.getByRole('textbox', { name: 'Tags' }).press('Enter');
    const testPanel = page.getByTestId('test-rule');
    await testPanel.getByLabel('Page URL').fill('https://acme.test/pricing');
    await choose(page, testPanel, 'Visit history', 'Returning user');
    await testPanel.getByLabel('Seconds on page').fill('6');
    await page.getByTestId('test-result').and(page.locator('[data-fires="true"]')).waitFor();
    await shot(page, 'rules-visual-nested', page.locator('#section-rules'));
    await shot(page, 'rules-test-panel', page.getByTestId('test-rule'));

    // The same AST as text, and back: nothing changes.
    await page.getByRole('tab', { name: 'Text' }).click();
    await page.locator('[data-testid="rule-text-editor"][data-ready="true"]').waitFor({ timeout: 30_000 });
    const printed = await ruleText(page);
    expect(printed).toContain('for 0:05');
    expect(printed).toContain('tag "pricing-help"');
    await shot(page, 'rules-text-printed', page.locator('#section-rules'));
    await page.getByRole('tab', { name: 'Visual' }).click();
    await expect(nested.locator('[data-condition-id]').count()).resolves.toBe(2);
    await page.getByRole('tab', { name: 'Text' }).click();
    await expect(ruleText(page)).resolves.toBe(printed);
    await page.getByRole('tab', { name: 'Visual' }).click();

    await page.getByRole('button', { name: 'Next' }).nth(1).click();
    await page.getByText('Every time the conditions are met', { exact: true }).click();
    await shot(page, 'schedule-agent', page.locator('#section-schedule'));
    await publish(page);
    await shot(page, 'published-agent', page.locator('h1'));

    const message = await api<{ status: string; rules: string; tags: string[]; response: unknown }>(
      'GET',
      `/api/v1/messages/${created.agent}`,
    );
    expect(message.status).toBe('live');
    expect(flat(message.rules)).toContain(nestedRule);
    expect(message.rules).toContain('every_time');
    expect(message.tags).toEqual(['pricing-help']);
    expect(message.response).toEqual({
      type: 'agent',
      follow_up: 'Thanks! An agent will be right with you.',
      customer_details: ['name', 'email'],
    });
  });

  it("creates a bot-response message with the user's example rule typed in Monaco", async () => {
    await page.getByRole('link', { name: '‹ Proactive messages' }).click();
    await page.getByRole('heading', { name: 'Proactive messages' }).waitFor();
    await createMessage(page, 'Pricing page bot');
    created.bot = page.url().split('#/messages/')[1] ?? '';

    await page
      .getByRole('textbox', { name: 'Proactive message' })
      .fill('Looking at pricing? Our assistant can help 🚀');
    await page.getByRole('radio', { name: /^Bot/ }).check({ force: true });
    await page.locator('[data-bot-name]').waitFor();
    await choose(page, page, 'Response', /.+/);
    await page.locator('[data-answer-body]').waitFor();
    await shot(page, 'compose-bot', page.locator('#section-compose'));
    await page.getByRole('button', { name: 'Next' }).first().click();

    await page.getByRole('tab', { name: 'Text' }).click();
    const editor = page.locator('[data-testid="rule-text-editor"][data-ready="true"]');
    await editor.waitFor({ timeout: 30_000 });
    await editor.locator('.view-lines').click();
    // Completion from the catalog shows while typing.
    await page.keyboard.type('when visitor.', { delay: 5 });
    const suggestions = page.locator('.suggest-widget .monaco-list-row');
    await suggestions.first().waitFor({ timeout: 10_000 });
    expect((await suggestions.allInnerTexts()).join(' ')).toContain('page_url');
    await shot(page, 'rules-monaco-completion', page.locator('#section-rules'));
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => ruleText(page)).toBe('');
    await page.keyboard.type(example, { delay: 5 });
    await page.keyboard.press('Escape');
    await expect.poll(() => ruleText(page)).toBe(example);
    await expect(page.getByTestId('rule-diagnostics').count()).resolves.toBe(0);
    await shot(page, 'rules-monaco-example', page.locator('#section-rules'));

    await page.getByRole('tab', { name: 'Visual' }).click();
    const row = page.locator('[data-condition-id]').first();
    await expect(row.getAttribute('data-field')).resolves.toBe('visitor.page_url');
    await expect(row.getByText('pricing').count()).resolves.toBe(1);
    await shot(page, 'rules-visual-from-text', page.locator('#section-rules'));
    await page.getByRole('tab', { name: 'Text' }).click();
    await editor.waitFor();
    await expect(ruleText(page)).resolves.toBe(example);

    // Text with a syntax error cannot switch to visual, and says where.
    await editor.locator('.view-lines').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' and');
    await page.getByRole('tab', { name: 'Visual' }).click();
    await page
      .getByTestId('switch-refused')
      .getByText(/line 1, column \d+/)
      .waitFor();
    await shot(page, 'rules-syntax-error', page.locator('#section-rules'));
    await editor.locator('.view-lines').click();
    await page.keyboard.press('End');
    for (let index = 0; index < 4; index += 1) await page.keyboard.press('Backspace');
    await expect.poll(() => ruleText(page)).toBe(example);

    await page.getByRole('button', { name: 'Next' }).nth(1).click();
    await expect(page.getByRole('radio', { name: /Only during business hours/ }).isChecked()).resolves.toBe(
      true,
    );
    await expect(page.getByRole('radio', { name: /Once per visit/ }).isChecked()).resolves.toBe(true);
    await shot(page, 'schedule-bot', page.locator('#section-schedule'));
    await publish(page);
    await shot(page, 'published-bot', page.locator('h1'));
    const message = await api<{
      status: string;
      rules: string;
      response: { type: string; answer_id: string | null };
    }>('GET', `/api/v1/messages/${created.bot}`);
    expect(message.status).toBe('live');
    expect(message.rules.trim()).toBe(example);
    expect(message.response.type).toBe('bot');
    expect(message.response.answer_id).toBeTruthy();
    expect(errors).toEqual([]);
  });

  it('surfaces a concurrent edit as "someone else changed this message", never overwriting it', async () => {
    await page.goto(`${server.url}/admin/#/messages/${created.agent}`);
    await page.getByRole('heading', { name: 'Returning pricing visitors' }).waitFor();
    const current = await api<{ version: number }>('GET', `/api/v1/messages/${created.agent}`);
    const response = await fetch(`${server.url}/api/v1/messages/${created.agent}`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${server.adminToken}`,
        'Content-Type': 'application/json',
        'If-Match': String(current.version),
      },
      body: JSON.stringify({ name: 'Renamed by a colleague' }),
    });
    expect(response.status).toBe(200);
    await page.getByRole('textbox', { name: 'Name' }).fill('My rename');
    await page.getByTestId('unsaved').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await page.getByRole('dialog', { name: 'Someone else changed this message' }).waitFor();
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('dialog').getByText('Renamed by a colleague').waitFor();
    await shot(page, 'conflict-compare');
    await expect(api<{ name: string }>('GET', `/api/v1/messages/${created.agent}`)).resolves.toMatchObject({
      name: 'Renamed by a colleague',
    });
    await page.getByRole('button', { name: 'Reload their version' }).click();
    await page.getByRole('heading', { name: 'Renamed by a colleague' }).waitFor();
  });

  it('guards unsaved changes with a Garden dialog: stay keeps them, leave drops them', async () => {
    await page.goto(`${server.url}/admin/#/messages/${created.agent}`);
    await page.getByRole('heading', { name: 'Renamed by a colleague' }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill('Not saved yet');
    await page.getByTestId('unsaved').waitFor();
    await page.getByText('‹ Proactive messages').first().click();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    await shot(page, 'unsaved-changes-guard');
    await dialog.getByRole('button', { name: 'Stay on this page' }).click();
    expect(await page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Not saved yet');
    await page.getByText('‹ Proactive messages').first().click();
    await page
      .getByRole('dialog', { name: 'Leave without saving?' })
      .getByRole('button', { name: 'Leave without saving' })
      .click();
    await page.getByRole('heading', { name: 'Proactive messages' }).waitFor();
    await expect(api<{ name: string }>('GET', `/api/v1/messages/${created.agent}`)).resolves.toMatchObject({
      name: 'Renamed by a colleague',
    });
  });

  it('shows the published message on the demo site', async () => {
    // Only our new messages stay live, so the channel's order cannot pick a seeded one instead.
    const messages = await api<{ id: string; status: string }[]>('GET', '/api/v1/messages');
    for (const message of messages)
      if (message.status === 'live' && !Object.values(created).includes(message.id))
        await api('POST', `/api/v1/messages/${message.id}/pause`);

    const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const visitorErrors = collectPageErrors(visitor);
    // Wednesday 10:00 in New York: inside the demo channel's business hours.
    await visitor.clock.install({ time: new Date('2026-11-25T15:00:00Z') });
    await visitor.goto(`${server.url}/demo/pricing.html`);
    await visitor.clock.runFor(5_000);
    await expect(visitor.getByText('Looking at pricing? Our assistant can help').count()).resolves.toBe(0);
    await visitor.clock.runFor(30_000);
    await visitor
      .locator('p', { hasText: 'Looking at pricing? Our assistant can help' })
      .waitFor({ timeout: 10_000 });
    await shot(visitor, 'demo-fires');
    expect(visitorErrors).toEqual([]);
    await visitor.close();
  });

  it('shows analytics and conversations', async () => {
    await page.goto(`${server.url}/admin/#/messages/${created.bot}/analytics`);
    await page.getByTestId('analytics-chart').waitFor();
    await shot(page, 'analytics');
    await page.goto(`${server.url}/admin/#/conversations`);
    await page.getByRole('heading', { name: 'Conversations' }).waitFor();
    await shot(page, 'conversations');
    expect(errors).toEqual([]);
  });
});
