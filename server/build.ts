/**
 * Builds the server process (`npm run build:server`): `server/dist/main.js`, server/main.ts with its
 * dependencies in one ES module, so `npm start` runs plain JavaScript with nothing compiled at start-up.
 * The database drivers stay outside the bundle (better-sqlite3 is native, PGlite loads its WebAssembly
 * next to its module, pg has optional native parts) and are imported only for the chosen storage.
 *
 * Also importable: `buildServer()` (scripts/builds.js runs it through `npm run build:server`).
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = dirname(fileURLToPath(import.meta.url));

/** The bundle `npm start` runs. */
export const serverBundle = join(serverDir, 'dist', 'main.js');

/** Packages loaded from node_modules at run time instead of being bundled. */
export const external = ['better-sqlite3', 'pg', 'pg-native', '@electric-sql/pglite'];

/**
 * Bundles server/main.ts into {@link serverBundle}; resolves to its size in bytes.
 *
 * @example const bytes = await buildServer();
 */
export async function buildServer(outfile: string = serverBundle): Promise<number> {
  const result = await build({
    entryPoints: [join(serverDir, 'main.ts')],
    outfile,
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
  return result.metafile.outputs[Object.keys(result.metafile.outputs)[0] ?? '']?.bytes ?? 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bytes = await buildServer();
  console.log(`Built ${serverBundle} (${(bytes / 1024).toFixed(0)} KB)`);
}
