/**
 * Path ids are checked before any query: what cannot be an id is a 404 at once.
 */
import { notFound } from '../../domain/errors.ts';
import { isPlausibleId } from '../../domain/ids.ts';

/**
 * The id itself, or a 404 for `what` when it cannot be an id (no query is run for junk).
 *
 * @example const id = pathId(c.req.valid('param').id, 'brand')
 */
export function pathId(value: string, what: string): string {
  if (!isPlausibleId(value)) throw notFound(what, value.slice(0, 100));
  return value;
}
