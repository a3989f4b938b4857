/**
 * The admin app walkthrough in Chromium against the real server: the article's procedure from "Create
 * proactive message" to "Publish", once with an agent response (a nested AND/OR condition built in the
 * visual builder) and once with a bot response (the user's example rule typed in the Monaco text view,
 * switched text -> visual -> text unchanged); then the demo site shows a published message.
 * Each test has its own server (fresh seeded database) and its own browser context; every check on the
 * page retries until React has rendered. Screenshots of every step go to test-artifacts/admin/NN-step.png.
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser } from './support/browser.ts';
import {
  choose,
  ensureBuilt,
  openAdmin,
  ruleText,
  screenshot,
  startAdminServer,
  type AdminPage,
  type AdminServer,
} from './support/admin.ts';

const artifacts = 'test-artifacts/admin';
const example = 'when visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit';

let browser: Browser;
let server: AdminServer;
let admin: AdminPage;
const shots = { signIn: 0, agent: 10, bot: 20, conflict: 30, guard: 40, demo: 50, analytics: 60 };

/** Saves `NN-name.png` (numbered per test so tests can run in any order), scrolled to `target`. */
async function shot(page: Page, series: keyof typeof shots, name: string, target?: Locator) {
  shots[series] += 1;
  await screenshot(page, `${artifacts}/${String(shots[series]).padStart(2, '0')}-${name}.png`, target);
}

/** The text with runs of whitespace as one space (the printer breaks long rules over lines). */
/** A message composed enough to save and publish (the builder refuses to save an empty condition). */
const composed = {
  greeting: 'Looking at pricing? Our assistant can help 🚀',
  rules: example,
  response: { type: 'agent', follow_up: 'An agent will be right with you.', customer_details: ['name'] },
};

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
const nestedRule =
  'visitor.page_url contains "pricing" and (visitor.visit_history is returning_user or device.language is "fr")';

async function createMessage(page: Page, series: keyof typeof shots, name: string): Promise<string> {
  await page.getByRole('button', { name: 'Create proactive message' }).click();
  await page.getByRole('heading', { name: 'Create proactive message' }).waitFor();
  await page.getByLabel('Name').fill(name);
  await shot(page, series, 'create');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { name }).waitFor();
  return page.url().split('#/messages/')[1] ?? '';
}

async function publish(page: Page) {
  await page.getByRole('button', { name: /^Publish/ }).click();
  await page.locator('h1 [data-status="live"]').waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  rmSync(artifacts, { recursive: true, force: true });
  ensureBuilt();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  server = await startAdminServer();
});

afterEach(async () => {
  await admin?.close();
  await server?.close();
});

describe('admin walkthrough', () => {
  it('signs in with the admin token and lists the proactive messages', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    admin = { page, context, errors: collectPageErrors(page), close: () => context.close() };
    await page.goto(`${server.url}/admin/`);
    await page.getByLabel('Admin token').fill('wrong-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('This token was not accepted').first().waitFor()).resolves.toBeUndefined();
    await page.getByLabel('Admin token').fill(server.adminToken);
    await shot(page, 'signIn', 'sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Proactive messages' }).waitFor();
    await page.locator('[data-message-id]').first().waitFor();
    for (const column of ['Name', 'Status', 'Channel', 'Sent', 'Opened', 'Replied to', 'Updated'])
      await expect.poll(() => page.getByRole('columnheader', { name: column }).count()).toBe(1);
    await shot(page, 'signIn', 'list');
    expect(admin.errors).toEqual([]);
  });

  it('creates, composes and publishes an agent-response message with a nested AND/OR condition', async () => {
    admin = await openAdmin(browser, server, '/messages');
    const { page } = admin;
    const id = await createMessage(page, 'agent', 'Returning pricing visitors');
    // An untouched new draft has nothing to save.
    await page.getByRole('textbox', { name: 'Proactive message' }).waitFor();
    expect(await page.getByTestId('unsaved').count()).toBe(0);

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
    await expect.poll(() => details.getByText('Email').count()).toBe(0);
    await details.click();
    await page.getByRole('option', { name: 'Email' }).click();
    await expect
      .poll(() => page.getByRole('option', { name: 'Email' }).getAttribute('aria-selected'))
      .toBe('true');
    await page.getByRole('heading', { name: 'Returning pricing visitors' }).click();
    await details.locator('[aria-label="Remove Email"]').waitFor();
    await shot(page, 'agent', 'compose-agent', page.locator('#section-compose'));
    await page.getByRole('button', { name: 'Next' }).first().click();
    // Next moves focus to the next section's header, for keyboard users.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('#section-rules') !== null))
      .toBe(true);

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
    await expect.poll(async () => flat(await ruleText(page))).toContain(nestedRule);

    await choose(page, page, 'Event', 'Visitor is on the page');
    await page.getByLabel('Seconds', { exact: true }).fill('5');
    await page.getByRole('textbox', { name: 'Tags' }).fill('Pricing-Help');
    await page.getByRole('textbox', { name: 'Tags' }).press('Enter');
    const testPanel = page.getByTestId('test-rule');
    await testPanel.getByLabel('Page URL').fill('https://acme.test/pricing');
    await choose(page, testPanel, 'Visit history', 'Returning user');
    await testPanel.getByLabel('Seconds on page').fill('6');
    await page.getByTestId('test-result').and(page.locator('[data-fires="true"]')).waitFor();
    await shot(page, 'agent', 'rules-visual-nested', page.locator('#section-rules'));
    await shot(page, 'agent', 'rules-test-panel', page.getByTestId('test-rule'));

    // The same AST as text, and back: nothing changes.
    await page.getByRole('tab', { name: 'Text' }).click();
    await page.locator('[data-testid="rule-text-editor"][data-ready="true"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => ruleText(page)).toContain('for 0:05');
    const printed = await ruleText(page);
    expect(printed).toContain('tag "pricing-help"');
    await shot(page, 'agent', 'rules-text-printed', page.locator('#section-rules'));
    await page.getByRole('tab', { name: 'Visual' }).click();
    await expect.poll(() => nested.locator('[data-condition-id]').count()).toBe(2);
    await page.getByRole('tab', { name: 'Text' }).click();
    await expect.poll(() => ruleText(page)).toBe(printed);
    await page.getByRole('tab', { name: 'Visual' }).click();
    await nested.locator('[data-condition-id]').first().waitFor();

    await page.getByRole('button', { name: 'Next' }).nth(1).click();
    await page.getByText('Every time the conditions are met', { exact: true }).click();
    await shot(page, 'agent', 'schedule-agent', page.locator('#section-schedule'));
    await publish(page);
    await shot(page, 'agent', 'published-agent', page.locator('h1'));

    const message = await server.api<{ status: string; rules: string; tags: string[]; response: unknown }>(
      'GET',
      `/api/v1/messages/${id}`,
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
    expect(admin.errors).toEqual([]);
  });

  it("creates a bot-response message with the user's example rule typed in Monaco", async () => {
    admin = await openAdmin(browser, server, '/messages');
    const { page } = admin;
    await page.getByRole('heading', { name: 'Proactive messages' }).waitFor();
    const id = await createMessage(page, 'bot', 'Pricing page bot');

    await page
      .getByRole('textbox', { name: 'Proactive message' })
      .fill('Looking at pricing? Our assistant can help 🚀');
    await page.getByRole('radio', { name: /^Bot/ }).check({ force: true });
    await page.locator('[data-bot-name]').waitFor();
    await choose(page, page, 'Response', /.+/);
    await page.locator('[data-answer-body]').waitFor();
    await shot(page, 'bot', 'compose-bot', page.locator('#section-compose'));
    await page.getByRole('button', { name: 'Next' }).first().click();

    await page.getByRole('tab', { name: 'Text' }).click();
    const editor = page.locator('[data-testid="rule-text-editor"][data-ready="true"]');
    await editor.waitFor({ timeout: 30_000 });
    await editor.locator('.view-lines').click();
    // Completion from the catalog shows while typing.
    await page.keyboard.type('when visitor.', { delay: 5 });
    const suggestions = page.locator('.suggest-widget .monaco-list-row');
    await expect
      .poll(async () => (await suggestions.allInnerTexts()).join(' '), { timeout: 10_000 })
      .toContain('page_url');
    await shot(page, 'bot', 'rules-monaco-completion', page.locator('#section-rules'));
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => ruleText(page)).toBe('');
    await page.keyboard.type(example, { delay: 5 });
    await page.keyboard.press('Escape');
    await expect.poll(() => ruleText(page)).toBe(example);
    await expect.poll(() => page.getByTestId('rule-diagnostics').count()).toBe(0);
    await shot(page, 'bot', 'rules-monaco-example', page.locator('#section-rules'));

    await page.getByRole('tab', { name: 'Visual' }).click();
    const row = page.locator('[data-condition-id]').first();
    await expect.poll(() => row.getAttribute('data-field')).toBe('visitor.page_url');
    await expect.poll(() => row.getByText('pricing').count()).toBe(1);
    await shot(page, 'bot', 'rules-visual-from-text', page.locator('#section-rules'));
    await page.getByRole('tab', { name: 'Text' }).click();
    await editor.waitFor();
    await expect.poll(() => ruleText(page)).toBe(example);

    // Text with a syntax error cannot switch to visual, and says where.
    await editor.locator('.view-lines').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' and');
    await expect.poll(() => ruleText(page)).toBe(`${example} and`);
    await page.getByRole('tab', { name: 'Visual' }).click();
    await page
      .getByTestId('switch-refused')
      .getByText(/line 1, column \d+/)
      .waitFor();
    // While the text does not parse, the timing fields keep showing the last rule's values (read-only).
    await expect.poll(() => page.getByLabel('Seconds', { exact: true }).inputValue()).toBe('30');
    await expect.poll(() => page.getByLabel('Seconds', { exact: true }).isDisabled()).toBe(true);
    await shot(page, 'bot', 'rules-syntax-error', page.locator('#section-rules'));
    await editor.locator('.view-lines').click();
    await page.keyboard.press('End');
    for (let index = 0; index < 4; index += 1) await page.keyboard.press('Backspace');
    await expect.poll(() => ruleText(page)).toBe(example);

    await page.getByRole('button', { name: 'Next' }).nth(1).click();
    await expect
      .poll(() => page.getByRole('radio', { name: /Only during business hours/ }).isChecked())
      .toBe(true);
    await expect.poll(() => page.getByRole('radio', { name: /Once per visit/ }).isChecked()).toBe(true);
    await shot(page, 'bot', 'schedule-bot', page.locator('#section-schedule'));
    await publish(page);
    await shot(page, 'bot', 'published-bot', page.locator('h1'));
    const message = await server.api<{
      status: string;
      rules: string;
      response: { type: string; answer_id: string | null };
    }>('GET', `/api/v1/messages/${id}`);
    expect(message.status).toBe('live');
    expect(message.rules.trim()).toBe(example);
    expect(message.response.type).toBe('bot');
    expect(message.response.answer_id).toBeTruthy();
    expect(admin.errors).toEqual([]);
  });

  it('completes in the Text view: a string replaced whole, schedule names, clauses once; a quick switch keeps the edit', async () => {
    const created = await server.createMessage({ ...composed, name: 'Completion in the Text view' });
    admin = await openAdmin(browser, server, `/messages/${created.id}`);
    const { page } = admin;
    await page.getByRole('heading', { name: 'Completion in the Text view' }).waitFor();
    await page.getByRole('tab', { name: 'Text' }).click();
    const editor = page.locator('[data-testid="rule-text-editor"][data-ready="true"]');
    await editor.waitFor({ timeout: 30_000 });
    await editor.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => ruleText(page)).toBe('');
    const suggestions = page.locator('.suggest-widget .monaco-list-row');
    const suggested = async () => (await suggestions.allInnerTexts()).join(' | ');

    // After an error earlier in the text, completion still comes from the statement around the cursor;
    // where the language has nothing to offer, Monaco offers no list of the document's words either.
    await page.keyboard.type('when visitor.page_url contians "x" and device.language is "f', { delay: 5 });
    await expect.poll(suggested, { timeout: 10_000 }).toContain('"fr"');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('when visitor.page_url contians ', { delay: 5 });
    await page.keyboard.press('Control+Space');
    await expect
      .poll(() => page.locator('.suggest-widget').innerText(), { timeout: 10_000 })
      .toContain('No suggestions');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => ruleText(page)).toBe('');

    // Typing `"` closes the string by itself; accepting "fr" replaces the whole string, quotes included.
    await page.keyboard.type('when device.language is "f', { delay: 5 });
    await expect.poll(suggested, { timeout: 10_000 }).toContain('"fr"');
    await suggestions.filter({ hasText: '"fr"' }).first().click();
    await expect.poll(() => ruleText(page)).toBe('when device.language is "fr"');

    // After `during business_hours` come the channel's schedules, and no second time of day.
    await page.keyboard.press('End');
    await page.keyboard.type(' during business_hours ', { delay: 5 });
    await expect.poll(suggested, { timeout: 10_000 }).toContain('"EMEA support"');
    expect(await suggested()).not.toContain('outside business_hours');
    await suggestions.filter({ hasText: '"EMEA support"' }).first().click();
    await expect
      .poll(() => ruleText(page))
      .toBe('when device.language is "fr" during business_hours "EMEA support"');

    // Switching to Visual right after typing (checking waits for a pause) keeps what was typed.
    await page.keyboard.press('End');
    await page.keyboard.type(' every_time');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Visual' }).click();
    await expect
      .poll(() => page.locator('[data-condition-id]').first().getAttribute('data-field'))
      .toBe('device.language');
    await expect.poll(() => ruleText(page)).toContain('every_time');
    await page.getByRole('tab', { name: 'Text' }).click();
    await editor.waitFor();
    await expect
      .poll(() => ruleText(page))
      .toBe('when device.language is "fr" during business_hours "EMEA support" every_time');
    expect(admin.errors).toEqual([]);
  });

  it('surfaces a concurrent edit as "someone else changed this message", never overwriting it', async () => {
    const created = await server.createMessage({ ...composed, name: 'Returning pricing visitors' });
    admin = await openAdmin(browser, server, `/messages/${created.id}`);
    const { page } = admin;
    await page.getByRole('heading', { name: 'Returning pricing visitors' }).waitFor();
    const response = await fetch(`${server.url}/api/v1/messages/${created.id}`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${server.adminToken}`,
        'Content-Type': 'application/json',
        'If-Match': String(created.version),
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
    await shot(page, 'conflict', 'conflict-compare');
    await expect(
      server.api<{ name: string }>('GET', `/api/v1/messages/${created.id}`),
    ).resolves.toMatchObject({
      name: 'Renamed by a colleague',
    });
    await page.getByRole('button', { name: 'Reload their version' }).click();
    await page.getByRole('heading', { name: 'Renamed by a colleague' }).waitFor();
    expect(admin.errors).toEqual([]);
  });

  it('guards unsaved changes with a Garden dialog: stay keeps them, leave drops them', async () => {
    const created = await server.createMessage({ ...composed, name: 'Kept as it was' });
    admin = await openAdmin(browser, server, `/messages/${created.id}`);
    const { page } = admin;
    await page.getByRole('heading', { name: 'Kept as it was' }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill('Not saved yet');
    await page.getByTestId('unsaved').waitFor();
    await page.getByText('‹ Proactive messages').first().click();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    await shot(page, 'guard', 'unsaved-changes-guard');
    await dialog.getByRole('button', { name: 'Stay on this page' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Not saved yet');
    await page.getByText('‹ Proactive messages').first().click();
    await dialog.getByRole('button', { name: 'Leave without saving' }).click();
    await page.getByRole('heading', { name: 'Proactive messages' }).waitFor();
    await expect(
      server.api<{ name: string }>('GET', `/api/v1/messages/${created.id}`),
    ).resolves.toMatchObject({
      name: 'Kept as it was',
    });
    expect(admin.errors).toEqual([]);
  });

  it('shows a published message on the demo site', async () => {
    const created = await server.createMessage({ ...composed, name: 'Pricing page bot' });
    await server.api('POST', `/api/v1/messages/${created.id}/publish`);
    // Only this message stays live, so the channel's order cannot pick a seeded one instead.
    const messages = await server.api<{ id: string; status: string }[]>('GET', '/api/v1/messages');
    for (const message of messages)
      if (message.status === 'live' && message.id !== created.id)
        await server.api('POST', `/api/v1/messages/${message.id}/pause`);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const visitor = await context.newPage();
    admin = { page: visitor, context, errors: collectPageErrors(visitor), close: () => context.close() };
    // Wednesday 10:00 in New York: inside the demo channel's business hours.
    await visitor.clock.install({ time: new Date('2026-11-25T15:00:00Z') });
    const rules = visitor.waitForResponse((response) => response.url().includes('/rules'));
    await visitor.goto(`${server.url}/demo/pricing.html`);
    await rules;
    await visitor.clock.runFor(5_000);
    expect(await visitor.getByText('Looking at pricing? Our assistant can help').count()).toBe(0);
    await visitor.clock.runFor(30_000);
    await visitor
      .locator('p', { hasText: 'Looking at pricing? Our assistant can help' })
      .waitFor({ timeout: 10_000 });
    await shot(visitor, 'demo', 'demo-fires');
    expect(admin.errors).toEqual([]);
  });

  it('shows analytics and conversations', async () => {
    const [message] = await server.api<{ id: string }[]>('GET', '/api/v1/messages');
    admin = await openAdmin(browser, server, `/messages/${message?.id}/analytics`);
    const { page } = admin;
    await page.getByTestId('analytics-chart').waitFor();
    await shot(page, 'analytics', 'analytics');
    await page.goto(`${server.url}/admin/#/conversations`);
    await page.getByRole('heading', { name: 'Conversations' }).waitFor();
    await shot(page, 'analytics', 'conversations');
    expect(admin.errors).toEqual([]);
  });
});
