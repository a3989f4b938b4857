import { afterEach, describe, expect, it, vi } from 'vitest';
import { once, preloadMonaco } from './load.ts';

afterEach(() => vi.unstubAllGlobals());

describe('once', () => {
  it('imports once for every caller', async () => {
    const importer = vi.fn(() => Promise.resolve({ languageId: 'proactive' }));
    const load = once(importer);
    const [first, second] = await Promise.all([load(), load()]);
    expect(first).toBe(second);
    await load();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load', async () => {
    const importer = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('chunk failed to load'))
      .mockResolvedValue('loaded');
    const load = once(importer);
    await expect(load()).rejects.toThrow('chunk failed to load');
    await expect(load()).resolves.toBe('loaded');
    expect(importer).toHaveBeenCalledTimes(2);
  });
});

describe('preloadMonaco', () => {
  it('loads when the browser is idle, within the timeout', () => {
    const idle = vi.fn((callback: () => void, _options: { timeout: number }) => {
      callback();
      return 1;
    });
    vi.stubGlobal('requestIdleCallback', idle);
    const load = vi.fn(() => Promise.resolve());
    preloadMonaco(load, 500);
    expect(idle).toHaveBeenCalledWith(expect.any(Function), { timeout: 500 });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('falls back to a timer without requestIdleCallback, and ignores a failure', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const load = vi.fn(() => Promise.reject(new Error('offline')));
    preloadMonaco(load);
    expect(load).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
  });
});
