/**
 * Caps on open SSE streams, per conversation and per client address, counted in this process. Past a cap
 * the stream is refused with 429 `too_many_streams`, naming which cap and its size.
 */
import { HttpError } from '../http/errors.ts';

export interface StreamLimits {
  /** Open streams on one conversation (a visitor's tabs). */
  perConversation: number;
  /** Open streams from one client address (every visitor behind it). */
  perAddress: number;
}

export const defaultStreamLimits: StreamLimits = { perConversation: 5, perAddress: 50 };

/**
 * The stream counters of one widget router.
 *
 * @example const slot = streamSlots(defaultStreamLimits).open(conversationId, address); slot.release()
 */
export function streamSlots(limits: StreamLimits) {
  const byConversation = new Map<string, number>();
  const byAddress = new Map<string, number>();
  const change = (counts: Map<string, number>, key: string, by: number) => {
    const next = (counts.get(key) ?? 0) + by;
    if (next <= 0) counts.delete(key);
    else counts.set(key, next);
  };
  return {
    /** Takes a slot or throws 429; `release()` (idempotent) gives it back when the stream ends. */
    open(conversationId: string, address: string) {
      const refuse = (scope: 'conversation' | 'address', limit: number) =>
        new HttpError(
          429,
          'too_many_streams',
          `Too many open streams for this ${scope} (at most ${limit}); close another tab's chat, or poll GET /widget/v1/conversations/{id}/messages instead.`,
          { scope, limit },
        );
      if ((byConversation.get(conversationId) ?? 0) >= limits.perConversation)
        throw refuse('conversation', limits.perConversation);
      if ((byAddress.get(address) ?? 0) >= limits.perAddress) throw refuse('address', limits.perAddress);
      change(byConversation, conversationId, 1);
      change(byAddress, address, 1);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          change(byConversation, conversationId, -1);
          change(byAddress, address, -1);
        },
      };
    },
  };
}
