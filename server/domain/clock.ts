/** The time services stamp records with; tests pass a fixed one. */
export type Clock = () => Date;

/**
 * An ISO timestamp for `created_at` / `updated_at`.
 *
 * @example stamp(() => new Date(0)) // '1970-01-01T00:00:00.000Z'
 */
export function stamp(clock: Clock = () => new Date()): string {
  return clock().toISOString();
}
