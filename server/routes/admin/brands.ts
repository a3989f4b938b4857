/** `/api/v1/brands`. */
import { brand, brandCreate, brandPatch } from '@proactive/contract/admin';
import type { BrandService } from '../../domain/brands.ts';
import { openApiApp, resourceRoutes } from '../../http/openapi.ts';
import { pathId } from './ids.ts';

const routes = resourceRoutes('/brands', 'Brands', { item: brand, create: brandCreate, patch: brandPatch });

/**
 * The brands routes.
 *
 * @example admin.route('/', brandRoutes(brands))
 */
export function brandRoutes(brands: BrandService) {
  return openApiApp()
    .openapi(routes.list, async (c) => c.json(await brands.list(), 200))
    .openapi(routes.create, async (c) => c.json(await brands.create(c.req.valid('json')), 201))
    .openapi(routes.get, async (c) => c.json(await brands.get(pathId(c.req.valid('param').id, 'brand')), 200))
    .openapi(routes.update, async (c) =>
      c.json(await brands.update(pathId(c.req.valid('param').id, 'brand'), c.req.valid('json')), 200),
    )
    .openapi(routes.remove, async (c) => {
      await brands.remove(pathId(c.req.valid('param').id, 'brand'));
      return c.body(null, 204);
    });
}
