/**
 * The start banner's admin-token line: a generated token is printed (it is the only way to learn it); a
 * token from PROACTIVE_ADMIN_TOKEN never is, since logs outlive terminals.
 */

/**
 * The line for a server's token.
 *
 * @example tokenLine({ adminToken: 'abc', generatedToken: true }) // 'Admin token: abc   (generated; …)'
 */
export function tokenLine(server: { adminToken: string; generatedToken: boolean }): string {
  return server.generatedToken
    ? `Admin token: ${server.adminToken}   (generated; set PROACTIVE_ADMIN_TOKEN to keep one)`
    : 'Admin token: from PROACTIVE_ADMIN_TOKEN (not printed)';
}
