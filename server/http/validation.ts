/**
 * Request parsing around the routes' zod schemas: JSON bodies (also `text/plain`, which
 * `navigator.sendBeacon` sends), the validation hook that turns a failed schema into a 400 naming each bad
 * field, and `If-Match`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { HttpError } from './errors.ts';

/**
 * The issues of a zod error as `{path, message}` pairs for `details`.
 *
 * @example issuesOf(schema.safeParse(x).error)
 */
export function issuesOf(error: z.ZodError) {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

/**
 * The 400 `invalid_request` for a failed schema, listing every problem; `where` is `body`, `query`...
 *
 * @example throw invalidRequest(result.error, 'body')
 */
export function invalidRequest(error: z.ZodError, where: string): HttpError {
  const issues = issuesOf(error);
  const summary = issues
    .slice(0, 3)
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ');
  return new HttpError(400, 'invalid_request', `Invalid ${where}: ${summary}`, { issues });
}

/**
 * The routes' validation hook: a failed request schema is a 400 `invalid_request`.
 *
 * @example new OpenAPIHono({ defaultHook: validationHook })
 */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target: string },
): void {
  if (!result.success) throw invalidRequest(result.error, result.target === 'json' ? 'body' : result.target);
}

/**
 * Middleware in front of a route's JSON body schema: accepts `application/json`, `text/plain` (beacons)
 * and no Content-Type; answers 415 for anything else and 400 `malformed_json` for text that is not JSON.
 * The schema then sees the parsed body as JSON whatever the request said.
 *
 * @example createRoute({ ..., middleware: [jsonBody] })
 */
export const jsonBody: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (type && !/^(application\/json|text\/plain)\b/i.test(type)) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `Send JSON (Content-Type: application/json), not ${type.split(';')[0]}.`,
    );
  }
  const text = await c.req.text();
  try {
    JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'malformed_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
  if (type.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    // The body is cached as text above; the schema's validator reads it as JSON when the type says so.
    const headers = new Headers(c.req.raw.headers);
    headers.set('content-type', 'application/json');
    c.req.raw = new Request(c.req.url, { method: c.req.method, headers });
  }
  await next();
};

/**
 * The version in `If-Match` (`3`, `"3"` or `W/"3"`); 428 when missing, 400 when not a version.
 *
 * @example const version = requireIfMatch(c)
 */
export function requireIfMatch(c: Context): number {
  const header = c.req.header('if-match');
  if (header === undefined || header.trim() === '') {
    throw new HttpError(
      428,
      'precondition_required',
      'Send the version you edited as "If-Match: <version>" so concurrent edits are not lost.',
    );
  }
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match?.[1])
    throw new HttpError(
      400,
      'invalid_if_match',
      `If-Match must be the message version, e.g. "If-Match: 3"; got ${header}.`,
    );
  return Number(match[1]);
}
