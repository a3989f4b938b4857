/**
 * Builds the server process (`npm run build:server`): `server/dist/main.js`, server/main.ts with its
 * dependencies in one ES module, so `npm start` runs plain JavaScript with nothing compiled at start-up.
 * The database drivers stay outside the bundle (better-sqlite3 is native, PGlite loads its WebAssembly
 * next to its module, pg has optional native parts; ioredis for rate limits in Redis) and are imported
 * only for the chosen storage.
 *
 * Also importable: `buildServer()` (scripts/builds.js runs it through `npm run build:server`).
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = dirname(fileURLToPath(import.meta.url));

/** Where the bundle is written: `main.js`, which `npm start` runs, and the chunks it imports on demand. */
export const serverDist = join(serverDir, 'dist');

/** The bundle `npm start` runs. */
export const serverBundle = join(serverDist, 'main.js');

/** Packages loaded from node_modules at run time instead of being bundled. */
export const external = ['better-sqlite3', 'pg', 'pg-native', '@electric-sql/pglite', 'ioredis'];

/**
 * Bundles server/main.ts into `outdir` (`main.js` plus `chunks/` for what is imported on demand, such as
 * the Redis and PostgreSQL rate-limit stores), replacing an earlier build there; resolves to the bytes
 * written.
 *
 * @example const bytes = await buildServer();
 */
export async function buildServer(outdir: string = serverDist): Promise<number> {
  rmSync(join(outdir, 'chunks'), { recursive: true, force: true });
  const result = await build({
    entryPoints: { main: join(serverDir, 'main.ts') },
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    external,
    // CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    metafile: true,
    logLevel: 'warning',
  });
  return Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bytes = await buildServer();
  console.log(`Built ${serverBundle} and its chunks (${(bytes / 1024).toFixed(0)} KB)`);
}
