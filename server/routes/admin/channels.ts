/** `/api/v1/channels`: web widgets. */
import { channel, channelCreate, channelPatch, channelsQuery } from '@proactive/contract/admin';
import type { ChannelService } from '../../domain/channels.ts';
import { openApiApp, resourceRoutes } from '../../http/openapi.ts';
import { pathId } from './ids.ts';

const routes = resourceRoutes(
  '/channels',
  'Channels',
  { item: channel, create: channelCreate, patch: channelPatch, query: channelsQuery },
  {
    list: 'List the channels; `?brand_id=` keeps those of one brand.',
    create: 'Create one; `id` may be given (the demo uses `demo`).',
    remove: 'Delete it (409 `in_use` while it has messages).',
  },
);

/**
 * The channels routes.
 *
 * @example admin.route('/', channelRoutes(channels))
 */
export function channelRoutes(channels: ChannelService) {
  return openApiApp()
    .openapi(routes.list, async (c) => c.json(await channels.list(c.req.valid('query')), 200))
    .openapi(routes.create, async (c) => c.json(await channels.create(c.req.valid('json')), 201))
    .openapi(routes.get, async (c) =>
      c.json(await channels.get(pathId(c.req.valid('param').id, 'channel')), 200),
    )
    .openapi(routes.update, async (c) =>
      c.json(await channels.update(pathId(c.req.valid('param').id, 'channel'), c.req.valid('json')), 200),
    )
    .openapi(routes.remove, async (c) => {
      await channels.remove(pathId(c.req.valid('param').id, 'channel'));
      return c.body(null, 204);
    });
}
