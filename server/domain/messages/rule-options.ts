/**
 * What a channel's rules are validated against: the schedule names that exist, whether the channel has
 * business hours, and the visitor attributes its brand declares.
 */
import type { Repository } from '../../storage/repository.ts';
import type { RuleOptions } from '../rules.ts';

/**
 * The rule options of a channel.
 *
 * @example check(text, await ruleOptionsFor(repository, 'demo'))
 */
export async function ruleOptionsFor(repository: Repository, channelId: string): Promise<RuleOptions> {
  const [channel, schedules] = await Promise.all([
    repository.channels.get(channelId),
    repository.schedules.list(),
  ]);
  const attributes = channel ? await repository.attributes.list({ brand_id: channel.brand_id }) : [];
  return {
    schedules: schedules.map((schedule) => schedule.name),
    hasBusinessHours: Boolean(channel?.schedule_id),
    attributes: attributes.map(({ key, type, label }) => ({ key, type, label })),
  };
}
