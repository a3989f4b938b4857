/** `/api/v1/attributes`: the visitor attribute keys each brand declares for its rules. */
import { attribute, attributeCreate, attributePatch, attributesQuery } from '@proactive/contract/admin';
import type { AttributeService } from '../../domain/attributes.ts';
import { openApiApp, resourceRoutes } from '../../http/openapi.ts';
import { pathId } from './ids.ts';

const routes = resourceRoutes(
  '/attributes',
  'Attributes',
  { item: attribute, create: attributeCreate, patch: attributePatch, query: attributesQuery },
  {
    list: 'List the declared visitor attributes; `?brand_id=` keeps those of one brand.',
    create:
      'Declare one (key, type, label); a key is unique per brand (409 `duplicate_name`), the brand must exist (422 `invalid_reference`).',
    remove: 'Delete it; rules using the key then get a warning (undeclared), not an error.',
  },
);

/**
 * The attributes routes.
 *
 * @example admin.route('/', attributeRoutes(attributes))
 */
export function attributeRoutes(attributes: AttributeService) {
  return openApiApp()
    .openapi(routes.list, async (c) => c.json(await attributes.list(c.req.valid('query')), 200))
    .openapi(routes.create, async (c) => c.json(await attributes.create(c.req.valid('json')), 201))
    .openapi(routes.get, async (c) =>
      c.json(await attributes.get(pathId(c.req.valid('param').id, 'attribute')), 200),
    )
    .openapi(routes.update, async (c) =>
      c.json(await attributes.update(pathId(c.req.valid('param').id, 'attribute'), c.req.valid('json')), 200),
    )
    .openapi(routes.remove, async (c) => {
      await attributes.remove(pathId(c.req.valid('param').id, 'attribute'));
      return c.body(null, 204);
    });
}
