/**
 * The Text view's editor features in Chromium, on the slim Monaco build (app/monaco/editor-features.ts
 * and the modules app/monaco/slim.ts leaves out): Monarch colouring, completion (listed and chosen), hover docs (the Text
 * view's own hover, app/monaco/hover.ts: by mouse and by Ctrl+K Ctrl+I), squiggles with their message
 * on hover, bracket matching and auto-closing, `#` line comments and Format document, with no error
 * thrown into the page and none logged by Monaco (a left-out module throws a clear error when reached).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import {
  ensureBuilt,
  openAdmin,
  ruleText,
  startAdminServer,
  type AdminPage,
  type AdminServer,
} from './support/admin.ts';

const rule =
  'when visitor.page_url contains "pricing" and (device.language is "fr" or device.language is "de") for 0:30 once_per_visit';

let browser: Browser;
let server: AdminServer;
let admin: AdminPage | null = null;
let consoleErrors: string[] = [];

beforeAll(async () => {
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

/** Opens a message with `rules` on the Text view and waits for Monaco. */
async function openTextView(rules: string): Promise<Page> {
  const channel = await server.demoChannel();
  const message = await server.createMessage({ name: 'Text view features', rules });
  expect(channel.id).toBeTruthy();
  admin = await openAdmin(browser, server, `/messages/${message.id}`);
  const { page } = admin;
  consoleErrors = [];
  page.on('console', (line) => {
    if (line.type() === 'error') consoleErrors.push(line.text());
  });
  await page.getByRole('tab', { name: 'Text' }).click();
  await page.locator('[data-testid="rule-text-editor"][data-ready="true"]').waitFor({ timeout: 30_000 });
  await expect.poll(() => ruleText(page)).toContain('visitor.page_url');
  return page;
}

/** The box of the first occurrence of `text` in the editor's rendered lines (page coordinates). */
async function textBox(page: Page, text: string) {
  const box = await page.locator('.view-lines').evaluate((lines, wanted) => {
    const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const { x, y, width, height } = range.getBoundingClientRect();
      return { x, y, width, height };
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not in the editor's lines`);
  return { ...box, centerX: box.x + box.width / 2, centerY: box.y + box.height / 2 };
}

/** Waits until the completion list offers `label`. */
async function expectCompletion(page: Page, label: string) {
  await expect
    .poll(async () => (await page.locator('.suggest-widget .monaco-list-row').allInnerTexts()).join(' '), {
      timeout: 10_000,
    })
    .toContain(label);
}

describe('the Text view (slim Monaco)', () => {
  it('colours, completes, shows hover docs and squiggles, matches brackets, comments and formats', async () => {
    const page = await openTextView(rule);
    const editor = page.getByTestId('rule-text-editor');

    // Colouring: the Monarch tokenizer gives keywords, fields and strings different colours.
    await expect
      .poll(() =>
        editor
          .locator('.view-lines span span')
          .evaluateAll((spans) => new Set(spans.map((span) => getComputedStyle(span).color)).size),
      )
      .toBeGreaterThanOrEqual(3);

    // Hover docs from the language's hover provider.
    const hover = page.getByRole('tooltip');
    const field = await textBox(page, 'page_url');
    await page.mouse.move(field.centerX, field.centerY);
    await expect.poll(() => hover.innerText(), { timeout: 10_000 }).toContain('visitor.page_url');
    await page.mouse.move(0, 0);
    await hover.waitFor({ state: 'hidden' });

    // The same docs from the keyboard (Ctrl+K Ctrl+I at the cursor), focused; Escape returns to the text.
    await page.mouse.click(field.centerX, field.centerY);
    await page.keyboard.press('ControlOrMeta+K');
    await page.keyboard.press('ControlOrMeta+I');
    await expect.poll(() => hover.innerText(), { timeout: 10_000 }).toContain('visitor.page_url');
    await expect.poll(() => hover.evaluate((node) => node === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await hover.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null))
      .toBe(true);

    // Bracket matching: the cursor after "(" marks both brackets (put there from the keyboard: a click
    // could land elsewhere if the page's layout shifts meanwhile).
    const afterBracket = (await ruleText(page)).indexOf('(') + 1;
    await page.keyboard.press('ControlOrMeta+Home');
    for (let step = 0; step < afterBracket; step++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => editor.locator('.bracket-match').count()).toBe(2);

    // Auto-closing: "(" gets its ")" unless a ")" after it has no "(" in the whole text.
    const typeParenAfterWhen = async (text: string) => {
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText(text);
      await page.keyboard.press('ControlOrMeta+Home');
      for (const _ of 'when') await page.keyboard.press('ArrowRight');
      await page.keyboard.type('(');
    };
    await typeParenAfterWhen('when visitor.page_url contains "a")');
    await expect.poll(() => ruleText(page)).toBe('when( visitor.page_url contains "a")');
    await typeParenAfterWhen('when visitor.page_url contains ")"');
    await expect.poll(() => ruleText(page)).toBe('when() visitor.page_url contains ")"');

    // Completion while typing.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('when visitor.', { delay: 5 });
    await expectCompletion(page, 'page_title');
    await page.keyboard.press('Escape');

    // Choosing a completion replaces the word typed so far with it (plain text: app/monaco/plain-insert.ts),
    // the cursor after it, as one step of undo.
    await page.keyboard.type('page_t', { delay: 5 });
    await expectCompletion(page, 'page_title');
    await page.keyboard.press('Enter');
    await expect.poll(() => ruleText(page)).toBe('when visitor.page_title ');
    await page.keyboard.type('is');
    await expect.poll(() => ruleText(page)).toBe('when visitor.page_title is');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => ruleText(page)).toBe('when visitor.page_title ');
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => ruleText(page)).toBe('when visitor.page_t');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('when visitor.', { delay: 5 });
    await expectCompletion(page, 'page_title');
    await page.keyboard.press('Escape');

    // Squiggles: an unknown field gets an error marker, whose message shows on hover.
    await page.keyboard.type('nope is "x"', { delay: 5 });
    await expect.poll(() => ruleText(page)).toBe('when visitor.nope is "x"');
    await expect
      .poll(() => editor.locator('.squiggly-error').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const squiggle = await editor.locator('.squiggly-error').first().boundingBox();
    if (!squiggle) throw new Error('The squiggle has no box');
    await page.mouse.move(squiggle.x + squiggle.width / 2, squiggle.y + squiggle.height / 2);
    await expect.poll(() => hover.innerText(), { timeout: 10_000 }).toContain('visitor.nope');
    await page.mouse.move(0, 0);

    // Format document (the button under the editor) prints the canonical text.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('when   visitor.page_url   contains "pricing"', { delay: 5 });
    await expect.poll(() => ruleText(page)).toContain('   ');
    await page.getByRole('button', { name: 'Format' }).click();
    await expect.poll(() => ruleText(page)).toMatch(/^when visitor\.page_url contains "pricing"/);

    // ... and from the keyboard (Shift+Alt+F), as one step of undo.
    await editor.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('when   visitor.page_url   contains "pricing"', { delay: 5 });
    await expect.poll(() => ruleText(page)).toContain('   ');
    await page.keyboard.press('Shift+Alt+F');
    await expect.poll(() => ruleText(page)).toMatch(/^when visitor\.page_url contains "pricing"/);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => ruleText(page)).toBe('when   visitor.page_url   contains "pricing"');
    // The cursor stays beside its word when formatting moves it: put before "contains", it types there.
    await page.keyboard.press('ControlOrMeta+Home');
    for (const _ of 'when   visitor.page_url   ') await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+Alt+F');
    await expect.poll(() => ruleText(page)).toMatch(/^when visitor\.page_url contains "pricing"/);
    await page.keyboard.type('X');
    await expect.poll(() => ruleText(page)).toMatch(/^when visitor\.page_url Xcontains "pricing"/);

    // `#` line comments (Ctrl+/) toggle on and off.
    await editor.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('ControlOrMeta+/');
    await expect.poll(() => ruleText(page)).toMatch(/^# ?when/);
    await page.keyboard.press('ControlOrMeta+/');
    await expect.poll(() => ruleText(page)).toMatch(/^when/);

    // The cursor steps over whole characters (grapheme clusters: app/monaco/graphemes.ts): an accent
    // written as a combining mark, a family emoji joined by ZWJs.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('when visitor.page_title contains "e\u0301👨\u200d👩\u200d👧"');
    await expect.poll(() => ruleText(page)).toContain('👧"');
    await page.keyboard.press('End');
    for (const _ of ['"', 'family', 'é']) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('x');
    await expect
      .poll(() => ruleText(page))
      .toBe('when visitor.page_title contains "xe\u0301👨\u200d👩\u200d👧"');

    expect(admin?.errors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
