// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { once, preloadMonaco, warmUp, type MonacoModule } from './load.ts';

afterEach(() => vi.unstubAllGlobals());

/** A stand-in for the Monaco module: records the editors created and disposed. */
function fakeMonaco() {
  const events: string[] = [];
  const editor = {
    create(host: HTMLElement, options: { language: string; fontSize: number; editContext?: boolean }) {
      events.push(
        `create ${options.language} ${options.fontSize} editContext ${options.editContext} in body: ${document.body.contains(host)}`,
      );
      return {
        getModel: () => ({ dispose: () => events.push('model disposed') }),
        dispose: () => events.push('editor disposed'),
      };
    },
  };
  const module = {
    languageId: 'proactive',
    languageEditorOptions: { editContext: false },
    setupProactiveLanguage: () => {
      events.push('language set up');
      return { editor };
    },
  } as unknown as MonacoModule;
  return { module, events };
}

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

describe('warmUp', () => {
  it('sets up the language and creates then disposes an editor off screen', () => {
    const { module, events } = fakeMonaco();
    warmUp(module);
    expect(events).toEqual([
      'language set up',
      'create proactive 14 editContext false in body: true',
      'editor disposed',
      'model disposed',
    ]);
    expect(document.body.children).toHaveLength(0);
  });
});

describe('preloadMonaco', () => {
  it('loads at once, then warms up when the browser is idle', async () => {
    const idleCallbacks: Array<() => void> = [];
    const idle = vi.fn((callback: () => void, _options: { timeout: number }) => {
      idleCallbacks.push(callback);
      return 1;
    });
    vi.stubGlobal('requestIdleCallback', idle);
    const { module } = fakeMonaco();
    const load = vi.fn(() => Promise.resolve(module));
    const warm = vi.fn();
    preloadMonaco(load, 500, warm);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(idle).toHaveBeenCalledWith(expect.any(Function), { timeout: 500 }));
    expect(warm).not.toHaveBeenCalled();
    idleCallbacks.forEach((callback) => callback());
    expect(warm).toHaveBeenCalledWith(module);
  });

  it('falls back to a timer without requestIdleCallback, and ignores failures', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const failing = vi.fn(() => Promise.reject(new Error('offline')));
    expect(() => preloadMonaco(failing)).not.toThrow();
    expect(failing).toHaveBeenCalledTimes(1);
    const { module } = fakeMonaco();
    const warm = vi.fn(() => {
      throw new Error('no canvas');
    });
    preloadMonaco(() => Promise.resolve(module), 1000, warm);
    await vi.waitFor(() => expect(warm).toHaveBeenCalledTimes(1));
  });
});
