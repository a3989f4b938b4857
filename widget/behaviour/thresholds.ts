/**
 * Thresholds reached once per page: a detector measures something that grows (seconds on the site,
 * scroll depth, idle seconds) and each rule's threshold fires the first time it is reached.
 */

export interface Thresholds {
  /** Fires every threshold up to `value` not fired yet (in increasing order) and returns the next one. */
  reach(value: number): number | undefined;
  /** Every threshold may fire again. */
  reset(): void;
}

/**
 * Thresholds that call `fire` with each threshold reached.
 *
 * @example const depth = thresholds([25, 50], (percent) => check({ type: 'scroll', percent })); depth.reach(30);
 */
export function thresholds(values: readonly number[], fire: (threshold: number) => void): Thresholds {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  let next = 0;
  return {
    reach(value) {
      while (next < sorted.length && (sorted[next] as number) <= value) fire(sorted[next++] as number);
      return sorted[next];
    },
    reset: () => void (next = 0),
  };
}
