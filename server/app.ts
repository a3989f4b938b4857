/**
 * The Proactive HTTP app: one Hono app from Web APIs only, shared by the Node and Workers entries.
 * Dependencies (storage, bus, assets, secrets) come in; nothing here touches Node or the file system.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { Bus } from './domain/bus.ts';
import { createChanges } from './domain/changes.ts';
import { createServices } from './domain/services.ts';
import { SnapshotCache } from './domain/snapshot.ts';
import { adminAuth, type ZendeskOptions } from './http/auth.ts';
import { errorBody, errorResponse } from './http/errors.ts';
import { openApiApp } from './http/openapi.ts';
import type { RateLimitOptions } from './http/rate-limit.ts';
import { adminApi } from './routes/admin/index.ts';
import { healthRoutes } from './routes/health.ts';
import { docsRoutes } from './routes/openapi.ts';
import { staticRoutes, type AssetSource } from './routes/static.ts';
import { rulesHandler, rulesRoute, widgetRoutes } from './routes/widget.ts';
import type { Repository } from './storage/repository.ts';

export type { AdminApi } from './routes/admin/index.ts';

export interface AppDeps extends ZendeskOptions {
  repository: Repository;
  bus: Bus;
  adminToken: string;
  /** Static files (widget.js, admin app, demo site); without it those routes answer 404. */
  assets?: AssetSource;
  /** The API docs renderer's files (swagger-ui-dist: `swagger-ui.css`, `swagger-ui-bundle.js`). */
  docsAssets?: AssetSource;
  /** Rebuild widget snapshots at least this often (Workers: isolates cannot hear invalidations). */
  snapshotMaxAgeMs?: number;
  /** Workers: requests must not share in-flight promises (see SnapshotCache). */
  isolatedRequests?: boolean;
  rateLimits?: Partial<{ events: RateLimitOptions; conversations: RateLimitOptions }>;
  /**
   * Who a client is, for rate limits. Defaults to the edge's headers (`cf-connecting-ip`,
   * `x-forwarded-for`); the Node entry passes the socket address unless it runs behind a trusted proxy.
   */
  clientAddress?: (c: Context) => string;
  /** Body size limits in bytes. */
  bodyLimits?: Partial<{ widget: number; admin: number }>;
  /** `Cache-Control` max-age of the widget rules, seconds. */
  rulesMaxAge?: number;
}

export interface ProactiveApp {
  app: OpenAPIHono;
  snapshots: SnapshotCache;
  /** Stops listening to the bus (the caller closes the repository). */
  dispose(): void;
}

/**
 * Builds the app.
 *
 * @example const { app } = createApp({ repository, bus: createMemoryBus(), adminToken: 'secret' })
 */
export function createApp(deps: AppDeps): ProactiveApp {
  const { repository, bus } = deps;
  const snapshots = new SnapshotCache(repository, {
    ...(deps.snapshotMaxAgeMs === undefined ? {} : { maxAgeMs: deps.snapshotMaxAgeMs }),
    ...(deps.isolatedRequests ? { isolatedRequests: true } : {}),
  });
  const invalidate = (channelIds: string[] | 'all') => {
    if (channelIds === 'all') snapshots.invalidateAll();
    else snapshots.invalidate(channelIds);
  };
  // Events this instance published come back on shared buses; it already acted on them.
  const origin = crypto.randomUUID();
  const ownBus: Bus = {
    publish: (event) => bus.publish({ ...event, origin }),
    subscribe: bus.subscribe,
    close: bus.close,
  };
  const unsubscribe = bus.subscribe((event) => {
    if (event.origin === origin) return;
    if (event.type === 'channels_changed') snapshots.invalidate(event.channel_ids);
    else if (event.type === 'all_changed') snapshots.invalidateAll();
  });
  const services = createServices({ repository, bus: ownBus, changes: createChanges(ownBus, invalidate) });
  const clientKey = deps.clientAddress ? { key: deps.clientAddress } : {};
  const limits = {
    events: { limit: 600, windowMs: 60_000, ...clientKey, ...deps.rateLimits?.events },
    conversations: { limit: 60, windowMs: 60_000, ...clientKey, ...deps.rateLimits?.conversations },
  };
  const tooLarge = (limit: number) => async (c: Context) => {
    // Read (and drop) the rest of the upload before answering: a server that answers mid-upload and
    // hangs up makes the client see a reset connection instead of this JSON error. Past 16 MB, hang up.
    const body = c.req.raw.bodyUsed ? null : c.req.raw.body;
    if (body) {
      let seen = 0;
      const reader = body.getReader();
      try {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          seen += chunk.value.byteLength;
          if (seen > 16 * 1024 * 1024) {
            await reader.cancel();
            break;
          }
        }
      } catch {
        // the client went away
      }
    }
    c.header('Connection', 'close');
    return c.json(
      errorBody('payload_too_large', `The body is larger than ${Math.round(limit / 1024)} KB.`, {
        limit_bytes: limit,
      }),
      413,
    );
  };
  const widgetLimit = deps.bodyLimits?.widget ?? 32 * 1024;
  const adminLimit = deps.bodyLimits?.admin ?? 512 * 1024;

  const app = openApiApp();

  app.onError(errorResponse);
  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404));

  app.use(
    '*',
    secureHeaders({
      crossOriginResourcePolicy: false,
      crossOriginEmbedderPolicy: false,
      crossOriginOpenerPolicy: false,
      xFrameOptions: false,
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );
  app.use('*', async (c, next) => {
    await next();
    const path = c.req.path;
    // Widget routes and widget.js are meant for other origins; everything else stays same-origin.
    if (!c.res.headers.has('Cross-Origin-Resource-Policy')) {
      c.res.headers.set(
        'Cross-Origin-Resource-Policy',
        path.startsWith('/widget') ? 'cross-origin' : 'same-origin',
      );
    }
    const noStore = path.startsWith('/api/') || path.startsWith('/widget/v1/conversations');
    if (noStore && !c.res.headers.has('Cache-Control')) {
      c.res.headers.set('Cache-Control', 'no-store');
    }
  });

  // The hot path, registered before the widget middleware: it sets its own CORS headers.
  app.openapi(rulesRoute, rulesHandler(snapshots, deps.rulesMaxAge ?? 30));
  app.use(
    '/widget/v1/*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'If-None-Match', 'Last-Event-ID'],
      exposeHeaders: ['ETag'],
      maxAge: 86400,
    }),
  );
  app.use('/widget/v1/*', bodyLimit({ maxSize: widgetLimit, onError: tooLarge(widgetLimit) }));
  if (deps.zendeskOrigins?.length) {
    // Only the configured Zendesk origins may call the admin API from a browser; nobody else gets CORS.
    app.use(
      '/api/v1/*',
      cors({
        origin: [...deps.zendeskOrigins],
        allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type', 'If-Match'],
        exposeHeaders: ['ETag'],
        maxAge: 600,
      }),
    );
  }
  app.use('/api/v1/*', bodyLimit({ maxSize: adminLimit, onError: tooLarge(adminLimit) }));

  app.route('/', healthRoutes(repository));
  // Before the admin API: the document is public although it lives under /api/v1.
  app.route('/', docsRoutes(app, deps.docsAssets));
  const auth = adminAuth({
    adminToken: deps.adminToken,
    ...(deps.zafSecret ? { zafSecret: deps.zafSecret } : {}),
    ...(deps.zafToken ? { zafToken: deps.zafToken } : {}),
  });
  app.route('/api/v1', adminApi(services, repository, auth));
  app.route(
    '/widget/v1',
    widgetRoutes({
      repository,
      bus,
      snapshots,
      conversations: services.conversations,
      rateLimits: limits,
    }),
  );
  if (deps.assets) app.route('/', staticRoutes(deps.assets, { frameOrigins: deps.zendeskOrigins ?? [] }));

  return { app, snapshots, dispose: unsubscribe };
}
