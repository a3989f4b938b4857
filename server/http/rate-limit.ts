/**
 * A fixed-window rate limit per client for the public POST routes. In memory, per server: enough to stop
 * one page (or bot) flooding a server; a CDN/WAF does the rest in production.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { HttpError } from './errors.ts';

export interface RateLimitOptions {
  /** Requests allowed per window per client. */
  limit: number;
  windowMs: number;
  /** Who the client is; defaults to the forwarded-for / Cloudflare address headers. */
  key?: (c: Context) => string;
}

/**
 * The client address as the edge reports it, or `unknown`.
 *
 * @example clientAddress(c) // '203.0.113.7'
 */
export function clientAddress(c: Context): string {
  return (
    c.req.header('cf-connecting-ip') ??
    c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ??
    c.req.header('x-real-ip') ??
    'unknown'
  );
}

/**
 * Middleware answering 429 JSON with `Retry-After` once a client exceeds `limit` in a window.
 *
 * @example app.post('/widget/v1/events', rateLimit({ limit: 600, windowMs: 60_000 }), handler)
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const counts = new Map<string, number>();
  let windowStart = Date.now();
  const key = options.key ?? clientAddress;
  return async (c, next) => {
    const now = Date.now();
    if (now - windowStart >= options.windowMs) {
      counts.clear();
      windowStart = now;
    }
    const client = key(c);
    const count = (counts.get(client) ?? 0) + 1;
    counts.set(client, count);
    if (count > options.limit) {
      const retryAfter = Math.max(1, Math.ceil((windowStart + options.windowMs - now) / 1000));
      c.header('Retry-After', String(retryAfter));
      throw new HttpError(429, 'rate_limited', `Too many requests; retry in ${retryAfter} s.`, {
        retry_after: retryAfter,
      });
    }
    return next();
  };
}
