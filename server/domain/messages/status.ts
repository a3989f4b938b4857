/**
 * The message status machine as a table: which action takes a message from which status to which.
 *
 * `draft` (never published, or cloned), `live` (on the widget), `paused` (taken off by an admin),
 * `contains_errors` (the rule has errors; never on the widget). An edit that introduces errors to a live
 * message takes it off the widget (`contains_errors`) rather than serving a rule that is wrong.
 */
import type { MessageStatus } from '@proactive/contract/admin';
import { DomainError } from '../errors.ts';

export type MessageAction =
  /** Go live (the publish checks passed). */
  | 'publish'
  /** An admin takes a live message off the widget. */
  | 'pause'
  /** Back live after a pause. */
  | 'resume'
  /** An edit, or a publish attempt, found errors in the rule. */
  | 'found_errors'
  /** An edit left the rule without errors. */
  | 'edited_clean'
  /** A copy of the message was made. */
  | 'cloned';

const every = <T>(to: T): Record<MessageStatus, T> => ({
  draft: to,
  live: to,
  paused: to,
  contains_errors: to,
});

/** `transitions[action][from]` is the status after the action; a missing entry is not allowed. */
export const transitions: Record<MessageAction, Partial<Record<MessageStatus, MessageStatus>>> = {
  publish: every('live'),
  pause: { live: 'paused' },
  resume: { paused: 'live' },
  found_errors: every('contains_errors'),
  edited_clean: { draft: 'draft', live: 'live', paused: 'paused', contains_errors: 'draft' },
  cloned: { ...every('draft'), contains_errors: 'contains_errors' },
};

const refusals: Partial<Record<MessageAction, (from: MessageStatus) => string>> = {
  pause: (from) => `Only live messages can be paused; this one is ${from}.`,
  resume: (from) => `Only paused messages can be resumed; this one is ${from}.`,
};

/**
 * The status after `action`, or an `invalid_transition` error saying what is allowed.
 *
 * @example nextStatus('live', 'pause') // 'paused'
 */
export function nextStatus(from: MessageStatus, action: MessageAction): MessageStatus {
  const to = transitions[action][from];
  if (to) return to;
  const refusal = refusals[action]?.(from) ?? `A ${from} message cannot ${action}.`;
  throw new DomainError('invalid_transition', refusal, { status: from, action });
}
