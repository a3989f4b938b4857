/**
 * `window.proactive`: the small JS API for the embedding site.
 *
 *   proactive.on('shown' | 'opened' | 'dismissed' | 'replied', (event) => …)  // returns an unsubscribe function
 *   proactive.identify({ name, email })  // fills {{first_name}} and the details form
 *   proactive.open() / proactive.close()
 *
 * The API exists once the script has loaded; a `proactive:ready` event on `window` says so. Calls made
 * earlier can be queued: `(window.proactive = window.proactive || []).push(['identify', { name: 'Ada' }])`;
 * they run, in order, when the widget starts.
 */
import type { WidgetEventType } from '@proactive/contract/widget';

export interface WidgetApiEvent {
  type: WidgetEventType;
  messageId: string;
  messageName: string;
}

export type Listener = (event: WidgetApiEvent) => void;

export interface ProactiveApi {
  on(type: WidgetEventType, listener: Listener): () => void;
  off(type: WidgetEventType, listener: Listener): void;
  identify(details: { name?: string; email?: string }): void;
  open(): void;
  close(): void;
}

export interface Emitter {
  emit(event: WidgetApiEvent): void;
  on(type: WidgetEventType, listener: Listener): () => void;
  off(type: WidgetEventType, listener: Listener): void;
}

const TYPES: readonly WidgetEventType[] = ['shown', 'opened', 'dismissed', 'replied'];

/**
 * A small event emitter; a throwing listener is reported on the console and does not stop the others.
 *
 * @example const emitter = createEmitter(); emitter.on('shown', (event) => console.log(event.messageId));
 */
export function createEmitter(): Emitter {
  const listeners = new Map<WidgetEventType, Set<Listener>>();
  const off = (type: WidgetEventType, listener: Listener) => listeners.get(type)?.delete(listener);
  return {
    emit(event) {
      for (const listener of [...(listeners.get(event.type) ?? [])]) {
        try {
          listener(event);
        } catch (error) {
          console.error('[proactive] an event listener threw:', error);
        }
      }
    },
    on(type, listener) {
      if (!TYPES.includes(type) || typeof listener !== 'function') {
        console.warn(
          `[proactive] on(type, listener): type must be one of ${TYPES.join(', ')} and listener a function.`,
        );
        return () => undefined;
      }
      let set = listeners.get(type);
      if (!set) listeners.set(type, (set = new Set()));
      set.add(listener);
      return () => off(type, listener);
    },
    off,
  };
}

/**
 * Publishes the API on `window.proactive` and announces it with a `proactive:ready` event.
 *
 * @example installApi({ on, off, identify, open, close })
 */
export function installApi(api: ProactiveApi): void {
  const target = window as unknown as { proactive?: ProactiveApi | unknown[] };
  const queued = Array.isArray(target.proactive) ? target.proactive : [];
  target.proactive = Object.freeze({ ...api });
  for (const call of queued) {
    const [method, ...args] = Array.isArray(call) ? call : [];
    const run = (api as unknown as Record<string, unknown>)[method as string];
    // Our own methods never throw on bad arguments.
    if (typeof run === 'function') (run as (...values: unknown[]) => void)(...args);
  }
  try {
    window.dispatchEvent(new CustomEvent('proactive:ready', { detail: target.proactive }));
  } catch {
    // Old browsers without CustomEvent: the API is still installed.
  }
}
