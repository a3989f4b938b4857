/**
 * A stand-in for Zendesk around the packaged admin app, for tests and for trying the zip offline:
 * - an asset host serving the zip's files (as Zendesk's app CDN or `zcli apps:server` do),
 * - an agent page (another origin) that frames `assets/iframe.html?origin=...&app_guid=...` and speaks the
 *   ZAF SDK's postMessage protocol, as read from node_modules/zendesk_app_framework_sdk/lib/client.js:
 *   the app posts `iframe.handshake`, the host answers `zaf.app.registered` with the app's metadata
 *   (non-secure settings); the app posts `request:N` with `client.request`'s options and the host answers
 *   `zaf.request:N.done` (`responseArgs: [data, status, xhr]`) or `zaf.request:N.fail` (`[xhr, ...]`);
 *   get/set/invoke calls carry an `id` and are answered `{id, result}`,
 * - a request proxy (on the agent origin, as Zendesk's is server-side) that does what Zendesk's proxy does
 *   for `secure: true` requests: checks the host against the manifest's domainWhitelist, fills
 *   `{{setting.NAME}}` from the installation's settings (secure ones included), signs the `jwt` option
 *   (HS256, `iat` now, `exp` = iat + expiry, plus the given claims) and puts it where `{{jwt.token}}` is.
 *
 * @example
 * const host = await startZendeskHost({ files, settings: { server_url, shared_secret }, domainWhitelist: ['localhost'] });
 * await page.goto(host.agentUrl);
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign } from 'hono/jwt';

export interface ZendeskHostOptions {
  /** The app's files by path in the zip (`assets/iframe.html`, ...). */
  files: ReadonlyMap<string, Uint8Array>;
  /** Frame this iframe.html instead of serving `files` (e.g. `zcli apps:server`'s `http://localhost:4567/0/assets/iframe.html`). */
  appUrl?: string;
  /** The agent page's port (0: any free one). */
  agentPort?: number;
  /** The installation's settings, secure ones included (only non-secure ones reach the app); read on use. */
  settings: Record<string, string>;
  /** Names of the secure settings (kept out of the app's metadata). */
  secureSettings?: string[];
  /** Hosts secure requests may go to (manifest.json `domainWhitelist`). */
  domainWhitelist: string[];
  /** How the proxy signs: normally, with a token already expired, or not at all. */
  signing?: () => 'signed' | 'expired' | 'unsigned';
}

export interface ProxiedRequest {
  method: string;
  url: string;
  status: number;
  /** The signed token's claims, when the request carried one. */
  claims: Record<string, unknown> | null;
}

export interface ZendeskHost {
  /** The agent page framing the app (another origin than the asset host). */
  agentUrl: string;
  agentOrigin: string;
  /** Where the app's files are served: `${assetOrigin}/assets/iframe.html`. */
  assetOrigin: string;
  /** Every request the proxy forwarded. */
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

const types: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  ttf: 'font/ttf',
};

interface RequestOptions {
  url: string;
  type?: string;
  headers?: Record<string, string>;
  data?: string;
  secure?: boolean;
  jwt?: { algorithm?: string; secret_key?: string; expiry?: number; claims?: Record<string, unknown> };
}

/** The parent page's script: the host side of the SDK protocol. */
function agentScript(assetOrigin: string, metadata: unknown): string {
  return `
const frame = { get contentWindow() { return document.getElementById('app').contentWindow; } };
const send = (payload) => frame.contentWindow.postMessage(JSON.stringify(payload), ${JSON.stringify(assetOrigin)});
window.addEventListener('message', async (event) => {
  if (event.origin !== ${JSON.stringify(assetOrigin)} || event.source !== frame.contentWindow) return;
  let data;
  try { data = JSON.parse(event.data); } catch { return; }
  if (data.key === 'iframe.handshake') {
    window.__zafHandshake = data.message;
    send({ key: 'zaf.app.registered', message: { metadata: ${JSON.stringify(metadata)}, context: { location: 'nav_bar', product: 'support' } } });
  } else if (typeof data.key === 'string' && /^request:\\d+$/.test(data.key)) {
    const answer = await (await fetch('/proxy', { method: 'POST', body: JSON.stringify(data.message) })).json();
    const xhr = { status: answer.status, statusText: answer.statusText, responseText: answer.text, responseJSON: answer.json };
    const ok = answer.status >= 200 && answer.status < 300;
    send({ key: 'zaf.' + data.key + (ok ? '.done' : '.fail'), message: { responseArgs: ok ? [answer.json, 'success', xhr] : [xhr, 'error', answer.statusText] } });
  } else if (data.id) {
    send({ id: data.id, result: {} });
  }
});
`;
}

function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  port = 0,
): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer(handler);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Starts the asset host and the agent page with its proxy.
 *
 * @example const host = await startZendeskHost({ files, settings, domainWhitelist: ['localhost'] });
 */
export async function startZendeskHost(options: ZendeskHostOptions): Promise<ZendeskHost> {
  const requests: ProxiedRequest[] = [];
  const secure = new Set(options.secureSettings ?? []);
  const assets = await listen((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname).slice(1);
    if (path === 'favicon.ico') return response.writeHead(204).end();
    const bytes = options.files.get(path);
    if (!bytes) return response.writeHead(404).end('not in the package');
    response.writeHead(200, {
      'Content-Type': types[path.split('.').pop() ?? ''] ?? 'application/octet-stream',
    });
    response.end(bytes);
  });
  const assetOrigin = options.appUrl
    ? new URL(options.appUrl).origin
    : `http://127.0.0.1:${(assets.address() as AddressInfo).port}`;
  const appUrl = options.appUrl ?? `${assetOrigin}/assets/iframe.html`;

  const fill = (text: string, token: string | null) =>
    text
      .replace(/\{\{setting\.(\w+)\}\}/g, (_match, name: string) => options.settings[name] ?? '')
      .replace(/\{\{jwt\.token\}\}/g, token ?? '');

  async function proxy(call: RequestOptions): Promise<object> {
    const url = new URL(call.url);
    if (call.secure && !options.domainWhitelist.includes(url.hostname))
      return {
        status: 403,
        statusText: 'Forbidden',
        text: `${url.hostname} is not in domainWhitelist`,
        json: null,
      };
    let token: string | null = null;
    let claims: Record<string, unknown> | null = null;
    const mode = options.signing?.() ?? 'signed';
    if (call.jwt && mode !== 'unsigned') {
      const now = Math.floor(Date.now() / 1000);
      const issuedAt = mode === 'expired' ? now - 600 : now;
      claims = { ...call.jwt.claims, iat: issuedAt, exp: issuedAt + (call.jwt.expiry ?? 3600) };
      token = await sign(claims, fill(call.jwt.secret_key ?? '', null), 'HS256');
    }
    const headers = Object.fromEntries(
      Object.entries(call.headers ?? {}).map(([name, value]) => [name, fill(value, token)]),
    );
    if (call.data !== undefined) headers['Content-Type'] = 'application/json';
    const answer = await fetch(url, { method: call.type ?? 'GET', headers, body: call.data ?? null });
    const text = await answer.text();
    requests.push({ method: call.type ?? 'GET', url: call.url, status: answer.status, claims });
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: answer.status, statusText: answer.statusText, text, json };
  }

  const metadata = () => ({
    appId: 0,
    installationId: 1,
    name: 'Proactive messages',
    settings: Object.fromEntries(Object.entries(options.settings).filter(([name]) => !secure.has(name))),
  });
  const agent = await listen((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    if (path === '/proxy' && request.method === 'POST') {
      void body(request)
        .then((text) => proxy(JSON.parse(text) as RequestOptions))
        .then(
          (answer) =>
            response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer)),
          (error: unknown) => response.writeHead(502).end(String(error)),
        );
      return;
    }
    if (path === '/favicon.ico') return response.writeHead(204).end();
    if (path === '/agent.js')
      return response.writeHead(200, { 'Content-Type': types.js }).end(agentScript(assetOrigin, metadata()));
    if (path === '/' || path === '/agent') {
      const src = `${appUrl}?origin=${encodeURIComponent(agentOrigin)}&app_guid=test-app-guid`;
      return response.writeHead(200, { 'Content-Type': types.html }).end(
        // The host script runs before the frame exists, so it hears the app's first handshake.
        `<!doctype html><title>Zendesk (test host)</title><script src="/agent.js"></script>` +
          `<body style="margin:0"><iframe id="app" title="Proactive messages" src="${src}" ` +
          `style="border:0;width:100vw;height:100vh"></iframe></body>`,
      );
    }
    response.writeHead(404).end();
  }, options.agentPort);
  // "localhost" keeps the agent on another origin than the asset host (127.0.0.1), as Zendesk's are.
  const agentOrigin = `http://localhost:${(agent.address() as AddressInfo).port}`;

  return {
    agentUrl: `${agentOrigin}/agent`,
    agentOrigin,
    assetOrigin,
    requests,
    async close() {
      for (const server of [assets, agent]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
