/**
 * HTTP errors: every error response is JSON `{"error": {"code", "message", "details"?}}` with a stable
 * code. Throw {@link HttpError} anywhere in a handler; the app's error handler renders it.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

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

/**
 * A 404 for a missing resource, worded the same everywhere.
 *
 * @example throw notFound('message', 'msg_1')
 */
export function notFound(what: string, id: string): HttpError {
  return new HttpError(404, 'not_found', `No ${what} with id "${id}".`, { resource: what, id });
}

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
