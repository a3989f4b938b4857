/**
 * Files served as they are: `/widget.js` (dist/widget.js, long cache, loadable cross-origin), `/admin/`
 * (the built admin app in assets/, entry iframe.html) and `/demo/` (the demo site in widget/demo/).
 * Reading goes through an {@link AssetSource} so the app stays free of Node APIs.
 */
import { Hono, type Context } from 'hono';
import { adminContentSecurityPolicy } from '../http/csp.ts';
import { errorBody } from '../http/errors.ts';

export interface StaticOptions {
  /** Origins besides this one allowed to frame the admin app (the Zendesk origins). */
  frameOrigins?: readonly string[];
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

async function serveFrom(c: Context, assets: AssetSource, folder: string, rest: string, cache: string) {
  const base = safeJoin(folder, rest);
  if (base === null) return c.json(errorBody('not_found', 'No such file.'), 404);
  const candidates = /\.[a-z0-9]+$/i.test(base) ? [base] : [`${base}/index.html`, `${base}.html`];
  for (const path of candidates) {
    const bytes = await assets.read(path);
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
  const adminPolicy = adminContentSecurityPolicy(options.frameOrigins);

  app.get('/widget.js', async (c) => {
    const bytes = await assets.read('dist/widget.js');
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
    const bytes = await assets.read(`dist/${c.req.param('file')}`);
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
      const bytes = await assets.read('assets/iframe.html');
      if (!bytes)
        return c.json(
          errorBody('not_built', 'The admin app is not built yet: run "npm run build:app".'),
          404,
        );
      c.header('Content-Type', 'text/html; charset=utf-8');
      c.header('Cache-Control', 'no-cache');
      return c.body(bytes as Uint8Array<ArrayBuffer>);
    }
    return serveFrom(c, assets, 'assets', rest, 'public, max-age=31536000, immutable');
  });

  app.get('/demo', (c) => c.redirect('/demo/', 301));
  app.get('/demo/*', (c) =>
    serveFrom(c, assets, 'widget/demo', c.req.path.slice('/demo/'.length), 'public, max-age=60'),
  );
  app.get('/', (c) => c.redirect('/demo/', 302));

  return app;
}
