/**
 * HTTP errors: every error response is JSON `{"error": {"code", "message", "details"?}}` with a stable
 * code. Handlers throw an {@link HttpError} for what only HTTP knows (auth, headers, rate limits); the
 * domain throws DomainErrors, which {@link errorResponse} maps to their status and code. The app's error
 * handler calls it: the one place errors become responses.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type DomainErrorKind } from '../domain/errors.ts';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * The JSON body of an error response.
 *
 * @example errorBody('not_found', 'No message with id msg_1.') // { error: { code: 'not_found', message: ... } }
 */
export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Each domain refusal's status and the API's code for it. */
export const domainErrorHttp: Record<DomainErrorKind, { status: ContentfulStatusCode; code: string }> = {
  invalid_input: { status: 400, code: 'invalid_request' },
  not_found: { status: 404, code: 'not_found' },
  forbidden: { status: 403, code: 'forbidden' },
  in_use: { status: 409, code: 'in_use' },
  duplicate_name: { status: 409, code: 'duplicate_name' },
  duplicate_id: { status: 409, code: 'duplicate_id' },
  invalid_transition: { status: 409, code: 'invalid_status' },
  rule_not_editable: { status: 409, code: 'rule_not_editable' },
  version_conflict: { status: 412, code: 'version_mismatch' },
  invalid_reference: { status: 422, code: 'invalid_reference' },
  channel_not_in_brand: { status: 422, code: 'channel_not_in_brand' },
  cannot_publish: { status: 422, code: 'cannot_publish' },
};

/**
 * Whether an error means the database cannot be reached right now (restart, network, closed), as opposed
 * to a bug: those become 503 so clients retry.
 *
 * @example isStorageUnavailable(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })) // true
 */
export function isStorageUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (
      /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|SQLITE_BUSY|SQLITE_LOCKED)$/.test(code)
    ) {
      return true;
    }
    // PostgreSQL classes 08 (connection), 53 (resources), 57P (operator intervention: shutdown, restart).
    if (/^(08|53|57P)/.test(code)) return true;
  }
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|PGlite is closed|closed|not open|the database system is (starting up|shutting down)|terminating connection|D1_ERROR.*(unavailable|reset)/i.test(
    error.message,
  );
}

/**
 * The response for anything a handler threw: HttpErrors and DomainErrors as themselves, an unreachable
 * database as 503, anything else as a logged 500.
 *
 * @example app.onError(errorResponse)
 */
export function errorResponse(error: Error, c: Context): Response {
  if (error instanceof HttpError) {
    return c.json(errorBody(error.code, error.message, error.details), error.status);
  }
  if (error instanceof DomainError) {
    const { status, code } = domainErrorHttp[error.kind];
    return c.json(errorBody(code, error.message, error.details), status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return c.json(errorBody(`http_${error.status}`, error.message), error.status as ContentfulStatusCode);
  }
  if (isStorageUnavailable(error)) {
    c.header('Retry-After', '2');
    return c.json(
      errorBody('database_unavailable', 'The database cannot be reached right now; retry in a few seconds.'),
      503,
    );
  }
  console.error(`${c.req.method} ${c.req.path} failed:`, error);
  return c.json(errorBody('internal_error', 'Something went wrong on the server; it has been logged.'), 500);
}
