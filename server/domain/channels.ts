/**
 * Channels (web widgets): each belongs to a brand and may have a business-hours schedule. A channel with
 * messages cannot be deleted.
 */
import type { Channel, ChannelCreate, ChannelPatch } from '@proactive/contract/admin';
import type { Repository } from '../storage/repository.ts';
import type { SetupServiceDeps } from './brands.ts';
import { stamp } from './clock.ts';
import { DomainError, inUse, invalidReference, notFound } from './errors.ts';
import { newId } from './ids.ts';

async function checkSchedule(repository: Repository, scheduleId: string | null | undefined) {
  if (scheduleId && !(await repository.schedules.get(scheduleId))) {
    throw invalidReference('schedule_id', `No schedule with id "${scheduleId}".`);
  }
}

/**
 * The channels service.
 *
 * @example const channels = createChannelService({ repository, changes })
 */
export function createChannelService({ repository, changes, clock }: SetupServiceDeps) {
  async function get(id: string): Promise<Channel> {
    const channel = await repository.channels.get(id);
    if (!channel) throw notFound('channel', id);
    return channel;
  }

  return {
    list: (filter: { brand_id?: string } = {}) =>
      repository.channels.list(filter.brand_id ? { brand_id: filter.brand_id } : {}),
    get,
    async create(input: ChannelCreate): Promise<Channel> {
      if (!(await repository.brands.get(input.brand_id))) {
        throw invalidReference('brand_id', `No brand with id "${input.brand_id}".`);
      }
      await checkSchedule(repository, input.schedule_id);
      const id = input.id ?? newId('chan');
      if (await repository.channels.get(id)) {
        throw new DomainError('duplicate_id', `A channel with id "${id}" already exists.`);
      }
      const now = stamp(clock);
      const channel = await repository.channels.insert({
        id,
        brand_id: input.brand_id,
        name: input.name,
        schedule_id: input.schedule_id,
        created_at: now,
        updated_at: now,
      });
      await changes.channels([id]);
      return channel;
    },
    async update(id: string, patch: ChannelPatch): Promise<Channel> {
      await checkSchedule(repository, patch.schedule_id);
      const updated = await repository.channels.update(id, { ...patch, updated_at: stamp(clock) });
      if (!updated) throw notFound('channel', id);
      await changes.channels([id]);
      return updated;
    },
    async remove(id: string): Promise<void> {
      if ((await repository.messages.list({ channel_id: id })).length > 0) {
        throw inUse('channel', 'proactive messages');
      }
      if (!(await repository.channels.delete(id))) throw notFound('channel', id);
      await changes.channels([id]);
    },
  };
}

export type ChannelService = ReturnType<typeof createChannelService>;
