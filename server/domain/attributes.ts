/**
 * Visitor attribute declarations: per brand, the keys of `visitor.attributes["key"]` the site sends, with
 * their type and label. Rules of the brand's messages are checked against them (see
 * messages/rule-options.ts): an undeclared key is a warning, a value of another type an error. Changing
 * them changes no compiled rule (a comparison compiles by the value written), so widgets are not told.
 */
import type { Attribute, AttributeCreate, AttributePatch } from '@proactive/contract/admin';
import { isUniqueViolation } from '../storage/unique-violation.ts';
import type { Repository } from '../storage/repository.ts';
import type { SetupServiceDeps } from './brands.ts';
import { stamp } from './clock.ts';
import { DomainError, invalidReference, notFound } from './errors.ts';
import { newId } from './ids.ts';

const duplicateKey = (key: string, brand: string) =>
  new DomainError(
    'duplicate_name',
    `The attribute "${key}" is already declared for brand "${brand}"; edit that declaration instead.`,
    { field: 'key' },
  );

async function brandNamed(repository: Repository, brandId: string): Promise<string> {
  return (await repository.brands.get(brandId))?.name ?? brandId;
}

/**
 * The attribute declarations service.
 *
 * @example const attributes = createAttributeService({ repository, changes }); await attributes.create({ brand_id: 'b1', key: 'plan', type: 'text' })
 */
export function createAttributeService({ repository, clock }: SetupServiceDeps) {
  async function get(id: string): Promise<Attribute> {
    const attribute = await repository.attributes.get(id);
    if (!attribute) throw notFound('attribute', id);
    return attribute;
  }

  async function checkFree(brandId: string, key: string, id?: string): Promise<void> {
    const clash = (await repository.attributes.list({ brand_id: brandId, key })).find(
      (other) => other.id !== id,
    );
    if (clash) throw duplicateKey(key, await brandNamed(repository, brandId));
  }

  /** Runs a write that a racing request may beat to the key: the unique index then answers 409. */
  async function guarded<T>(brandId: string, key: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateKey(key, await brandNamed(repository, brandId));
      throw error;
    }
  }

  return {
    /** The declarations, in creation order; `brand_id` keeps one brand's. */
    list: (filter: { brand_id?: string } = {}) =>
      repository.attributes.list(filter.brand_id ? { brand_id: filter.brand_id } : {}),
    get,
    async create(input: AttributeCreate): Promise<Attribute> {
      if (!(await repository.brands.get(input.brand_id))) {
        throw invalidReference(
          'brand_id',
          `No brand with id "${input.brand_id}"; declare attributes of an existing brand.`,
        );
      }
      await checkFree(input.brand_id, input.key);
      const now = stamp(clock);
      const record: Attribute = {
        id: newId('attr'),
        brand_id: input.brand_id,
        key: input.key,
        type: input.type,
        label: input.label ?? input.key,
        created_at: now,
        updated_at: now,
      };
      return guarded(input.brand_id, input.key, () => repository.attributes.insert(record));
    },
    async update(id: string, patch: AttributePatch): Promise<Attribute> {
      const current = await get(id);
      if (patch.key !== undefined) await checkFree(current.brand_id, patch.key, id);
      const updated = await guarded(current.brand_id, patch.key ?? current.key, () =>
        repository.attributes.update(id, { ...patch, updated_at: stamp(clock) }),
      );
      if (!updated) throw notFound('attribute', id);
      return updated;
    },
    async remove(id: string): Promise<void> {
      if (!(await repository.attributes.delete(id))) throw notFound('attribute', id);
    },
  };
}

export type AttributeService = ReturnType<typeof createAttributeService>;
