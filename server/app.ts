/**
 * The Proactive HTTP app: one Hono app from Web APIs only, shared by the Node and Workers entries.
 * Dependencies (storage, bus, assets, secrets) come in; nothing here touches Node or the file system.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, ExecutionContext } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { Bus } from './domain/bus.ts';
import { createChanges } from './domain/changes.ts';
import { createServices } from './domain/services.ts';
import { SnapshotCache } from './domain/snapshot.ts';
import { adminAuth, type ZendeskOptions } from './http/auth.ts';
import { compressResponses } from './http/compress.ts';
import { errorBody, errorResponse } from './http/errors.ts';
import { openApiApp } from './http/openapi.ts';
import { RulesResponder, type RulesEncoders } from './http/rules-response.ts';
import { secureHeaderOptions } from './http/security-headers.ts';
import { webEncoders } from './http/web-encoders.ts';
import { budgetLimiters, type Budget, type BudgetName, type LimiterBackend } from './limits/limiter.ts';
import { memoryBackend } from './limits/memory.ts';
import { adminApi } from './routes/admin/index.ts';
import { healthRoutes } from './routes/health.ts';
import { docsRoutes } from './routes/openapi.ts';
import { staticRoutes, type AssetSource } from './routes/static.ts';
import { rulesFastPath, type RulesFastPath } from './routes/rules-fast-path.ts';
import { defaultStreamLimits, type StreamLimits } from './routes/stream-slots.ts';
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
  /** Where rate-limit counters live (default: this process's memory). */
  limiter?: LimiterBackend;
  /** Budget overrides (defaults: `defaultBudgets` in limits/limiter.ts). */
  rateLimits?: Partial<Record<BudgetName, Partial<Omit<Budget, 'name'>>>>;
  /** Caps on open SSE streams (default 5 per conversation, 50 per address). */
  streamLimits?: Partial<StreamLimits>;
  /**
   * Who a client is, for rate limits and stream caps: the Node entry passes the socket's peer (or the
   * right-most untrusted X-Forwarded-For hop behind trusted proxies), Workers `cf-connecting-ip`. Without
   * it every client counts as one.
   */
  clientAddress?: (c: Context) => string;
  /** Body size limits in bytes. */
  bodyLimits?: Partial<{ widget: number; admin: number }>;
  /** `Cache-Control` max-age of the widget rules, seconds. */
  rulesMaxAge?: number;
  /**
   * Compress here (default true): static files as their precompressed twins, API bodies of 1 KB or more
   * with gzip. The Workers entry turns it off: Cloudflare compresses at the edge, and the runtime would
   * encode an already encoded body a second time.
   */
  compression?: boolean;
  /**
   * The content codings the widget rules are precompressed in, once per snapshot (default: gzip through
   * CompressionStream; the Node entry gives node:zlib's brotli and gzip). Ignored without `compression`.
   */
  rulesEncoders?: RulesEncoders;
}

export interface ProactiveApp {
  app: OpenAPIHono;
  /**
   * `app.fetch` behind the widget rules fast path: what an entry serves. The Node entry calls
   * `serveRules` itself, before building a Request, and `app.fetch` for the rest.
   */
  fetch(
    request: Request,
    env?: Parameters<OpenAPIHono['fetch']>[1],
    executionCtx?: ExecutionContext,
  ): Response | Promise<Response>;
  /** Answers `GET /widget/v1/channels/:id/rules` from memory when it can (see routes/rules-fast-path.ts). */
  serveRules: RulesFastPath;
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
  const responder = new RulesResponder({
    maxAge: deps.rulesMaxAge ?? 30,
    encoders: deps.compression === false ? {} : (deps.rulesEncoders ?? webEncoders),
    // Compression starts a turn later: a snapshot already replaced by then is not worth it.
    isCurrent: (snapshot) => snapshots.peek(snapshot.parts.channelId) === snapshot,
  });
  const snapshots = new SnapshotCache(repository, {
    ...(deps.snapshotMaxAgeMs === undefined ? {} : { maxAgeMs: deps.snapshotMaxAgeMs }),
    ...(deps.isolatedRequests ? { isolatedRequests: true } : {}),
    onSnapshot: (snapshot) => responder.prepare(snapshot),
  });
  // Events this instance published come back on shared buses; it already acted on them.
  const origin = crypto.randomUUID();
  const ownBus: Bus = {
    publish: (event) => bus.publish({ ...event, origin }),
    subscribe: bus.subscribe,
    close: bus.close,
  };
  const unsubscribe = bus.subscribe((event) => {
    if (event.origin !== origin) snapshots.hear(event);
  });
  const services = createServices({
    repository,
    bus: ownBus,
    changes: createChanges(ownBus, (change) => snapshots.apply(change)),
    servedMessages: async (channelId) => (await snapshots.get(channelId))?.messageIds ?? null,
  });
  const limits = budgetLimiters(deps.limiter ?? memoryBackend(), deps.rateLimits);
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

  app.use('*', secureHeaders(secureHeaderOptions));
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

  // The rules route's slow path (the fast one is `serveRules`), registered before the widget middleware:
  // its prepared responses carry their own CORS headers.
  app.openapi(rulesRoute, rulesHandler(snapshots, responder));
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
  if (deps.compression !== false) {
    app.use('/widget/v1/*', compressResponses());
    app.use('/api/*', compressResponses());
  }

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
      limits,
      clientAddress: deps.clientAddress ?? (() => 'unknown'),
      streamLimits: { ...defaultStreamLimits, ...deps.streamLimits },
    }),
  );
  if (deps.assets)
    app.route(
      '/',
      staticRoutes(deps.assets, {
        frameOrigins: deps.zendeskOrigins ?? [],
        precompressed: deps.compression !== false,
      }),
    );

  const serveRules = rulesFastPath(snapshots, responder);
  const fetch: ProactiveApp['fetch'] = (request, env, executionCtx) => {
    const url = request.url;
    const path = url.slice(url.indexOf('/', url.indexOf('//') + 2));
    const reply = path.startsWith('/widget/v1/channels/')
      ? serveRules(
          request.method,
          path,
          request.headers.get('accept-encoding'),
          request.headers.get('if-none-match'),
        )
      : null;
    if (reply) {
      return new Response(reply.body as Uint8Array<ArrayBuffer> | null, {
        status: reply.status,
        headers: reply.headers,
      });
    }
    return app.fetch(request, env, executionCtx);
  };

  return { app, fetch, serveRules, snapshots, dispose: unsubscribe };
}
