/** `GET /health`: liveness, plus a database round trip at `/health/ready`. */
import { Hono } from 'hono';
import type { Repository } from '../storage/repository.ts';
import { HttpError } from '../http/errors.ts';

/**
 * The health routes.
 *
 * @example app.route('/health', healthRoutes(repository))
 */
export function healthRoutes(repository: Repository) {
  return new Hono()
    .get('/', (c) => c.json({ status: 'ok' }))
    .get('/ready', async (c) => {
      try {
        await repository.ping();
      } catch {
        throw new HttpError(
          503,
          'database_unavailable',
          'The database cannot be reached right now; retry shortly.',
        );
      }
      return c.json({ status: 'ok', database: repository.kind });
    });
}
