/** `/api/v1/schedules`: business hours, validated by the rule language's own schedule schema. */
import { schedule, scheduleCreate, schedulePatch } from '@proactive/contract/admin';
import type { ScheduleService } from '../../domain/schedules.ts';
import { openApiApp, resourceRoutes } from '../../http/openapi.ts';
import { pathId } from './ids.ts';

const routes = resourceRoutes(
  '/schedules',
  'Schedules',
  { item: schedule, create: scheduleCreate, patch: schedulePatch },
  {
    create: 'Create one; names are unique (409 `duplicate_name`) because rules refer to schedules by name.',
    remove: 'Delete it (409 `in_use` while a channel has it as business hours or a rule names it).',
  },
);

/**
 * The schedules routes.
 *
 * @example admin.route('/', scheduleRoutes(schedules))
 */
export function scheduleRoutes(schedules: ScheduleService) {
  return openApiApp()
    .openapi(routes.list, async (c) => c.json(await schedules.list(), 200))
    .openapi(routes.create, async (c) => c.json(await schedules.create(c.req.valid('json')), 201))
    .openapi(routes.get, async (c) =>
      c.json(await schedules.get(pathId(c.req.valid('param').id, 'schedule')), 200),
    )
    .openapi(routes.update, async (c) =>
      c.json(await schedules.update(pathId(c.req.valid('param').id, 'schedule'), c.req.valid('json')), 200),
    )
    .openapi(routes.remove, async (c) => {
      await schedules.remove(pathId(c.req.valid('param').id, 'schedule'));
      return c.body(null, 204);
    });
}
