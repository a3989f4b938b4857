/**
 * The visitor's active conversation on a channel. While one is active, no proactive message is shown.
 * It ends when the visitor ends it, or after a day without news.
 */
import { readJson, removeItem, writeJson } from './storage.ts';

/** A conversation without activity for this long is no longer active. */
export const CONVERSATION_TTL_MS = 24 * 60 * 60 * 1000;

export interface ActiveConversation {
  id: string;
  message_id: string;
  /** Epoch ms of the last activity in either direction. */
  updated_at: number;
}

const keyOf = (channelId: string) => `proactive:conversation:${channelId}`;

/**
 * The active conversation on the channel, if any.
 *
 * @example activeConversation('demo', Date.now())?.id
 */
export function activeConversation(channelId: string, now: number): ActiveConversation | null {
  const stored = readJson<ActiveConversation>('local', keyOf(channelId));
  if (!stored || typeof stored.id !== 'string' || typeof stored.updated_at !== 'number') return null;
  if (now - stored.updated_at > CONVERSATION_TTL_MS) {
    removeItem('local', keyOf(channelId));
    return null;
  }
  return stored;
}

/**
 * Stores (or refreshes) the active conversation.
 *
 * @example saveConversation('demo', { id: 'c1', message_id: 'm1', updated_at: Date.now() })
 */
export function saveConversation(channelId: string, conversation: ActiveConversation): void {
  writeJson('local', keyOf(channelId), conversation);
}

/**
 * Ends the active conversation: proactive messages may show again.
 *
 * @example endConversation('demo')
 */
export function endConversation(channelId: string): void {
  removeItem('local', keyOf(channelId));
}
