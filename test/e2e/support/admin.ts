/**
 * Helpers for the admin app's browser suites: a fresh server per test (its own SQLite file, seeded with
 * the demo data), a signed-in page in its own browser context, API calls with the admin token, the Garden
 * combobox picker and screenshots that never wait on a fixed timer.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { buildAllIfStale } from '../../../scripts/builds.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../../support/server.ts';
import { collectPageErrors } from './browser.ts';

/**
 * Builds the widget and the admin app when their sources changed (the demo site needs the widget too).
 *
 * @example beforeAll(() => ensureBuilt())
 */
export function ensureBuilt(): void {
  if (buildAllIfStale().length > 0) throw new Error('A build failed: run npm run build to see why.');
}

/** A test's own server and what it needs to talk to it. */
export interface AdminServer extends TestServer {
  /** Calls the admin API with the admin token; throws on a non-2xx answer with its body. */
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** The seeded demo channel (brand Acme). */
  demoChannel(): Promise<{ id: string; brand_id: string; name: string }>;
  /** Creates a draft message on the demo channel through the API. */
  createMessage(fields: Record<string, unknown>): Promise<{ id: string; version: number; name: string }>;
  /** Starts a conversation as a visitor would from the widget, from the channel's first message. */
  startConversation(fields: { name?: string; email?: string; text: string }): Promise<{ id: string }>;
}

/**
 * Starts a seeded server for one test.
 *
 * @example const server = await startAdminServer(); await server.api('GET', '/api/v1/messages');
 */
export async function startAdminServer(options: TestServerOptions = {}): Promise<AdminServer> {
  const server = await startTestServer(options);
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  const demoChannel = async () => {
    const channels = await api<{ id: string; brand_id: string; name: string }[]>('GET', '/api/v1/channels');
    const channel = channels.find((candidate) => candidate.id === 'demo') ?? channels[0];
    if (!channel) throw new Error('The seeded server has no channel.');
    return channel;
  };
  return {
    ...server,
    api,
    demoChannel,
    async createMessage(fields) {
      const channel = await demoChannel();
      return api('POST', '/api/v1/messages', {
        brand_id: channel.brand_id,
        channel_id: channel.id,
        ...fields,
      });
    },
    async startConversation(fields) {
      const channel = await demoChannel();
      const messages = await api<{ id: string; channel_id: string }[]>('GET', '/api/v1/messages');
      const message = messages.find((candidate) => candidate.channel_id === channel.id);
      if (!message) throw new Error('The seeded demo channel has no message to start a conversation from.');
      const response = await fetch(`${server.url}/widget/v1/conversations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          channel_id: channel.id,
          message_id: message.id,
          visitor_id: 'visitor-e2e',
          ...fields,
        }),
      });
      if (!response.ok)
        throw new Error(`POST /widget/v1/conversations -> ${response.status} ${await response.text()}`);
      const created = (await response.json()) as { conversation_id: string };
      return { id: created.conversation_id };
    },
  };
}

/** A page of the admin app in its own browser context. */
export interface AdminPage {
  page: Page;
  context: BrowserContext;
  /** Errors thrown into the page (assert it stays empty). */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Opens the admin app signed in (the token travels in `#token=`, which the app takes out of the URL) at a
 * route such as `/messages/m1`, and waits until the app has rendered its frame.
 *
 * @example const { page } = await openAdmin(browser, server, '/messages');
 */
export async function openAdmin(
  browser: Browser,
  server: TestServer,
  route = '/messages',
  viewport = { width: 1440, height: 1000 },
): Promise<AdminPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${server.url}/admin/#token=${encodeURIComponent(server.adminToken)}&${route}`);
  await page.getByRole('navigation').first().waitFor();
  return { page, context, errors, close: () => context.close() };
}

/**
 * Opens a Garden combobox by its label inside `scope` and picks an option.
 *
 * @example await choose(page, row, 'Operator', 'Contains at least one of');
 */
export async function choose(
  page: Page,
  scope: Locator | Page,
  label: string | RegExp,
  option: string | RegExp,
) {
  await scope.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

/**
 * Saves a screenshot to `path` (folders created), scrolled to `target` when given. The app scrolls inside
 * Garden's Chrome, not the page; animations are finished before the picture is taken.
 *
 * @example await screenshot(page, 'test-artifacts/admin/01-list.png');
 */
export async function screenshot(page: Page, path: string, target?: Locator): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  if (target) await target.first().evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path, animations: 'disabled' });
}

/** The rule text the editor would save (published by the rules section as `data-text`). */
export async function ruleText(page: Page): Promise<string> {
  return (await page.getByTestId('rule-text').getAttribute('data-text')) ?? '';
}
