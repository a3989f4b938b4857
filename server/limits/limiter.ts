/**
 * Rate limits for the public widget routes: named budgets ("600 events per visitor per minute"), each
 * enforced as a sliding window over counters kept by a backend (memory, Redis, PostgreSQL, or the Workers
 * rate-limit binding). The counters come from rate-limiter-flexible; this file adds the sliding window
 * and the one contract every backend implements (`limiter.contract.ts` tests them all).
 *
 * Sliding window: a request at time t is allowed when `previous * (1 - f) + current <= limit`, where
 * `current` counts the fixed window t falls in (including this request), `previous` the window before,
 * and `f` how far into the current window t is. Each key starts fresh on its own; nothing is cleared for
 * everyone at once.
 */

/** The budgets the widget routes spend. */
export type BudgetName =
  'events_per_visitor' | 'events_per_address' | 'conversations_per_visitor' | 'conversations_per_address';

export interface Budget {
  name: BudgetName;
  /** Units allowed per window (events or requests, see docs/server.md). */
  limit: number;
  windowMs: number;
}

export interface Decision {
  allowed: boolean;
  /** How long to wait before this key can spend again (0 when allowed). */
  retryAfterMs: number;
}

/** One budget over one backend. */
export interface Limiter {
  readonly budget: Budget;
  /** Spends `cost` units (default 1) of `key`'s budget and says whether that was within it. */
  take(key: string, cost?: number): Promise<Decision>;
}

/** Where the counters live. */
export interface LimiterBackend {
  /** `memory`, `redis`, `postgres`, `pglite`, `workers`: for logs and test names. */
  readonly kind: string;
  limiter(budget: Budget): Limiter;
  close(): Promise<void>;
}

/**
 * The part of a rate-limiter-flexible limiter the sliding window uses (counters that expire after the
 * limiter's `duration`). Its `points` are set so high that it never refuses: the window decides.
 */
export interface CounterStore {
  consume(key: string, points: number): Promise<{ consumedPoints: number }>;
  get(key: string): Promise<{ consumedPoints: number } | null>;
}

/** What a backend is given to make the counter store of one budget. */
export interface CounterStoreOptions {
  keyPrefix: string;
  /** Never reached; rate-limiter-flexible needs a number. */
  points: number;
  /** Seconds a window's counter is kept: two windows, so the next one can read it. */
  duration: number;
}

export const unlimitedPoints = 2_000_000_000;

/**
 * The sliding-window limiter of one budget over a counter store.
 *
 * @example const limiter = slidingWindow(store, { name: 'events_per_visitor', limit: 600, windowMs: 60_000 })
 */
export function slidingWindow(store: CounterStore, budget: Budget, now: () => number = Date.now): Limiter {
  const { limit, windowMs } = budget;
  return {
    budget,
    async take(key, cost = 1) {
      const at = now();
      const window = Math.floor(at / windowMs);
      const elapsed = (at - window * windowMs) / windowMs;
      const [current, previous] = await Promise.all([
        store.consume(`${key}:${window}`, cost),
        store.get(`${key}:${window - 1}`),
      ]);
      const spentNow = current.consumedPoints;
      const spentBefore = previous?.consumedPoints ?? 0;
      const estimate = spentBefore * (1 - elapsed) + spentNow;
      if (estimate <= limit) return { allowed: true, retryAfterMs: 0 };
      return { allowed: false, retryAfterMs: retryAfter(spentBefore, spentNow, elapsed, budget) };
    },
  };
}

/** When the estimate falls back to the limit, assuming no more requests. */
function retryAfter(before: number, current: number, elapsed: number, budget: Budget): number {
  const { limit, windowMs } = budget;
  const untilWindowEnds = (1 - elapsed) * windowMs;
  if (current > limit) {
    // Next window: the current count becomes "previous" and has to fade to the limit.
    return Math.ceil(untilWindowEnds + windowMs * (1 - limit / current));
  }
  // This window: the previous count fades as time passes.
  const needed = 1 - (limit - current) / before;
  return Math.max(1, Math.ceil((needed - elapsed) * windowMs));
}

/**
 * A backend over rate-limiter-flexible limiters, one per budget.
 *
 * @example flexibleBackend('memory', (options) => new RateLimiterMemory(options))
 */
export function flexibleBackend(
  kind: string,
  counters: (options: CounterStoreOptions) => CounterStore,
  close: () => Promise<void> = async () => undefined,
  now?: () => number,
  keyPrefix = 'proactive',
): LimiterBackend {
  return {
    kind,
    limiter(budget) {
      const store = counters({
        keyPrefix: `${keyPrefix}:${budget.name}`,
        points: unlimitedPoints,
        duration: Math.max(1, Math.ceil((2 * budget.windowMs) / 1000)),
      });
      return slidingWindow(store, budget, now);
    },
    close,
  };
}

/**
 * The default budgets: a visitor may send 600 events and 30 conversation messages (starts and writes) a
 * minute; an address, which may hide many visitors behind NAT, 6,000 event requests and 300 conversation
 * requests.
 */
export const defaultBudgets: Record<BudgetName, Omit<Budget, 'name'>> = {
  events_per_visitor: { limit: 600, windowMs: 60_000 },
  events_per_address: { limit: 6_000, windowMs: 60_000 },
  conversations_per_visitor: { limit: 30, windowMs: 60_000 },
  conversations_per_address: { limit: 300, windowMs: 60_000 },
};

/** One limiter per budget. */
export type Limits = Record<BudgetName, Limiter>;

/**
 * The limiters of all budgets over one backend, with overrides.
 *
 * @example const limits = budgetLimiters(memoryBackend(), { conversations_per_visitor: { limit: 5 } })
 */
export function budgetLimiters(
  backend: LimiterBackend,
  overrides: Partial<Record<BudgetName, Partial<Omit<Budget, 'name'>>>> = {},
): Limits {
  const names = Object.keys(defaultBudgets) as BudgetName[];
  return Object.fromEntries(
    names.map((name) => [name, backend.limiter({ name, ...defaultBudgets[name], ...overrides[name] })]),
  ) as Limits;
}
