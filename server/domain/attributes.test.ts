import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeStorage, type NodeStorage } from '../storage/node-storage.ts';
import { isUniqueViolation } from '../storage/unique-violation.ts';
import { createAttributeService } from './attributes.ts';
import { DomainError } from './errors.ts';
import { ruleOptionsFor } from './messages/rule-options.ts';

let storage: NodeStorage;
let directory: string;
const changes = { channels: async () => {}, all: async () => {}, message: async () => {} };

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'proactive-attributes-'));
  storage = await openNodeStorage(join(directory, 'test.db'));
  await storage.repository.brands.insert({ id: 'b1', name: 'Acme', created_at: 'x', updated_at: 'x' });
  await storage.repository.channels.insert({
    id: 'web',
    brand_id: 'b1',
    name: 'Web',
    schedule_id: null,
    created_at: 'x',
    updated_at: 'x',
  });
});
afterAll(async () => {
  await storage.repository.close();
  await rm(directory, { recursive: true, force: true });
});

describe('the attributes service', () => {
  it('lets one of two requests racing for a key win; the other is a duplicate_name, never a 500', async () => {
    const attributes = createAttributeService({ repository: storage.repository, changes });
    const results = await Promise.allSettled([
      attributes.create({ brand_id: 'b1', key: 'plan', type: 'text' }),
      attributes.create({ brand_id: 'b1', key: 'plan', type: 'number' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(DomainError);
    expect((refused?.reason as DomainError).kind).toBe('duplicate_name');
    expect((refused?.reason as DomainError).message).toContain('brand "Acme"');
  });

  it('turns a unique index refusal (a request that passed the check) into duplicate_name', async () => {
    const unique = Object.assign(new Error('UNIQUE constraint failed: attributes.brand_id, attributes.key'), {
      code: 'SQLITE_CONSTRAINT_UNIQUE',
    });
    const repository = {
      ...storage.repository,
      attributes: {
        ...storage.repository.attributes,
        list: async () => [],
        insert: async () => Promise.reject(unique),
      },
    };
    const attributes = createAttributeService({ repository, changes });
    await expect(attributes.create({ brand_id: 'b1', key: 'seats', type: 'number' })).rejects.toMatchObject({
      kind: 'duplicate_name',
    });
    const broken = {
      ...repository,
      attributes: { ...repository.attributes, insert: async () => Promise.reject(new Error('disk full')) },
    };
    await expect(
      createAttributeService({ repository: broken, changes }).create({
        brand_id: 'b1',
        key: 'x',
        type: 'text',
      }),
    ).rejects.toThrow('disk full');
  });

  it("gives a channel's rule checks its brand's declarations", async () => {
    const attributes = createAttributeService({ repository: storage.repository, changes });
    await attributes.create({ brand_id: 'b1', key: 'trial', type: 'boolean', label: 'On trial' });
    const options = await ruleOptionsFor(storage.repository, 'web');
    expect(options.attributes).toEqual(
      expect.arrayContaining([{ key: 'trial', type: 'boolean', label: 'On trial' }]),
    );
    expect((await ruleOptionsFor(storage.repository, 'missing')).attributes).toEqual([]);
  });
});

describe('isUniqueViolation', () => {
  it('knows SQLite, D1 and PostgreSQL unique violations, and nothing else', () => {
    expect(isUniqueViolation(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(true);
    expect(isUniqueViolation(new Error('D1_ERROR: UNIQUE constraint failed: attributes.key'))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error('x'), { code: '23503' }))).toBe(false);
    expect(isUniqueViolation('UNIQUE constraint failed')).toBe(false);
  });
});
