/**
 * Shared plumbing of the admin routes: a path id that is checked before any query, and timestamps.
 */
import type { Context } from 'hono';
import { isPlausibleId } from '../../domain/ids.ts';
import { notFound } from '../../http/errors.ts';

/**
 * The `:param` of the path, rejected as 404 when it cannot be an id (no query is run for junk).
 *
 * @example const id = pathId(c, 'id', 'brand')
 */
export function pathId(c: Context, param: string, what: string): string {
  const value = c.req.param(param) ?? '';
  if (!isPlausibleId(value)) throw notFound(what, value.slice(0, 100));
  return value;
}

/**
 * An ISO timestamp for `created_at` / `updated_at`.
 *
 * @example stamp() // '2026-11-27T21:00:00.000Z'
 */
export function stamp(): string {
  return new Date().toISOString();
}
