/**
 * The Cloudflare Workers entry: the same app on D1 (binding `DB`). Each isolate keeps its own widget
 * snapshots and rebuilds them every few seconds (isolates cannot hear each other's invalidations), and the
 * response's Cache-Control lets Cloudflare's cache absorb the rest.
 *
 * Bindings: DB (D1), PROACTIVE_ADMIN_TOKEN (secret; without it the admin API refuses every request),
 * PROACTIVE_ZAF_SECRET and the other Zendesk app settings (optional, see docs/admin.md), ASSETS (optional
 * static assets: dist/, assets/, widget/demo/, and the API docs renderer's files from swagger-ui-dist
 * under api-docs/), and the rate-limit bindings RATE_LIMIT_EVENTS_PER_VISITOR, RATE_LIMIT_EVENTS_PER_ADDRESS,
 * RATE_LIMIT_CONVERSATIONS_PER_VISITOR and RATE_LIMIT_CONVERSATIONS_PER_ADDRESS (optional; a missing one is
 * counted in the isolate's memory). The client address is `cf-connecting-ip`, which Cloudflare sets.
 */
import type { D1Database, Fetcher } from '@cloudflare/workers-types';
import { createApp, type ProactiveApp } from './app.ts';
import { zendeskOptionsFromEnv, type ZendeskEnv } from './http/auth.ts';
import { createMemoryBus } from './domain/bus.ts';
import { seedDemo } from './demo/seed.ts';
import { workersBackend } from './limits/workers.ts';
import { openD1Storage } from './storage/d1-storage.ts';
import type { AssetSource } from './routes/static.ts';

export interface WorkerEnv extends ZendeskEnv {
  DB: D1Database;
  PROACTIVE_ADMIN_TOKEN?: string;
  /** "1" seeds the demo data into an empty database. */
  PROACTIVE_DEMO?: string;
  ASSETS?: Fetcher;
  [binding: string]: unknown;
}

function assetsFrom(fetcher: Fetcher, folder = ''): AssetSource {
  return {
    async read(path) {
      const response = await fetcher.fetch(`https://assets.local/${folder}${path}`);
      return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
    },
  };
}

function unguessable(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

let ready: Promise<ProactiveApp> | null = null;

async function boot(env: WorkerEnv): Promise<ProactiveApp> {
  const repository = await openD1Storage(env.DB);
  if (env.PROACTIVE_DEMO === '1' && (await repository.isEmpty())) await seedDemo(repository);
  return createApp({
    repository,
    bus: createMemoryBus(),
    adminToken: env.PROACTIVE_ADMIN_TOKEN || unguessable(),
    ...zendeskOptionsFromEnv(env),
    ...(env.ASSETS
      ? { assets: assetsFrom(env.ASSETS), docsAssets: assetsFrom(env.ASSETS, 'api-docs/') }
      : {}),
    limiter: workersBackend(env),
    clientAddress: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
    snapshotMaxAgeMs: 5_000,
    isolatedRequests: true,
    compression: false,
  });
}

export default {
  async fetch(request: Request, env: WorkerEnv): Promise<Response> {
    ready ??= boot(env).catch((error: unknown) => {
      ready = null;
      throw error;
    });
    try {
      const proactive = await ready;
      return await proactive.fetch(request);
    } catch {
      return Response.json(
        {
          error: {
            code: 'database_unavailable',
            message: 'The database cannot be reached right now; retry shortly.',
          },
        },
        { status: 503, headers: { 'Retry-After': '2' } },
      );
    }
  },
};
