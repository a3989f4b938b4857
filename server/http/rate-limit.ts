/**
 * Spending a rate-limit budget from a route: a refusal is a 429 JSON error with `Retry-After`, naming the
 * budget. The budgets and their backends are in ../limits/.
 */
import type { Context } from 'hono';
import type { Limiter } from '../limits/limiter.ts';
import { HttpError } from './errors.ts';

const whose: Record<string, string> = {
  events_per_visitor: 'events from this visitor',
  events_per_address: 'event requests from this address',
  conversations_per_visitor: 'conversation messages from this visitor',
  conversations_per_address: 'conversation requests from this address',
};

/**
 * Spends `cost` of `key`'s budget, or throws 429 `rate_limited` with `Retry-After` (seconds).
 *
 * @example await spend(c, limits.events_per_visitor, event.visitor_id, 3)
 */
export async function spend(c: Context, limiter: Limiter, key: string, cost = 1): Promise<void> {
  const decision = await limiter.take(key, cost);
  if (decision.allowed) return;
  const retryAfter = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  c.header('Retry-After', String(retryAfter));
  const { name, limit, windowMs } = limiter.budget;
  throw new HttpError(
    429,
    'rate_limited',
    `Too many ${whose[name] ?? 'requests'} (at most ${limit} per ${windowMs / 1000} s); retry in ${retryAfter} s.`,
    { retry_after: retryAfter, budget: name, limit, window_seconds: windowMs / 1000 },
  );
}
