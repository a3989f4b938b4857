/**
 * The packaged admin app inside a Zendesk-like host: the files of dist/proactive-app.zip (built in memory by
 * `packageApp`) served from an asset origin, framed by an agent page on another origin that speaks the ZAF
 * SDK's postMessage protocol and signs requests as Zendesk's proxy does (see support/zendesk-host.ts).
 * The message list loads and saves go through signed requests; expired or unsigned requests get 401;
 * `/admin/` may be framed only by the configured Zendesk origins.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, ConsoleMessage } from 'playwright-core';
import { sign } from 'hono/jwt';
import { packageApp } from '@proactive/app/package';
import { collectPageErrors, launchBrowser } from './support/browser.ts';
import { ensureBuilt, screenshot, startAdminServer, type AdminServer } from './support/admin.ts';
import { startZendeskHost, type ZendeskHost } from './support/zendesk-host.ts';

const secret = 'zaf-shared-secret';
let browser: Browser;
let files: Map<string, Uint8Array>;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  ensureBuilt();
  files = new Map(Object.entries(unzipSync(packageApp().bytes)));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server that trusts the host's signed requests, the host, and a page on the agent view. */
async function zendesk(signing: () => 'signed' | 'expired' | 'unsigned' = () => 'signed') {
  const settings: Record<string, string> = { shared_secret: secret };
  const host: ZendeskHost = await startZendeskHost({
    files,
    settings,
    secureSettings: ['shared_secret'],
    domainWhitelist: ['localhost'],
    signing,
  });
  cleanups.push(() => host.close());
  const server: AdminServer = await startAdminServer({
    zafSecret: secret,
    zafToken: { issuer: host.agentOrigin, maxLifetimeSeconds: 300 },
  });
  cleanups.push(() => server.close());
  // manifest.json whitelists "localhost": the app reaches the server by that name, as it would by its domain.
  settings.server_url = server.url.replace('127.0.0.1', 'localhost');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  const errors = collectPageErrors(page, { includeConsole: true });
  await page.goto(host.agentUrl);
  return { host, server, page, errors, app: page.frameLocator('#app') };
}

describe('the packaged app inside Zendesk', () => {
  it('speaks the SDK handshake and loads the message list through signed requests', async () => {
    const { host, server, page, errors, app } = await zendesk();
    await app.getByRole('heading', { name: 'Proactive messages' }).waitFor();
    await app.locator('[data-message-id]').first().waitFor();
    await screenshot(page, 'test-artifacts/zendesk/01-list-in-zendesk.png');
    expect(await page.evaluate(() => (window as { __zafHandshake?: unknown }).__zafHandshake)).toEqual({
      version: expect.any(String),
    });
    expect(await app.getByLabel('Admin token').count()).toBe(0); // no standalone sign-in inside Zendesk
    expect(host.requests.map((request) => new URL(request.url).pathname)).toEqual(
      expect.arrayContaining(['/api/v1/brands', '/api/v1/messages']),
    );
    for (const request of host.requests) {
      expect(request.status).toBe(200);
      expect(request.claims).toMatchObject({
        iss: host.agentOrigin,
        aud: server.url.replace('127.0.0.1', 'localhost'),
      });
      const claims = request.claims as { iat: number; exp: number };
      expect(claims.exp - claims.iat).toBeLessThanOrEqual(300);
    }
    expect(errors).toEqual([]);
  });

  it('saves a message through the proxy with its version (If-Match)', async () => {
    const { host, server, errors, app } = await zendesk();
    const [message] = await server.api<{ id: string; name: string }[]>('GET', '/api/v1/messages');
    await app.locator(`[data-message-id="${message?.id}"] a`).first().click();
    await app.getByRole('heading', { name: message?.name }).waitFor();
    await app.getByRole('textbox', { name: 'Name' }).fill('Renamed inside Zendesk');
    await app.getByRole('button', { name: 'Save', exact: true }).first().click();
    await expect
      .poll(async () => (await server.api<{ name: string }>('GET', `/api/v1/messages/${message?.id}`)).name)
      .toBe('Renamed inside Zendesk');
    expect(host.requests.find((request) => request.method === 'PATCH')?.status).toBe(200);
    expect(errors).toEqual([]);
  });

  it('refuses expired and unsigned requests with 401, and the app says so', async () => {
    const { host, server, app, page } = await zendesk(() => 'expired');
    await app.getByText('The Proactive server cannot be reached').waitFor();
    await app.getByText(/expired/).waitFor();
    await screenshot(page, 'test-artifacts/zendesk/02-expired-token.png');
    expect(host.requests.every((request) => request.status === 401)).toBe(true);

    const now = Math.floor(Date.now() / 1000);
    const status = async (authorization?: string) =>
      (await fetch(`${server.url}/api/v1/messages`, authorization ? { headers: { authorization } } : {}))
        .status;
    expect(await status()).toBe(401);
    expect(
      await status(`Bearer ${await sign({ iss: host.agentOrigin, iat: now - 600, exp: now - 300 }, secret)}`),
    ).toBe(401);
    expect(await status(`Bearer ${await sign({ iss: host.agentOrigin }, secret)}`)).toBe(401);
    expect(
      await status(`Bearer ${await sign({ iss: host.agentOrigin, iat: now, exp: now + 60 }, 'guess')}`),
    ).toBe(401);
    expect(
      await status(`Bearer ${await sign({ iss: host.agentOrigin, iat: now, exp: now + 60 }, secret)}`),
    ).toBe(200);
  });

  it('lets only the configured Zendesk origins frame /admin/', async () => {
    // One page that frames /admin/, reachable as two origins: localhost (configured) and 127.0.0.1 (not).
    let adminUrl = '';
    const framer = createServer((_request, response) =>
      response
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(`<!doctype html><iframe id="app" title="admin" src="${adminUrl}"></iframe>`),
    );
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => framer.close(() => resolve())));
    const port = (framer.address() as AddressInfo).port;
    const server = await startAdminServer({ zendeskOrigins: [`http://localhost:${port}`] });
    cleanups.push(() => server.close());
    adminUrl = `${server.url}/admin/`;
    const context = await browser.newContext();
    cleanups.push(() => context.close());

    const allowed = await context.newPage();
    await allowed.goto(`http://localhost:${port}/`);
    await allowed.frameLocator('#app').getByLabel('Admin token').waitFor();

    const refused = await context.newPage();
    const violation = refused.waitForEvent('console', (message: ConsoleMessage) =>
      /frame-ancestors/.test(message.text()),
    );
    await refused.goto(`http://127.0.0.1:${port}/`);
    expect((await violation).text()).toMatch(
      /violates the following Content Security Policy directive: "frame-ancestors/,
    );
  });
});
