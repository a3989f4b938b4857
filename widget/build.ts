/**
 * Builds the widget (`npm run build:widget`): `dist/widget.js` (evaluator + bubble, loaded by every page)
 * and `dist/widget-panel.js` (the conversation panel, loaded on first open). Minified IIFEs for ES2020
 * browsers. Prints each file's size minified and minified + gzip.
 *
 * Also importable: `buildWidget()` returns the sizes (the bench and tests use it).
 */
import { build, transform, type Plugin } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the widget files are written. */
export const distDir = join(root, 'dist');

/** The initial script's budget, minified + gzip. */
export const INITIAL_BUDGET_BYTES = 10 * 1024;

export interface BundleSize {
  file: string;
  min: number;
  gzip: number;
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
];

/**
 * Measures a built file.
 *
 * @example sizeOf('dist/widget.js') // { file: 'widget.js', min: 21000, gzip: 8000 }
 */
export function sizeOf(path: string): BundleSize {
  const code = readFileSync(path);
  return { file: path.split('/').pop() ?? path, min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/**
 * Bundles both widget scripts into `outDir` and returns their sizes.
 *
 * @example const [initial, panel] = await buildWidget();
 */
export async function buildWidget(outDir: string = distDir): Promise<BundleSize[]> {
  mkdirSync(outDir, { recursive: true });
  const sizes: BundleSize[] = [];
  for (const { entry, out } of entries) {
    await build({
      entryPoints: [entry],
      outfile: join(outDir, out),
      bundle: true,
      minify: true,
      format: 'iife',
      target: ['es2020'],
      platform: 'browser',
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'warning',
      plugins: [rawCss],
    });
    sizes.push(sizeOf(join(outDir, out)));
  }
  return sizes;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

/**
 * One line per file: `widget.js  21.00 KB min  8.00 KB min+gzip`.
 *
 * @example console.log(formatSizes(await buildWidget()))
 */
export function formatSizes(sizes: BundleSize[]): string {
  return sizes
    .map(
      (size) =>
        `${size.file.padEnd(16)} ${kb(size.min).padStart(10)} min ${kb(size.gzip).padStart(10)} min+gzip`,
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
}
