/**
 * Turns API failures into sentences for the admin.
 */
import { ApiError } from '../api/client.ts';
import type { Diagnostic } from '@proactive/dsl';
import { t } from '../i18n.ts';

/**
 * The diagnostics an API error carries in `details` (publish 422), if any.
 *
 * @example errorDiagnostics(new ApiError(422, 'invalid_rule', 'x', { diagnostics: [...] }))
 */
export function errorDiagnostics(error: unknown): Diagnostic[] {
  if (!(error instanceof ApiError) || !error.details || typeof error.details !== 'object') return [];
  const details = error.details as { diagnostics?: unknown };
  if (Array.isArray(details.diagnostics)) return details.diagnostics as Diagnostic[];
  if (Array.isArray(error.details)) return error.details as Diagnostic[];
  return [];
}

/**
 * A readable sentence for a failed action on a message.
 *
 * @example describeError(new ApiError(0, 'network', 'Failed to fetch'), 'Pricing')
 */
export function describeError(error: unknown, name: string): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network');
    const diagnostics = errorDiagnostics(error);
    if (diagnostics.length > 0)
      return t('errors.withDiagnostics', {
        name,
        message: error.message,
        diagnostics: diagnostics.map((diagnostic) => diagnostic.message).join('; '),
      });
    return t('errors.api', { name, message: error.message, code: error.code });
  }
  return error instanceof Error ? error.message : String(error);
}
