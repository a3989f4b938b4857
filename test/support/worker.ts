/**
 * The Workers entry in workerd, offline: bundles server/worker.ts with esbuild and runs it in Miniflare
 * with a fresh in-memory D1 database.
 *
 * @example const worker = await startTestWorker(); await worker.fetch('/health'); await worker.close()
 */
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { fileURLToPath } from 'node:url';

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
export async function startTestWorker(options: { demo?: boolean } = {}): Promise<TestWorker> {
  const script = await bundleWorker();
  const adminToken = 'worker-admin-token';
  const miniflare = new Miniflare({
    modules: true,
    script,
    compatibilityDate: '2025-06-01',
    d1Databases: ['DB'],
    bindings: { PROACTIVE_ADMIN_TOKEN: adminToken, PROACTIVE_DEMO: options.demo ? '1' : '0' },
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
