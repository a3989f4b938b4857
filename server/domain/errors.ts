/**
 * What the domain refuses, and why, with no word of HTTP: services throw a {@link DomainError} of a kind,
 * and the HTTP layer (http/errors.ts) maps each kind to a status and the API's stable error code.
 */

export type DomainErrorKind =
  /** The request is well-formed but asks for something that cannot be (a reversed date range...). */
  | 'invalid_input'
  /** No such resource. */
  | 'not_found'
  /** Still used by something else (channels of a brand, messages naming a schedule...). */
  | 'in_use'
  /** A name that must be unique is taken (schedules: rules refer to them by name). */
  | 'duplicate_name'
  /** An id given by the client is taken. */
  | 'duplicate_id'
  /** The body names something that does not exist (or not where it must be). */
  | 'invalid_reference'
  /** The message's channel belongs to another brand. */
  | 'channel_not_in_brand'
  /** The message's status does not allow the action (pause a draft...). */
  | 'invalid_transition'
  /** The message changed since the version the client edited. */
  | 'version_conflict'
  /** The message is not complete enough to go live. */
  | 'cannot_publish'
  /** A view of the rule was edited while there is no rule to edit. */
  | 'rule_not_editable'
  /** The resource belongs to someone else (another visitor's conversation). */
  | 'forbidden';

/**
 * A refusal of the domain. `details` is JSON for clients (e.g. `{ field: 'brand_id' }`).
 *
 * @example throw new DomainError('in_use', 'This brand is still used by channels.')
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * A missing resource, worded the same everywhere.
 *
 * @example throw notFound('message', 'msg_1')
 */
export function notFound(what: string, id: string): DomainError {
  return new DomainError('not_found', `No ${what} with id "${id}".`, { resource: what, id });
}

/**
 * Something still in use, with what uses it.
 *
 * @example throw inUse('brand', 'channels')
 */
export function inUse(what: string, by: string): DomainError {
  return new DomainError('in_use', `This ${what} is still used by ${by}; change or delete those first.`);
}

/**
 * A body field naming something that does not exist.
 *
 * @example throw invalidReference('brand_id', `No brand with id "x".`)
 */
export function invalidReference(field: string, message: string): DomainError {
  return new DomainError('invalid_reference', message, { field });
}
