/**
 * Compression of dynamic responses: JSON (and any other compressible type, never an event stream) of
 * 1 KB or more goes out gzip- or deflate-encoded when the request's Accept-Encoding allows, with
 * `Vary: Accept-Encoding`; smaller bodies go out as they are. Static files are precompressed at build
 * time instead (routes/static.ts).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { compress, COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';

/** Bodies under this many bytes are sent as they are: compression would save less than it costs. */
export const COMPRESS_MIN_BYTES = 1024;

/**
 * hono/compress applies its size threshold only to responses that carry a Content-Length, which a body
 * built by `c.json` does not: give an in-memory compressible body one.
 */
async function measureBody(c: Context): Promise<void> {
  const type = c.res.headers.get('Content-Type');
  if (
    !c.res.body ||
    c.res.headers.has('Content-Length') ||
    !type ||
    !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)
  )
    return;
  const bytes = await c.res.arrayBuffer();
  c.res = new Response(bytes, c.res);
  c.res.headers.set('Content-Length', String(bytes.byteLength));
}

/**
 * The middleware for the API routes.
 *
 * @example app.use('/api/*', compressResponses())
 */
export function compressResponses(): MiddlewareHandler {
  const compressing = compress({ threshold: COMPRESS_MIN_BYTES });
  return (c, next) =>
    compressing(c, async () => {
      await next();
      await measureBody(c);
    });
}
