/**
 * Schedules (business hours). Rules refer to schedules by name (`during business_hours "EMEA support"`),
 * so names are unique, and a schedule a rule names can be neither renamed nor deleted.
 */
import type { Schedule, ScheduleCreate, SchedulePatch } from '@proactive/contract/admin';
import type { Repository } from '../storage/repository.ts';
import type { SetupServiceDeps } from './brands.ts';
import { stamp } from './clock.ts';
import { DomainError, inUse, notFound } from './errors.ts';
import { newId } from './ids.ts';

/** `the rules of messages "A", "B"`, or null when no message's rule names the schedule. */
async function rulesNaming(repository: Repository, scheduleName: string): Promise<string | null> {
  const messages = await repository.messages.referencing({ schedule: scheduleName });
  if (messages.length === 0) return null;
  return `the rules of messages ${messages.map((message) => `"${message.name}"`).join(', ')}`;
}

/**
 * The schedules service.
 *
 * @example const schedules = createScheduleService({ repository, changes })
 */
export function createScheduleService({ repository, changes, clock }: SetupServiceDeps) {
  async function get(id: string): Promise<Schedule> {
    const schedule = await repository.schedules.get(id);
    if (!schedule) throw notFound('schedule', id);
    return schedule;
  }

  return {
    list: () => repository.schedules.list(),
    get,
    async create(input: ScheduleCreate): Promise<Schedule> {
      if ((await repository.schedules.list({ name: input.name })).length > 0) {
        throw new DomainError(
          'duplicate_name',
          `A schedule named "${input.name}" already exists; rules refer to schedules by name.`,
        );
      }
      const now = stamp(clock);
      return repository.schedules.insert({ id: newId('sched'), ...input, created_at: now, updated_at: now });
    },
    async update(id: string, patch: SchedulePatch): Promise<Schedule> {
      if (patch.name !== undefined) {
        const clash = (await repository.schedules.list({ name: patch.name })).find(
          (other) => other.id !== id,
        );
        if (clash)
          throw new DomainError('duplicate_name', `A schedule named "${patch.name}" already exists.`);
      }
      const current = await get(id);
      if (patch.name !== undefined && patch.name !== current.name) {
        const naming = await rulesNaming(repository, current.name);
        if (naming) throw inUse('schedule name', naming);
      }
      const updated = await repository.schedules.update(id, { ...patch, updated_at: stamp(clock) });
      if (!updated) throw notFound('schedule', id);
      await changes.all();
      return updated;
    },
    async remove(id: string): Promise<void> {
      if ((await repository.channels.list({ schedule_id: id })).length > 0) {
        throw inUse('schedule', 'channels as their business hours');
      }
      const schedule = await get(id);
      const naming = await rulesNaming(repository, schedule.name);
      if (naming) throw inUse('schedule', naming);
      if (!(await repository.schedules.delete(id))) throw notFound('schedule', id);
      await changes.all();
    },
  };
}

export type ScheduleService = ReturnType<typeof createScheduleService>;
