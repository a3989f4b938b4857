/**
 * The Content-Security-Policy the admin app is built for, shared by the server (the `/admin/` header) and
 * the app's build (a meta tag in iframe.html, for when Zendesk hosts the files): scripts only from the
 * app's own files (no inline script, no eval), styles from its files plus the inline styles that
 * styled-components and Garden write, calls to its own origin only (inside Zendesk every API call goes
 * through the SDK's postMessage), and no workers (the Text view's Monaco runs without one).
 * `frame-ancestors` cannot be set in a meta tag: the server adds it.
 */
export const adminPolicyDirectives: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/**
 * The policy as one header or meta value, with `extra` directives appended.
 *
 * @example adminPolicy(["frame-ancestors 'self'"]) // "default-src 'self'; ...; frame-ancestors 'self'"
 */
export function adminPolicy(extra: readonly string[] = []): string {
  return [...adminPolicyDirectives, ...extra].join('; ');
}
