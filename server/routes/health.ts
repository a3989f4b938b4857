/** `GET /health`: liveness, plus a database round trip at `/health/ready`. */
import { z } from 'zod';
import type { Repository } from '../storage/repository.ts';
import { HttpError } from '../http/errors.ts';
import { errors, json, openApiApp, route } from '../http/openapi.ts';

const tags = ['Health'];
const routes = {
  live: route({
    method: 'get',
    path: '/health',
    tags,
    security: [],
    summary: 'Liveness: {"status": "ok"}.',
    responses: { 200: json(z.object({ status: z.literal('ok') }), 'The process answers.') },
  }),
  ready: route({
    method: 'get',
    path: '/health/ready',
    tags,
    security: [],
    summary: 'Readiness: the database answers too.',
    responses: {
      200: json(z.object({ status: z.literal('ok'), database: z.string() }), 'Ready, with the storage kind.'),
      ...errors(503),
    },
  }),
};

/**
 * The health routes.
 *
 * @example app.route('/', healthRoutes(repository))
 */
export function healthRoutes(repository: Repository) {
  return openApiApp()
    .openapi(routes.live, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(routes.ready, async (c) => {
      try {
        await repository.ping();
      } catch {
        throw new HttpError(
          503,
          'database_unavailable',
          'The database cannot be reached right now; retry shortly.',
        );
      }
      return c.json({ status: 'ok' as const, database: repository.kind }, 200);
    });
}
