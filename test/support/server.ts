/**
 * A real Proactive Node server for end-to-end tests: the same app as `npm start`, in-process on a free
 * loopback port, on a fresh temporary SQLite file, seeded with the demo data by default.
 *
 * @example
 * const server = await startTestServer();
 * const response = await fetch(`${server.url}/widget/v1/channels/demo/rules`);
 * await server.close();
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNodeServer, type NodeServer, type NodeServerOptions } from '@proactive/server/node';

export interface TestServerOptions extends Pick<
  NodeServerOptions,
  'zafSecret' | 'zafToken' | 'zendeskOrigins' | 'trustProxy'
> {
  /** Rate limits and stream caps instead of the test server's raised ones. */
  limits?: Pick<NonNullable<NodeServerOptions['app']>, 'rateLimits' | 'streamLimits'>;
  /** Seed the demo data (brand Acme, channel `demo`, live messages). Default true. */
  seed?: boolean;
  /** Use this DATABASE_URL instead of a fresh temporary SQLite file. */
  databaseUrl?: string;
  adminToken?: string;
}

export interface TestServer {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  adminToken: string;
  /** The underlying server (repository, snapshots) for tests that need to look inside. */
  server: NodeServer;
  close(): Promise<void>;
}

/**
 * Starts a test server; `close()` stops it and deletes its database.
 *
 * @example const { url, adminToken, close } = await startTestServer({ seed: false })
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 'proactive-test-'));
  const server = await startNodeServer({
    port: 0,
    hostname: '127.0.0.1',
    databaseUrl: options.databaseUrl ?? join(directory, 'proactive.db'),
    adminToken: options.adminToken ?? 'test-admin-token',
    ...(options.zafSecret ? { zafSecret: options.zafSecret } : {}),
    ...(options.zafToken ? { zafToken: options.zafToken } : {}),
    ...(options.zendeskOrigins ? { zendeskOrigins: options.zendeskOrigins } : {}),
    demo: options.seed !== false,
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    // Browser suites send many events and conversations from one address.
    app: {
      rateLimits: {
        events_per_visitor: { limit: 100_000 },
        events_per_address: { limit: 100_000 },
        conversations_per_visitor: { limit: 10_000 },
        conversations_per_address: { limit: 10_000 },
      },
      ...options.limits,
    },
  });
  return {
    url: server.url,
    adminToken: server.adminToken,
    server,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
