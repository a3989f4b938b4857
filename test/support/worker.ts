/**
 * The Workers entry in workerd, offline: bundles server/worker.ts with esbuild and runs it in Miniflare
 * with a fresh in-memory D1 database.
 *
 * @example const worker = await startTestWorker(); await worker.fetch('/health'); await worker.close()
 */
import { build } from 'esbuild';
import { Miniflare, Response as MiniflareResponse } from 'miniflare';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const swaggerUi = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** The ASSETS binding as a deployment would lay it out; here only the API docs renderer's files. */
async function assets(request: { url: string }) {
  const name = /^\/api-docs\/([\w.-]+)$/.exec(new URL(request.url).pathname)?.[1];
  try {
    if (name) return new MiniflareResponse(await readFile(join(swaggerUi, name)));
  } catch {
    // missing: 404 below
  }
  return new MiniflareResponse('not found', { status: 404 });
}

export interface TestWorker {
  fetch(path: string, init?: RequestInit): Promise<Response>;
  adminToken: string;
  /** Bundle size in bytes, for the record. */
  bundleBytes: number;
  close(): Promise<void>;
}

/**
 * Bundles the worker entry (ESM, workerd conditions) and returns its code.
 *
 * @example const code = await bundleWorker()
 */
export async function bundleWorker(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../../server/worker.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/**
 * Starts the worker in Miniflare.
 *
 * @example const worker = await startTestWorker({ demo: true })
 */
export async function startTestWorker(
  options: {
    demo?: boolean;
    /** Workers rate-limit bindings, e.g. `{ RATE_LIMIT_EVENTS_PER_VISITOR: { simple: { limit: 5, period: 60 } } }`. */
    ratelimits?: Record<string, { simple: { limit: number; period: 10 | 60 } }>;
  } = {},
): Promise<TestWorker> {
  const script = await bundleWorker();
  const adminToken = 'worker-admin-token';
  const miniflare = new Miniflare({
    modules: true,
    script,
    compatibilityDate: '2025-06-01',
    d1Databases: ['DB'],
    serviceBindings: { ASSETS: assets },
    bindings: { PROACTIVE_ADMIN_TOKEN: adminToken, PROACTIVE_DEMO: options.demo ? '1' : '0' },
    ...(options.ratelimits ? { ratelimits: options.ratelimits } : {}),
  });
  await miniflare.ready;
  return {
    adminToken,
    bundleBytes: script.length,
    async fetch(path, init) {
      const response = await miniflare.dispatchFetch(`http://worker.test${path}`, init as never);
      return response as unknown as Response;
    },
    close: () => miniflare.dispose(),
  };
}
