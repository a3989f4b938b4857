/**
 * The limiter contract, written once and run on every backend (limiter.test.ts): memory, Redis,
 * PostgreSQL or PGlite. Time is a fake clock given to the backend, so windows pass without waiting.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Budget, LimiterBackend } from './limiter.ts';

/** A backend over the given clock; each call gets a fresh key space. */
export type BackendFactory = (now: () => number) => Promise<LimiterBackend>;

const minute = 60_000;

/**
 * Registers the contract for one backend; `label` names it in every test name.
 *
 * @example limiterContract('memory', async (now) => memoryBackend({ now }))
 */
export function limiterContract(label: string, create: BackendFactory) {
  describe(`limiter contract on ${label}`, () => {
    // Window starts aligned with whole minutes, so "0.5 into the window" is exact.
    let time = 1_000 * minute;
    const now = () => time;
    const backends: LimiterBackend[] = [];
    const backend = async () => {
      const made = await create(now);
      backends.push(made);
      return made;
    };
    const budget = (limit: number, name: Budget['name'] = 'events_per_visitor'): Budget => ({
      name,
      limit,
      windowMs: minute,
    });
    afterAll(async () => {
      for (const made of backends) await made.close();
    });

    it(`[${label}] allows up to the limit, then refuses with a Retry-After within two windows`, async () => {
      time = 1_000 * minute;
      const limiter = (await backend()).limiter(budget(3));
      const decisions = [];
      for (let index = 0; index < 5; index++) decisions.push(await limiter.take('visitor-a'));
      expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false, false]);
      expect(decisions[3]!.retryAfterMs).toBeGreaterThan(0);
      expect(decisions[3]!.retryAfterMs).toBeLessThanOrEqual(2 * minute);
    });

    it(`[${label}] keeps one budget per key: a noisy key does not lock out the others`, async () => {
      time = 2_000 * minute;
      const limiter = (await backend()).limiter(budget(2));
      for (let index = 0; index < 10; index++) await limiter.take('noisy');
      expect((await limiter.take('noisy')).allowed).toBe(false);
      expect((await limiter.take('quiet')).allowed).toBe(true);
      expect((await limiter.take('quiet')).allowed).toBe(true);
    });

    it(`[${label}] counts the units spent, and keeps budgets of the same key apart`, async () => {
      time = 3_000 * minute;
      const made = await backend();
      const events = made.limiter(budget(10));
      const conversations = made.limiter(budget(1, 'conversations_per_visitor'));
      expect((await events.take('v', 7)).allowed).toBe(true);
      expect((await events.take('v', 3)).allowed).toBe(true);
      expect((await events.take('v', 1)).allowed).toBe(false);
      expect((await conversations.take('v')).allowed).toBe(true);
      expect((await conversations.take('v')).allowed).toBe(false);
    });

    it(`[${label}] slides: the previous window still weighs, fading as the new one goes on`, async () => {
      time = 4_000 * minute + 0.9 * minute;
      const limiter = (await backend()).limiter(budget(10));
      for (let index = 0; index < 10; index++) expect((await limiter.take('k')).allowed).toBe(true);
      // 0.1 into the next window a fixed window would allow 10 at once; the slide allows 10 * 0.1 = 1.
      time = 4_001 * minute + 0.1 * minute;
      expect((await limiter.take('k')).allowed).toBe(true);
      const refused = await limiter.take('k');
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(minute);
      // Half-way, half of the previous window has faded: 10 * 0.5 + 2 spent leaves 3.
      time = 4_001 * minute + 0.5 * minute;
      const later = [];
      for (let index = 0; index < 4; index++) later.push((await limiter.take('k')).allowed);
      expect(later).toEqual([true, true, true, false]);
      // Two windows on, everything has faded.
      time = 4_003 * minute;
      expect((await limiter.take('k', 10)).allowed).toBe(true);
    });

    it(`[${label}] serves concurrent spends of one key without losing any`, async () => {
      time = 5_000 * minute;
      const limiter = (await backend()).limiter(budget(20));
      const decisions = await Promise.all(Array.from({ length: 30 }, () => limiter.take('burst')));
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(20);
    });
  });
}
