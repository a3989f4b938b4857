/**
 * Brands: the top of the account. A brand with channels cannot be deleted (one without takes its attribute
 * declarations with it); renaming one changes every widget payload of its channels.
 */
import type { Brand, BrandCreate, BrandPatch } from '@proactive/contract/admin';
import type { Repository } from '../storage/repository.ts';
import type { Changes } from './changes.ts';
import { stamp, type Clock } from './clock.ts';
import { inUse, notFound } from './errors.ts';
import { newId } from './ids.ts';

export interface SetupServiceDeps {
  repository: Repository;
  changes: Changes;
  clock?: Clock;
}

/**
 * The brands service.
 *
 * @example const brands = createBrandService({ repository, changes }); await brands.create({ name: 'Acme' })
 */
export function createBrandService({ repository, changes, clock }: SetupServiceDeps) {
  async function get(id: string): Promise<Brand> {
    const brand = await repository.brands.get(id);
    if (!brand) throw notFound('brand', id);
    return brand;
  }

  return {
    list: () => repository.brands.list(),
    get,
    async create(input: BrandCreate): Promise<Brand> {
      const now = stamp(clock);
      return repository.brands.insert({
        id: newId('brand'),
        name: input.name,
        created_at: now,
        updated_at: now,
      });
    },
    async update(id: string, patch: BrandPatch): Promise<Brand> {
      const updated = await repository.brands.update(id, { ...patch, updated_at: stamp(clock) });
      if (!updated) throw notFound('brand', id);
      await changes.all();
      return updated;
    },
    async remove(id: string): Promise<void> {
      if ((await repository.channels.list({ brand_id: id })).length > 0) throw inUse('brand', 'channels');
      if (!(await repository.brands.delete(id))) throw notFound('brand', id);
      // Its attribute declarations go with it (nothing else refers to them).
      for (const attribute of await repository.attributes.list({ brand_id: id }))
        await repository.attributes.delete(attribute.id);
    },
  };
}

export type BrandService = ReturnType<typeof createBrandService>;
