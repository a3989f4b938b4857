/**
 * Request parsing with zod: JSON bodies (also `text/plain`, which `navigator.sendBeacon` sends), query
 * strings and `If-Match`. Failures become 400 JSON naming each bad field.
 */
import type { Context } from 'hono';
import { z } from 'zod';
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
 * Reads and validates a JSON body. Accepts `application/json` and `text/plain` (beacons).
 *
 * @example const input = await readJson(c, createBrandSchema)
 */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const type = c.req.header('content-type') ?? '';
  if (type && !/^(application\/json|text\/plain)\b/i.test(type)) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `Send JSON (Content-Type: application/json), not ${type.split(';')[0]}.`,
    );
  }
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'malformed_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
  return check(schema, value, 'body');
}

/**
 * Validates a value with a schema, throwing a 400 `invalid_request` that lists every problem.
 *
 * @example check(z.string(), 42, 'query')
 */
export function check<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = issuesOf(result.error);
    const summary = issues
      .slice(0, 3)
      .map((issue) => `${issue.path}: ${issue.message}`)
      .join('; ');
    throw new HttpError(400, 'invalid_request', `Invalid ${where}: ${summary}`, { issues });
  }
  return result.data;
}

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
