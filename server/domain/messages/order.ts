/**
 * A message's place among its channel's messages. Places are fractional ranks (fractional-indexing):
 * moving a message gives it a rank between its new neighbours' and writes that message only. The API's
 * integer `order` is an index: `order: 0` is first; the service maps it to a rank here.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import type { MessageRecord, Repository } from '../../storage/repository.ts';

/**
 * The rank for the end of a channel's list (a new or cloned message).
 *
 * @example const rank = await rankAtEnd(repository, 'demo')
 */
export async function rankAtEnd(repository: Repository, channelId: string): Promise<string> {
  return generateKeyBetween(await repository.messages.lastRank(channelId), null);
}

/**
 * The rank that puts `record` at index `order` among its channel's other messages (past the end: last).
 * Reads the two neighbours; writes nothing unless two neighbours share a rank (messages created at the
 * same instant on two servers), in which case the channel's ranks are spread out once (`respread`: other
 * messages' ranks changed too).
 *
 * @example const { rank } = await rankForOrder(repository, record, 0)
 */
export async function rankForOrder(
  repository: Repository,
  record: MessageRecord,
  order: number,
): Promise<{ rank: string; respread: boolean }> {
  let { before, after } = await repository.messages.ranksAround(record.channel_id, order, record.id);
  let respread = false;
  if (before !== null && after !== null && before >= after) {
    await spreadRanks(repository, record.channel_id);
    respread = true;
    ({ before, after } = await repository.messages.ranksAround(record.channel_id, order, record.id));
  }
  return { rank: generateKeyBetween(before, after), respread };
}

async function spreadRanks(repository: Repository, channelId: string): Promise<void> {
  const messages = await repository.messages.list({ channel_id: channelId });
  const ranks = generateNKeysBetween(null, null, messages.length);
  for (const [index, message] of messages.entries()) {
    await repository.messages.update(message.id, { rank: ranks[index]! });
  }
}
