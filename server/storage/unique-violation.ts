/**
 * Recognising a unique index refusing a row, the same way on every backend, so that two requests racing
 * to take one name end in a clear 409 rather than a 500.
 */

/**
 * Whether an error is a unique constraint violation: SQLite and D1 (`UNIQUE constraint failed`),
 * PostgreSQL and PGlite (SQLSTATE 23505).
 *
 * @example isUniqueViolation(Object.assign(new Error('duplicate key'), { code: '23505' })) // true
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
  return /UNIQUE constraint failed|duplicate key value violates unique constraint/i.test(error.message);
}
