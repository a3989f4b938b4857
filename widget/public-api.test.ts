// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createEmitter, installApi, type ProactiveApi, type WidgetApiEvent } from './public-api.ts';

const event = { type: 'shown' as const, messageId: 'm1', messageName: 'Hello' };

describe('emitter', () => {
  it('calls listeners by type; unsubscribe and off stop them; a throwing listener does not stop others', () => {
    const emitter = createEmitter();
    const seen: string[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    emitter.on('shown', () => {
      throw new Error('site bug');
    });
    const stop = emitter.on('shown', (received) => void seen.push(`a:${received.messageId}`));
    const other = (received: WidgetApiEvent) => void seen.push(`b:${received.type}`);
    emitter.on('shown', other);
    emitter.on('opened', () => seen.push('opened'));
    emitter.emit(event);
    stop();
    emitter.off('shown', other);
    emitter.emit(event);
    expect(seen).toEqual(['a:m1', 'b:shown']);
    expect(errors).toHaveBeenCalledTimes(2);
    errors.mockRestore();
  });

  it('ignores unknown types', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(createEmitter().on('nope' as 'shown', () => undefined)).toBeTypeOf('function');
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('installApi', () => {
  it('publishes window.proactive, replays queued calls and fires proactive:ready', () => {
    const calls: unknown[] = [];
    const api: ProactiveApi = {
      on: () => () => undefined,
      off: () => undefined,
      identify: (details) => calls.push(details),
      track: (name, properties) => calls.push([name, properties]),
      open: () => calls.push('open'),
      close: () => undefined,
    };
    const target = window as unknown as { proactive?: unknown };
    target.proactive = [['identify', { name: 'Ada' }], ['open'], ['unknown'], 'garbage'];
    const ready = vi.fn();
    window.addEventListener('proactive:ready', ready);
    installApi(api);
    expect(calls).toEqual([{ name: 'Ada' }, 'open']);
    expect(ready).toHaveBeenCalledOnce();
    expect(Object.keys(target.proactive as object).sort()).toEqual([
      'close',
      'identify',
      'off',
      'on',
      'open',
      'track',
    ]);
  });
});

describe('window.proactive as a function', () => {
  const api = (calls: unknown[]): ProactiveApi => ({
    on: () => () => undefined,
    off: () => undefined,
    identify: (details) => calls.push(['identify', details]),
    track: (name, properties) => calls.push(['track', name, properties]),
    open: () => calls.push(['open']),
    close: () => undefined,
  });

  it('replays the calls the function stub queued, then takes calls by method name', () => {
    const calls: unknown[] = [];
    const target = window as unknown as { proactive?: unknown };
    // The docs' stub: queues `arguments` objects on proactive.q.
    const stub = function (...args: unknown[]) {
      (stub.q = stub.q ?? []).push(args);
    } as ((...args: unknown[]) => void) & { q?: unknown[] };
    target.proactive = stub;
    (target.proactive as typeof stub)('identify', { attributes: { plan: 'pro' } });
    (target.proactive as typeof stub)('track', 'added_to_cart', { value: 42 });
    installApi(api(calls));
    const proactive = target.proactive as ((...args: unknown[]) => void) & ProactiveApi;
    proactive('open');
    proactive.track('checkout');
    expect(calls).toEqual([
      ['identify', { attributes: { plan: 'pro' } }],
      ['track', 'added_to_cart', { value: 42 }],
      ['open'],
      ['track', 'checkout', undefined],
    ]);
  });

  it('warns once about an unknown method, naming the methods there are', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    installApi(api([]));
    const proactive = (window as unknown as { proactive: (...args: unknown[]) => void }).proactive;
    proactive('identfy', {});
    proactive('identfy', {});
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toBe(
      "[proactive] proactive('identfy'): unknown method; use one of on, off, identify, track, open, close.",
    );
    warn.mockRestore();
  });
});
