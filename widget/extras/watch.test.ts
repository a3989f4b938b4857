import { describe, expect, it, vi } from 'vitest';
import type { Behaviour, StartBehaviour } from '../behaviour/contract.ts';
import { needsBehaviour, watchBehaviour } from './watch.ts';

describe('the behaviour chunk', () => {
  it('only time on site, exit intent, scroll and idle need the behaviour chunk', () => {
    expect(
      needsBehaviour([{ type: 'page_load' }, { type: 'on_page', seconds: 5 }, { type: 'custom', name: 'x' }]),
    ).toBe(false);
    expect(needsBehaviour([{ type: 'page_load' }, { type: 'idle', seconds: 5 }])).toBe(true);
    expect(needsBehaviour([{ type: 'exit_intent' }])).toBe(true);
  });

  it('is loaded and started only for those events; stop before it arrives keeps it from starting', async () => {
    const running: Behaviour = { reset: vi.fn(), stop: vi.fn() };
    const start = vi.fn<StartBehaviour>(() => running);
    let loads = 0;
    const load = async <T>(): Promise<T | null> => (loads++, start as unknown as T);
    expect(watchBehaviour([{ type: 'page_load' }], () => undefined, load)).toBeUndefined();
    expect(loads).toBe(0);
    const events = [{ type: 'scroll' as const, percent: 50 }];
    const behaviour = watchBehaviour(events, () => undefined, load)!;
    behaviour.reset(); // before the chunk arrives: nothing to reset
    await vi.waitFor(() => expect(start).toHaveBeenCalledOnce());
    expect(start.mock.calls[0]?.[0]).toBe(events);
    behaviour.reset();
    behaviour.stop();
    expect(running.reset).toHaveBeenCalledOnce();
    expect(running.stop).toHaveBeenCalledOnce();
    watchBehaviour(events, () => undefined, load)!.stop();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(start).toHaveBeenCalledOnce();
  });
});
