/**
 * The Node entry: opens storage from `DATABASE_URL`, seeds the demo when the database is empty, and serves
 * the app with @hono/node-server. The server process (server/main.ts, what `npm start` runs) and the test
 * servers use it.
 *
 * Env: PORT (default 8787), HOST (default 127.0.0.1; 0.0.0.0 to listen on all interfaces), DATABASE_URL, PROACTIVE_ADMIN_TOKEN (generated when unset),
 * PROACTIVE_ZAF_SECRET, PROACTIVE_ZAF_ISSUER, PROACTIVE_ZAF_AUDIENCE, PROACTIVE_ZAF_MAX_TOKEN_SECONDS and
 * PROACTIVE_ZENDESK_ORIGINS (the Zendesk app, all optional: see docs/admin.md), PROACTIVE_DEMO=0 (no demo data),
 * PROACTIVE_TRUST_PROXY=N (N trusted reverse proxies append to X-Forwarded-For), PROACTIVE_RATE_LIMIT_STORE
 * and REDIS_URL (where rate-limit counters live; see limits/node-limiter.ts).
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { zendeskOptionsFromEnv, type ZendeskOptions } from './http/auth.ts';
import { forwardedClient, trustedProxyCount } from './http/client-address.ts';
import { nodeEncoders } from './http/node-encoders.ts';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createApp, type AppDeps, type ProactiveApp } from './app.ts';
import { seedDemo } from './demo/seed.ts';
import { fsAssets } from './fs-assets.ts';
import { nodeLimiter, rateLimitStoreFrom, type RateLimitStore } from './limits/node-limiter.ts';
import { openNodeStorage, type NodeStorageOptions } from './storage/node-storage.ts';
import type { Repository } from './storage/repository.ts';

/**
 * The nearest folder above `from` holding the workspace root's package.json (the one listing workspaces):
 * where dist/, assets/ and widget/demo/ are, whether this module runs from source or from a bundle.
 *
 * @example findProjectRoot(fileURLToPath(import.meta.url)) // '/home/me/proactive'
 */
export function findProjectRoot(from: string): string {
  for (let folder = dirname(from); ; folder = dirname(folder)) {
    try {
      if ('workspaces' in JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'))) return folder;
    } catch {
      // No (readable) package.json here: look further up.
    }
    if (dirname(folder) === folder) throw new Error(`No workspace root above ${from}.`);
  }
}

export const projectRoot = findProjectRoot(fileURLToPath(import.meta.url));

/** The API docs renderer's files, straight from the installed swagger-ui-dist package. */
const swaggerUiFolder = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

export interface NodeServerOptions extends ZendeskOptions {
  port?: number;
  /** Defaults to 127.0.0.1 when the port is 0 (tests), else all interfaces. */
  hostname?: string;
  databaseUrl?: string;
  storage?: NodeStorageOptions;
  adminToken?: string;
  /** Seed the demo data when the database is empty. Default true. */
  demo?: boolean;
  root?: string;
  app?: Partial<
    Pick<AppDeps, 'rateLimits' | 'streamLimits' | 'bodyLimits' | 'rulesMaxAge' | 'snapshotMaxAgeMs'>
  >;
  /**
   * How many reverse proxies in front of this server append to X-Forwarded-For (0: none, the socket's
   * peer is the client). The client is the right-most hop they did not add.
   */
  trustProxy?: number;
  /** Where rate-limit counters live (see limits/node-limiter.ts); default `auto`. */
  rateLimitStore?: RateLimitStore;
  /** Redis for `rateLimitStore` `redis` (or `auto`), e.g. `redis://127.0.0.1:6379`. */
  redisUrl?: string;
}

export interface NodeServer {
  url: string;
  port: number;
  adminToken: string;
  /** True when the admin token was generated (not given). */
  generatedToken: boolean;
  repository: Repository;
  storage: string;
  seeded: boolean;
  proactive: ProactiveApp;
  close(): Promise<void>;
}

/**
 * Starts a server and resolves once it listens.
 *
 * @example const server = await startNodeServer({ port: 0, databaseUrl: 'file:/tmp/p.db' })
 */
export async function startNodeServer(options: NodeServerOptions = {}): Promise<NodeServer> {
  const storage = await openNodeStorage(options.databaseUrl, options.storage);
  let seeded = false;
  if (options.demo !== false && (await storage.repository.isEmpty())) {
    await seedDemo(storage.repository);
    seeded = true;
  }
  const trustedProxies = options.trustProxy ?? 0;
  const limiter = await nodeLimiter(storage, {
    store: options.rateLimitStore ?? 'auto',
    ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
  }).catch(async (error: unknown) => {
    await storage.repository.close();
    throw error;
  });
  const generatedToken = !options.adminToken;
  const adminToken = options.adminToken || randomBytes(24).toString('base64url');
  const proactive = createApp({
    repository: storage.repository,
    bus: storage.bus,
    adminToken,
    ...(options.zafSecret ? { zafSecret: options.zafSecret } : {}),
    ...(options.zafToken ? { zafToken: options.zafToken } : {}),
    ...(options.zendeskOrigins ? { zendeskOrigins: options.zendeskOrigins } : {}),
    assets: fsAssets(options.root ?? projectRoot),
    docsAssets: fsAssets(swaggerUiFolder),
    limiter,
    rulesEncoders: nodeEncoders,
    clientAddress: (c) =>
      forwardedClient(
        c.req.header('x-forwarded-for'),
        (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress ?? 'unknown',
        trustedProxies,
      ),
    ...options.app,
  });
  const port = options.port ?? 8787;
  const hostname = options.hostname ?? (port === 0 ? '127.0.0.1' : '0.0.0.0');
  const server = await new Promise<ServerType>((resolvePromise, reject) => {
    const instance = serve(
      {
        fetch: proactive.app.fetch,
        port,
        hostname,
        createServer: ((serverOptions: object, listener: (i: IncomingMessage, o: ServerResponse) => void) =>
          createServer(serverOptions, (incoming, outgoing) => {
            // The widget rules fast path, before @hono/node-server builds a Request (see rules-fast-path.ts).
            const reply = proactive.serveRules(
              incoming.method,
              incoming.url,
              incoming.headers['accept-encoding'],
              incoming.headers['if-none-match'],
            );
            if (!reply) return listener(incoming, outgoing);
            outgoing.writeHead(reply.status, reply.headers);
            if (reply.body) outgoing.end(reply.body);
            else outgoing.end();
          })) as unknown as typeof createServer,
      },
      () => resolvePromise(instance),
    );
    instance.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = hostname === '0.0.0.0' ? '127.0.0.1' : hostname;
  let closed = false;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    adminToken,
    generatedToken,
    repository: storage.repository,
    storage: storage.description,
    seeded,
    proactive,
    async close() {
      if (closed) return;
      closed = true;
      proactive.dispose();
      await limiter.close();
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await storage.repository.close();
    },
  };
}

/**
 * Reads the Node server options from the environment (what `npm start` uses).
 *
 * @example const server = await startNodeServer(optionsFromEnv(process.env))
 */
export function optionsFromEnv(env: NodeJS.ProcessEnv): NodeServerOptions {
  const port = env.PORT === undefined || env.PORT === '' ? 8787 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}".`);
  return {
    port,
    hostname: env.HOST || '127.0.0.1',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.PROACTIVE_ADMIN_TOKEN ? { adminToken: env.PROACTIVE_ADMIN_TOKEN } : {}),
    ...zendeskOptionsFromEnv(env),
    demo: env.PROACTIVE_DEMO !== '0',
    trustProxy: trustedProxyCount(env.PROACTIVE_TRUST_PROXY),
    rateLimitStore: rateLimitStoreFrom(env.PROACTIVE_RATE_LIMIT_STORE),
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
  };
}
