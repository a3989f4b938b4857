/**
 * Builds the widget (`npm run build:widget`), bundled by esbuild and minified again by terser (whose
 * several compression passes save about 5% min+gzip on top of esbuild's): `dist/widget.js` (evaluator + bubble, loaded by every page)
 * and the chunks it loads on demand: `dist/widget-panel.js` (the conversation panel, on first open),
 * `dist/widget-extras.js` (the runtime of rules beyond the seed language: operators, kinds, trigger
 * events, facts), `dist/widget-behaviour.js` (time on site, exit intent, scroll and idle detectors) and
 * `dist/widget-calls.js` (the site's `identify` attributes and `track` calls). Minified IIFEs for ES2020
 * browsers, each written with its precompressed twins (`.br`, `.gz`) that the server picks by
 * Accept-Encoding. Prints each file's size minified and minified + gzip.
 *
 * Also importable: `buildWidget()` returns the sizes (the bench and tests use it).
 */
import { build, transform, type Plugin } from 'esbuild';
import { minify } from 'terser';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the widget files are written. */
export const distDir = join(root, 'dist');

/** The initial script's budget, minified + gzip. */
export const INITIAL_BUDGET_BYTES = 10 * 1024;

/** The budget of each on-demand chunk of the rule language (extras, behaviour), minified + gzip. */
export const CHUNK_BUDGET_BYTES = 2 * 1024;

/** The chunks {@link CHUNK_BUDGET_BYTES} applies to (the panel loads only when the visitor opens a chat). */
export const BUDGETED_CHUNKS: readonly string[] = [
  'widget-extras.js',
  'widget-behaviour.js',
  'widget-calls.js',
  'widget-index.js',
];

export interface BundleSize {
  file: string;
  min: number;
  /** Minified + gzip (level 9): what goes out to a client that accepts gzip but not brotli. */
  gzip: number;
  /** Minified + brotli: what goes out to a browser (they all accept br over HTTPS and on localhost). */
  brotli: number;
}

/** Files smaller than this go out as they are: compressing them saves less than the header costs. */
const PRECOMPRESS_MIN_BYTES = 1024;

/** Above this size brotli's best quality takes seconds per file for a few per cent: quality 9 instead. */
const BROTLI_MAX_QUALITY_UP_TO_BYTES = 1024 * 1024;

/**
 * A file's bytes compressed the way the server sends them (best settings: this runs once, at build time).
 *
 * @example compressed(readFileSync('dist/widget.js')).br.length
 */
export function compressed(bytes: Uint8Array): { br: Uint8Array; gz: Uint8Array } {
  const quality = bytes.length <= BROTLI_MAX_QUALITY_UP_TO_BYTES ? constants.BROTLI_MAX_QUALITY : 9;
  return {
    br: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gz: gzipSync(bytes, { level: 9 }),
  };
}

/**
 * Writes `FILE.br` and `FILE.gz` beside each file, which the server sends when the request's
 * Accept-Encoding allows; a file under 1 KB gets none (and loses twins left by an earlier build), so a
 * twin never outlives its file's content.
 *
 * @example precompress(['dist/widget.js']) // writes dist/widget.js.br and dist/widget.js.gz
 */
export function precompress(paths: readonly string[]): void {
  for (const path of paths) {
    const bytes = readFileSync(path);
    if (bytes.length < PRECOMPRESS_MIN_BYTES) {
      for (const suffix of ['.br', '.gz']) rmSync(path + suffix, { force: true });
      continue;
    }
    const { br, gz } = compressed(bytes);
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gz);
  }
}

/** `import css from './x.css?raw'` (as in Vite): the stylesheet's text, minified. */
const rawCss: Plugin = {
  name: 'raw-css',
  setup(builder) {
    builder.onResolve({ filter: /\.css\?raw$/ }, (args) => ({
      path: join(args.resolveDir, args.path.replace(/\?raw$/, '')),
      namespace: 'raw-css',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'raw-css' }, async (args) => {
      const css = await transform(readFileSync(args.path, 'utf8'), {
        loader: 'css',
        minify: true,
        target: ['chrome80'],
      });
      return { contents: css.code.trim(), loader: 'text' };
    });
  },
};

const entries = [
  { entry: join(root, 'widget/main.ts'), out: 'widget.js' },
  { entry: join(root, 'widget/panel/index.ts'), out: 'widget-panel.js' },
  { entry: join(root, 'widget/extras/index.ts'), out: 'widget-extras.js' },
  { entry: join(root, 'widget/behaviour/index.ts'), out: 'widget-behaviour.js' },
  { entry: join(root, 'widget/api-calls/index.ts'), out: 'widget-calls.js' },
  { entry: join(root, 'widget/rule-index/index.ts'), out: 'widget-index.js' },
];

/**
 * The rule language's modules have no side effects on import: a chunk keeps only the runtime pieces it
 * uses (esbuild would otherwise keep every module `@proactive/dsl/evaluator` re-exports).
 */
const dslWithoutSideEffects: Plugin = {
  name: 'dsl-without-side-effects',
  setup(builder) {
    const dsl = join(root, 'dsl') + '/';
    builder.onResolve({ filter: /.*/ }, async (args) => {
      if (
        args.pluginData === dsl ||
        !(args.importer.startsWith(dsl) || args.path.startsWith('@proactive/dsl'))
      )
        return undefined;
      const resolved = await builder.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: dsl,
      });
      return resolved.path.startsWith(dsl) ? { ...resolved, sideEffects: false } : resolved;
    });
  },
};

/**
 * Measures a built file.
 *
 * @example sizeOf('dist/widget.js') // { file: 'widget.js', min: 21000, gzip: 8000, brotli: 7000 }
 */
export function sizeOf(path: string): BundleSize {
  const code = readFileSync(path);
  const { br, gz } = compressed(code);
  return { file: path.split('/').pop() ?? path, min: code.length, gzip: gz.length, brotli: br.length };
}

/**
 * Bundles the widget script and its chunks into `outDir` and returns their sizes (initial script first).
 *
 * @example const [initial, panel, extras, behaviour, calls] = await buildWidget();
 */
export async function buildWidget(outDir: string = distDir): Promise<BundleSize[]> {
  mkdirSync(outDir, { recursive: true });
  const sizes: BundleSize[] = [];
  for (const { entry, out } of entries) {
    const bundled = await build({
      entryPoints: [entry],
      write: false,
      bundle: true,
      minify: true,
      format: 'iife',
      target: ['es2020'],
      platform: 'browser',
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'warning',
      plugins: [rawCss, dslWithoutSideEffects],
    });
    const minified = await minify(bundled.outputFiles[0]?.text ?? '', {
      ecma: 2020,
      compress: { passes: 5 },
      mangle: true,
    });
    writeFileSync(join(outDir, out), minified.code ?? '');
    precompress([join(outDir, out)]);
    sizes.push(sizeOf(join(outDir, out)));
  }
  return sizes;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

/**
 * One line per file: `widget.js  21.00 KB min  8.00 KB min+gzip  7.00 KB min+brotli`.
 *
 * @example console.log(formatSizes(await buildWidget()))
 */
export function formatSizes(sizes: BundleSize[]): string {
  return sizes
    .map(
      (size) =>
        `${size.file.padEnd(20)} ${kb(size.min).padStart(10)} min ${kb(size.gzip).padStart(10)} min+gzip ${kb(size.brotli).padStart(10)} min+brotli`,
    )
    .join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = await buildWidget();
  console.log(formatSizes(sizes));
  const initial = sizes[0];
  if (initial && initial.gzip > INITIAL_BUDGET_BYTES) {
    console.warn(`widget.js is over its ${kb(INITIAL_BUDGET_BYTES)} min+gzip budget.`);
  }
  for (const size of sizes)
    if (BUDGETED_CHUNKS.includes(size.file) && size.gzip > CHUNK_BUDGET_BYTES)
      console.warn(`${size.file} is over its ${kb(CHUNK_BUDGET_BYTES)} min+gzip budget.`);
}
