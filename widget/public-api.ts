/**
 * `window.proactive`: the small JS API for the embedding site, callable as methods or as a function.
 *
 *   proactive.on('shown' | 'opened' | 'dismissed' | 'replied', (event) => …)  // returns an unsubscribe function
 *   proactive.identify({ name, email, attributes })  // or proactive('identify', {...})
 *   proactive.track('added_to_cart', { value: 42 })   // or proactive('track', 'added_to_cart', {...})
 *   proactive.open() / proactive.close()
 *
 * The API exists once the script has loaded; a `proactive:ready` event on `window` says so. Calls made
 * earlier are queued by the stub of docs/widget.md
 * (`window.proactive = window.proactive || function () { (proactive.q = proactive.q || []).push(arguments) }`)
 * or an array (`(window.proactive = window.proactive || []).push(['identify', {...}])`); they run, in
 * order, when the widget starts. A call the widget cannot use warns once on the console, saying what to fix.
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
  identify(details: { name?: string; email?: string; attributes?: Record<string, unknown> }): void;
  track(name: string, properties?: Record<string, unknown>): void;
  open(): void;
  close(): void;
}

export interface Emitter {
  emit(event: WidgetApiEvent): void;
  on(type: WidgetEventType, listener: Listener): () => void;
  off(type: WidgetEventType, listener: Listener): void;
}

const TYPES: readonly WidgetEventType[] = ['shown', 'opened', 'dismissed', 'replied'];

const warned = new Set<string>();

/**
 * Warns on the console, once per page for each text: how the site misuses the API and what to do.
 *
 * @example warnOnce("track(name): name must be a non-empty text such as 'added_to_cart'.")
 */
export function warnOnce(text: string): void {
  if (warned.has(text)) return;
  warned.add(text);
  console.warn(`[proactive] ${text}`);
}

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
        warnOnce(`on(type, listener): type must be one of ${TYPES.join(', ')} and listener a function.`);
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
 * Publishes the API on `window.proactive` (a function taking the method's name first, with the methods
 * on it), runs the calls queued before, and announces it with a `proactive:ready` event.
 *
 * @example installApi({ on, off, identify, track, open, close })
 */
export function installApi(api: ProactiveApi): void {
  const target = window as unknown as { proactive?: unknown };
  const stub = target.proactive as { q?: unknown } | unknown[] | undefined;
  const queued: unknown[] = Array.isArray(stub) ? stub : Array.isArray(stub?.q) ? stub.q : [];
  const call = (method: unknown, ...args: unknown[]): unknown => {
    const names = Object.keys(api);
    const run = names.includes(method as string) ? api[method as 'open'] : null;
    if (!run) {
      warnOnce(`proactive('${method as string}'): unknown method; use one of ${names.join(', ')}.`);
      return;
    }
    // Our own methods never throw on bad arguments.
    return (run as (...values: unknown[]) => unknown)(...args);
  };
  target.proactive = Object.freeze(Object.assign(call, api));
  // The function stub queues `arguments` objects; the array form queues arrays.
  for (const queuedCall of queued)
    if (queuedCall && typeof queuedCall === 'object') call(...(queuedCall as [unknown]));
  try {
    window.dispatchEvent(new CustomEvent('proactive:ready', { detail: target.proactive }));
  } catch {
    // Old browsers without CustomEvent: the API is still installed.
  }
}
