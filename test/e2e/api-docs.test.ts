/**
 * /api/docs in a real browser: Swagger UI (from npm, served by this server) renders every operation of the
 * generated document under the page's Content-Security-Policy, with no error and no CSP violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.ts';
import { collectPageErrors, launchBrowser } from './support/browser.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the API docs page', () => {
  it('renders every operation of the generated document under its CSP', async () => {
    const document = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.values(document.paths).reduce(
      (count, methods) => count + Object.keys(methods).length,
      0,
    );
    const page = await browser.newPage();
    const errors = collectPageErrors(page, { includeConsole: true });
    await page.goto(`${server.url}/api/docs`);
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 20_000 }).toBe(operations);
    await expect(page.locator('.info .title').textContent()).resolves.toContain('Proactive API');
    await page.locator('.opblock-summary', { hasText: '/api/v1/schedules' }).first().click();
    await page.locator('.opblock-body').first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
