/**
 * Files served as they are: `/widget.js` (dist/widget.js, long cache, loadable cross-origin), `/admin/`
 * (the built admin app in assets/, entry iframe.html) and `/demo/` (the demo site in widget/demo/).
 * A compressible file goes out as its precompressed twin (`FILE.br`, `FILE.gz`, written by the builds)
 * when the request's Accept-Encoding allows, with `Vary: Accept-Encoding` either way.
 * Reading goes through an {@link AssetSource} so the app stays free of Node APIs.
 */
import { Hono, type Context } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';
import { parseAccept } from 'hono/utils/accept';
import { adminContentSecurityPolicy } from '../http/csp.ts';
import { errorBody } from '../http/errors.ts';

export interface StaticOptions {
  /** Origins besides this one allowed to frame the admin app (the Zendesk origins). */
  frameOrigins?: readonly string[];
  /**
   * Send a file's precompressed twin when the request accepts it (default true); false sends every file
   * as it is, for a host that compresses by itself.
   */
  precompressed?: boolean;
}

export interface AssetSource {
  /** The bytes of a file under the project root (`dist/widget.js`), or null when it does not exist. */
  read(path: string): Promise<Uint8Array | null>;
}

const types: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  txt: 'text/plain; charset=utf-8',
  wasm: 'application/wasm',
};

/**
 * The Content-Type for a file name.
 *
 * @example contentType('app.js') // 'text/javascript; charset=utf-8'
 */
export function contentType(path: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return types[extension] ?? 'application/octet-stream';
}

/** The precompressed twins a build writes beside a file, smallest first. */
const twins = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * The bytes to send for a file: its smallest precompressed twin that the request accepts (setting
 * Content-Encoding), else the file itself; null when neither exists. Compressible types get
 * `Vary: Accept-Encoding` whichever goes out, so caches keep the variants apart.
 */
async function readNegotiated(
  c: Context,
  assets: AssetSource,
  path: string,
  precompressed: boolean,
): Promise<Uint8Array | null> {
  if (!precompressed || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(contentType(path))) return assets.read(path);
  const accepted = new Set(
    parseAccept(c.req.header('Accept-Encoding') ?? '')
      .filter((entry) => entry.q > 0)
      .map((entry) => entry.type.toLowerCase()),
  );
  for (const { encoding, suffix } of twins) {
    if (!accepted.has(encoding)) continue;
    const bytes = await assets.read(path + suffix);
    if (bytes) {
      c.header('Vary', 'Accept-Encoding');
      c.header('Content-Encoding', encoding);
      return bytes;
    }
  }
  const bytes = await assets.read(path);
  if (bytes) c.header('Vary', 'Accept-Encoding');
  return bytes;
}

/** A safe relative path inside a folder, or null for anything trying to leave it. */
function safeJoin(folder: string, rest: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return null;
  }
  const parts = decoded.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.some((part) => part === '..' || part.includes('\\') || part.includes('\0'))) return null;
  return [folder, ...parts].join('/');
}

async function serveFrom(
  c: Context,
  assets: AssetSource,
  precompressed: boolean,
  folder: string,
  rest: string,
  cache: string,
) {
  const base = safeJoin(folder, rest);
  if (base === null) return c.json(errorBody('not_found', 'No such file.'), 404);
  const candidates = /\.[a-z0-9]+$/i.test(base) ? [base] : [`${base}/index.html`, `${base}.html`];
  for (const path of candidates) {
    const bytes = await readNegotiated(c, assets, path, precompressed);
    if (bytes) {
      c.header('Content-Type', contentType(path));
      c.header('Cache-Control', path.endsWith('.html') ? 'no-cache' : cache);
      return c.body(bytes as Uint8Array<ArrayBuffer>);
    }
  }
  return c.json(errorBody('not_found', `No file at ${c.req.path}.`), 404);
}

/**
 * The static routes.
 *
 * @example app.route('/', staticRoutes(fsAssets(process.cwd())))
 */
export function staticRoutes(assets: AssetSource, options: StaticOptions = {}) {
  const app = new Hono();
  const precompressed = options.precompressed ?? true;
  const adminPolicy = adminContentSecurityPolicy(options.frameOrigins);

  app.get('/widget.js', async (c) => {
    const bytes = await readNegotiated(c, assets, 'dist/widget.js', precompressed);
    if (!bytes) {
      return c.json(errorBody('not_built', 'The widget is not built yet: run "npm run build:widget".'), 404);
    }
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=86400');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(bytes as Uint8Array<ArrayBuffer>);
  });
  app.get('/widget/:file{[A-Za-z0-9_.-]+\\.js}', async (c) => {
    // Lazily loaded widget chunks (e.g. the conversation panel) built next to widget.js.
    const bytes = await readNegotiated(c, assets, `dist/${c.req.param('file')}`, precompressed);
    if (!bytes) return c.json(errorBody('not_found', 'No such widget file.'), 404);
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=86400');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(bytes as Uint8Array<ArrayBuffer>);
  });

  app.get('/admin', (c) => c.redirect('/admin/', 301));
  app.use('/admin/*', async (c, next) => {
    await next();
    c.res.headers.set('Content-Security-Policy', adminPolicy);
  });
  app.get('/admin/*', async (c) => {
    const rest = c.req.path.slice('/admin/'.length);
    if (rest === '' || rest === 'index.html') {
      const bytes = await readNegotiated(c, assets, 'assets/iframe.html', precompressed);
      if (!bytes)
        return c.json(
          errorBody('not_built', 'The admin app is not built yet: run "npm run build:app".'),
          404,
        );
      c.header('Content-Type', 'text/html; charset=utf-8');
      c.header('Cache-Control', 'no-cache');
      return c.body(bytes as Uint8Array<ArrayBuffer>);
    }
    return serveFrom(c, assets, precompressed, 'assets', rest, 'public, max-age=31536000, immutable');
  });

  app.get('/demo', (c) => c.redirect('/demo/', 301));
  app.get('/demo/*', (c) =>
    serveFrom(
      c,
      assets,
      precompressed,
      'widget/demo',
      c.req.path.slice('/demo/'.length),
      'public, max-age=60',
    ),
  );
  app.get('/', (c) => c.redirect('/demo/', 302));

  return app;
}
