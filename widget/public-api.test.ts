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
    ]);
  });
});
