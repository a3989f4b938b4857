/**
 * Admin API authentication: `Authorization: Bearer <admin token>`, or, when a Zendesk app shared secret is
 * configured, a Zendesk app framework signed request (a JWT signed HS256 with that secret).
 */
import type { MiddlewareHandler } from 'hono';
import { verify } from 'hono/jwt';
import { HttpError } from './errors.ts';

export interface AuthOptions {
  adminToken: string;
  /** `PROACTIVE_ZAF_SECRET`: when set, Zendesk signed requests are accepted too. */
  zafSecret?: string;
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}

/**
 * Middleware that lets a request through only with valid admin credentials; 401 JSON otherwise.
 *
 * @example app.use('/api/v1/*', adminAuth({ adminToken: 'secret' }))
 */
export function adminAuth(options: AuthOptions): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const token = match?.[1];
    if (!token) {
      throw new HttpError(401, 'unauthorized', 'Send the admin token as "Authorization: Bearer <token>".');
    }
    if (constantTimeEqual(token, options.adminToken)) return next();
    if (options.zafSecret && token.split('.').length === 3) {
      try {
        await verify(token, options.zafSecret, 'HS256');
        return next();
      } catch {
        throw new HttpError(401, 'unauthorized', 'The Zendesk signed token is invalid or expired.');
      }
    }
    throw new HttpError(401, 'unauthorized', 'The admin token is not valid.');
  };
}
