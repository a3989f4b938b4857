/**
 * A message's place among its channel's messages: "order" is an index in the list, not a raw number
 * that can tie.
 */
import type { MessageRecord, Repository } from '../../storage/repository.ts';

/**
 * Moves a message to index `order` among its channel's messages (0 = first) and renumbers the others.
 * Returns the message's new position and whether a live message moved (the widget payload changed).
 *
 * @example const { position } = await makeRoomAt(repository, record, 0)
 */
export async function makeRoomAt(
  repository: Repository,
  record: MessageRecord,
  order: number,
): Promise<{ position: number; movedLive: boolean }> {
  const others = (await repository.messages.list({ channel_id: record.channel_id }))
    .filter((message) => message.id !== record.id)
    .sort((a, b) => a.position - b.position || a.created_at.localeCompare(b.created_at));
  const position = Math.min(order, others.length);
  let movedLive = false;
  for (const [at, message] of others.entries()) {
    const wanted = at < position ? at : at + 1;
    if (message.position !== wanted) {
      await repository.messages.update(message.id, { position: wanted });
      movedLive ||= message.status === 'live';
    }
  }
  return { position, movedLive };
}
