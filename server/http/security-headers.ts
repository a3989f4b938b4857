/**
 * The security headers every response gets: the options of hono/secure-headers for the middleware, and
 * the same headers as a plain record for responses prepared ahead of time (the widget rules), which
 * skip the middleware. security-headers.test.ts checks that both agree.
 */
import type { secureHeaders } from 'hono/secure-headers';

/** The options the app's `secureHeaders` middleware runs with. */
export const secureHeaderOptions: NonNullable<Parameters<typeof secureHeaders>[0]> = {
  crossOriginResourcePolicy: false,
  crossOriginEmbedderPolicy: false,
  crossOriginOpenerPolicy: false,
  xFrameOptions: false,
  referrerPolicy: 'strict-origin-when-cross-origin',
};

/**
 * What that middleware adds to a response, header by header.
 *
 * @example new Response(body, { headers: { ...securityHeaders, 'Content-Type': 'application/json' } })
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
};
