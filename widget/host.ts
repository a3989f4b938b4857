/**
 * The widget's host element: a zero-size, fixed-position element at the end of the body, so nothing the
 * widget shows can move the host page's layout, with an open shadow root that isolates the styles.
 */
import { adoptStyles, baseStyles } from './styles.ts';

export interface WidgetHost {
  element: HTMLElement;
  root: ShadowRoot;
  /** The container every widget part lives in (carries the `.pw` base class). */
  container: HTMLElement;
  /** A polite live region: text put here is announced by screen readers. */
  announce(text: string): void;
}

/** The id of the host element (one per page). */
export const HOST_ID = 'proactive-widget';

/**
 * Creates the host element and its shadow root.
 *
 * @example const host = createHost(); host.container.append(button);
 */
export function createHost(): WidgetHost {
  const element = document.createElement('div');
  element.id = HOST_ID;
  const root = element.attachShadow({ mode: 'open' });
  adoptStyles(root, baseStyles);
  const container = document.createElement('div');
  container.className = 'pw';
  const live = document.createElement('div');
  live.className = 'pw-sr';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  container.appendChild(live);
  root.appendChild(container);
  (document.body ?? document.documentElement).appendChild(element);
  return {
    element,
    root,
    container,
    announce(text) {
      live.textContent = '';
      // A separate task so screen readers notice the change even when the text repeats.
      setTimeout(() => {
        live.textContent = text;
      }, 50);
    },
  };
}
