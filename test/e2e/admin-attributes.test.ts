/**
 * Visitor attribute declarations end to end, in Chromium against the real server: an admin declares an
 * attribute in Settings › Visitor attributes, then the rule editor offers it (the builder's key picker with
 * its label and type, Monaco's completion), warns about an undeclared key and refuses a wrong-typed value,
 * and the server refuses to publish such a rule. Screenshots go to test-artifacts/attributes/NN-step.png.
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
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

const artifacts = 'test-artifacts/attributes';

let browser: Browser;
let server: AdminServer;
let admin: AdminPage | null = null;
let step = 0;

const shot = (page: Page, name: string, target?: Locator) =>
  screenshot(page, `${artifacts}/${String((step += 1)).padStart(2, '0')}-${name}.png`, target);

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

describe('visitor attributes', () => {
  it('declares an attribute in the settings; the builder and the text completion offer it', async () => {
    admin = await openAdmin(browser, server, '/messages');
    const { page } = admin;
    await page.getByRole('navigation').getByText('Visitor attributes').click();
    await page.getByRole('heading', { name: 'Visitor attributes' }).waitFor();

    // Declare seats (a number), refusing a key the site could not send first.
    await page.getByRole('button', { name: 'Add attribute' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Key', { exact: true }).fill('seats bought');
    await dialog.getByRole('button', { name: 'Save attribute' }).click();
    await dialog.getByText(/must start with a letter/).waitFor();
    await dialog.getByLabel('Key', { exact: true }).fill('seats');
    await dialog.getByLabel('Label', { exact: true }).fill('Seats bought');
    await choose(page, dialog, 'Type', 'Number');
    await shot(page, 'add-attribute');
    await dialog.getByRole('button', { name: 'Save attribute' }).click();
    await page.locator('[data-attribute-key="seats"]').waitFor();
    await expect.poll(() => dialog.count()).toBe(0);
    await shot(page, 'attributes-list');
    const channel = await server.demoChannel();
    const declared = await server.api<{ key: string; type: string; label: string }[]>(
      'GET',
      `/api/v1/attributes?brand_id=${channel.brand_id}`,
    );
    expect(declared.map(({ key, type, label }) => ({ key, type, label }))).toEqual([
      { key: 'seats', type: 'number', label: 'Seats bought' },
    ]);

    // The builder offers it, with its label and type; picking it makes the row a number comparison.
    const message = await server.createMessage({
      name: 'Teams',
      rules: 'when visitor.attributes["plan"] is "pro"',
    });
    await page.goto(`${server.url}/admin/#/messages/${message.id}`);
    const row = page.locator('[data-condition-id]').first();
    await row.locator('[data-field="key"]').waitFor();
    await page
      .getByTestId('rule-diagnostics')
      .getByText(/"plan" is not declared/)
      .waitFor();
    await row.locator('[data-field="key"]').click();
    const offered = page.getByRole('option').filter({ hasText: 'seats · Seats bought (Number)' });
    await offered.waitFor();
    await shot(page, 'builder-key-picker', page.locator('#section-rules'));
    await offered.click();
    await expect.poll(() => ruleText(page)).toContain('visitor.attributes["seats"] is 0');
    await row.locator('input[inputmode="decimal"]').fill('10');
    await choose(page, row, 'Operator', /^Greater than$/);
    await expect.poll(() => ruleText(page)).toContain('visitor.attributes["seats"] > 10');
    await expect.poll(() => page.getByTestId('rule-diagnostics').count()).toBe(0);
    await shot(page, 'builder-declared-key', page.locator('#section-rules'));

    // Monaco: completion offers the declared key; a text value for it is an error.
    await page.getByRole('tab', { name: 'Text' }).click();
    const editor = page.locator('[data-testid="rule-text-editor"][data-ready="true"]');
    await editor.waitFor({ timeout: 30_000 });
    await editor.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('when visitor.attributes[', { delay: 5 });
    const suggestions = page.locator('.suggest-widget .monaco-list-row');
    await expect
      .poll(async () => (await suggestions.allInnerTexts()).join(' '), { timeout: 10_000 })
      .toContain('seats');
    await shot(page, 'monaco-completion', page.locator('#section-rules'));
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('when visitor.attributes["seats"] is "ten"', { delay: 5 });
    await page.keyboard.press('Escape');
    await page
      .getByTestId('rule-diagnostics')
      .getByText(/declared as a number/)
      .waitFor();
    await shot(page, 'monaco-type-mismatch', page.locator('#section-rules'));
    expect(admin.errors).toEqual([]);
  });
});
