// @ts-check
/**
 * The `proactive` CLI as one prebuilt file: `dsl/dist/proactive.js` bundles `@proactive/dsl/cli` with its
 * dependencies (chevrotain, zod), so `npx proactive` runs plain JavaScript with nothing to compile.
 *
 * Built by `npm ci` (the root `prepare` script), by `npm run build:cli`, and by the launcher
 * (`bin/proactive.js`) whenever the bundle is missing or older than a file of this package.
 */
import { readdirSync, renameSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the @proactive/dsl package. */
export const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Where the bundle is written. */
export const bundlePath = join(packageDir, 'dist', 'proactive.js');

/**
 * The newest modification time (ms) of the package's files (tests, dist/ and node_modules/ left out) and
 * of the workspace's lockfile, so a dependency upgrade also counts as a change.
 *
 * @example newestSource() > statSync(bundlePath).mtimeMs // the bundle is stale
 * @returns {number}
 */
export function newestSource() {
  let newest = statSync(join(packageDir, '..', 'package-lock.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  /** @param {string} folder */
  const visit = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') visit(path);
      } else if (!/\.test\.tsx?$/.test(entry.name)) {
        newest = Math.max(newest, statSync(path).mtimeMs);
      }
    }
  };
  visit(packageDir);
  return newest;
}

/**
 * Why the bundle needs building, or null when it is up to date.
 *
 * @example staleReason() // 'not built yet' on a fresh clone, 'older than its sources' after an edit
 * @returns {string | null}
 */
export function staleReason() {
  const builtAt = statSync(bundlePath, { throwIfNoEntry: false })?.mtimeMs;
  if (builtAt === undefined) return 'not built yet';
  return newestSource() > builtAt ? 'older than its sources' : null;
}

/**
 * Bundles the CLI into {@link bundlePath} (written to a temporary file, then renamed, so a concurrent run
 * never imports half a file). Needs esbuild, a development dependency.
 *
 * @example await buildCli()
 * @returns {Promise<void>}
 */
export async function buildCli() {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: {
      contents: "export { main } from '@proactive/dsl/cli';",
      resolveDir: packageDir,
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output for the CLI bundle.');
  mkdirSync(dirname(bundlePath), { recursive: true });
  const temporary = `${bundlePath}.${process.pid}.tmp`;
  writeFileSync(temporary, output.contents);
  renameSync(temporary, bundlePath);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli();
  console.log(`Built ${bundlePath}`);
}
