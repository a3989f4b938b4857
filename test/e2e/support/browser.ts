/**
 * The shared browser launcher for end-to-end suites: Debian's Chromium driven by playwright-core, with
 * flags that keep it offline and quiet, plus a collector for errors thrown into a page.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian installs Chromium; override with `CHROMIUM_PATH`. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags every suite launches Chromium with (headless, no sandbox, no background network). */
export const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches the system Chromium headless.
 *
 * @example
 * const browser = await launchBrowser();
 * const page = await browser.newPage();
 * await browser.close();
 */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `The end-to-end tests need Chromium at ${chromiumPath}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...extraArgs] });
}

/**
 * Records every uncaught error and unhandled rejection thrown into `page` (and `console.error` lines when
 * `includeConsole` is set). Assert the returned array is empty at the end of a test.
 *
 * @example
 * const errors = collectPageErrors(page);
 * await page.goto(url);
 * expect(errors).toEqual([]);
 */
export function collectPageErrors(page: Page, options: { includeConsole?: boolean } = {}): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  if (options.includeConsole) {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
    });
  }
  return errors;
}
