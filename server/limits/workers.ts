/**
 * Workers: Cloudflare's rate-limit bindings, one per budget (configured in wrangler.toml, counted by the
 * platform across isolates and locations). A budget whose binding is absent is counted in the isolate's
 * memory instead, so a deployment without bindings still has limits.
 */
import type { Budget, BudgetName, Decision, Limiter, LimiterBackend } from './limiter.ts';
import { memoryBackend } from './memory.ts';

/** A Workers rate-limit binding (`[[ratelimits]]` in wrangler.toml). */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** The binding name of each budget. */
export const bindingNames: Record<BudgetName, string> = {
  events_per_visitor: 'RATE_LIMIT_EVENTS_PER_VISITOR',
  events_per_address: 'RATE_LIMIT_EVENTS_PER_ADDRESS',
  conversations_per_visitor: 'RATE_LIMIT_CONVERSATIONS_PER_VISITOR',
  conversations_per_address: 'RATE_LIMIT_CONVERSATIONS_PER_ADDRESS',
};

function isBinding(value: unknown): value is RateLimitBinding {
  return typeof (value as RateLimitBinding | undefined)?.limit === 'function';
}

/**
 * The Workers backend over the bindings found in `env`. A binding counts requests: a spend of several
 * units (a batch of events) is one call. Its limit and period are the binding's own (wrangler.toml); the
 * budget's window is only the `Retry-After` hint.
 *
 * @example const backend = workersBackend(env)
 */
export function workersBackend(env: Record<string, unknown>): LimiterBackend {
  const fallback = memoryBackend();
  const bound = Object.values(bindingNames).filter((name) => isBinding(env[name]));
  return {
    kind: bound.length === 0 ? 'memory (no rate-limit bindings)' : `workers (${bound.join(', ')})`,
    limiter(budget: Budget): Limiter {
      const binding = env[bindingNames[budget.name]];
      if (!isBinding(binding)) return fallback.limiter(budget);
      return {
        budget,
        async take(key): Promise<Decision> {
          const { success } = await binding.limit({ key });
          return success
            ? { allowed: true, retryAfterMs: 0 }
            : { allowed: false, retryAfterMs: budget.windowMs };
        },
      };
    },
    close: () => fallback.close(),
  };
}
