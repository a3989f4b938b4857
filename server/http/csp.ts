/**
 * The admin app's Content-Security-Policy header: the app's own policy (see @proactive/contract/admin-csp)
 * plus `frame-ancestors`: framed only by this origin and the configured Zendesk origins.
 */
import { adminPolicy } from '@proactive/contract/admin-csp';

/**
 * The header value for `/admin/`.
 *
 * @example adminContentSecurityPolicy(['https://acme.zendesk.com'])
 * // "default-src 'self'; ...; frame-ancestors 'self' https://acme.zendesk.com"
 */
export function adminContentSecurityPolicy(frameOrigins: readonly string[] = []): string {
  return adminPolicy([["frame-ancestors 'self'", ...frameOrigins].join(' ')]);
}
