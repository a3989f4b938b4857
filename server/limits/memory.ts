/**
 * Counters in this process's memory (rate-limiter-flexible's RateLimiterMemory): right for one server,
 * and the fallback where nothing shared is configured. Imported by file so that bundling it for Workers
 * does not pull in the library's Node-only backends.
 */
import RateLimiterMemory from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
import { flexibleBackend, type LimiterBackend } from './limiter.ts';

/**
 * The in-memory backend.
 *
 * @example const backend = memoryBackend(); backend.limiter({ name: 'events_per_visitor', limit: 600, windowMs: 60_000 })
 */
export function memoryBackend(options: { now?: () => number } = {}): LimiterBackend {
  return flexibleBackend('memory', (counter) => new RateLimiterMemory(counter), undefined, options.now);
}
