/**
 * The admin API (`/api/v1`, admin credentials required) as one router, and its type: the admin app's
 * typed client is `hc<AdminApi>(...)` (see app/api/client.ts).
 */
import type { MiddlewareHandler } from 'hono';
import type { Services } from '../../domain/services.ts';
import { openApiApp } from '../../http/openapi.ts';
import type { Repository } from '../../storage/repository.ts';
import { dslRoutes } from '../dsl.ts';
import { attributeRoutes } from './attributes.ts';
import { botRoutes } from './bots.ts';
import { brandRoutes } from './brands.ts';
import { channelRoutes } from './channels.ts';
import { conversationRoutes } from './conversations.ts';
import { messageRoutes } from './messages.ts';
import { scheduleRoutes } from './schedules.ts';

/**
 * The admin router, to mount at `/api/v1`.
 *
 * @example app.route('/api/v1', adminApi(services, repository, adminAuth({ adminToken })))
 */
export function adminApi(services: Services, repository: Repository, auth: MiddlewareHandler) {
  const api = openApiApp();
  api.use('*', auth);
  return api
    .route('/', brandRoutes(services.brands))
    .route('/', scheduleRoutes(services.schedules))
    .route('/', channelRoutes(services.channels))
    .route('/', botRoutes(services.bots))
    .route('/', attributeRoutes(services.attributes))
    .route('/', messageRoutes(services.messages))
    .route('/', conversationRoutes(services.conversations))
    .route('/', dslRoutes(repository));
}

/** The admin API's routes with their request and response types, for `hc<AdminApi>`. */
export type AdminApi = ReturnType<typeof adminApi>;
