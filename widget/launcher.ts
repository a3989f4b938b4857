/**
 * The launcher button (bottom right): opens and closes the conversation panel and shows unread replies.
 */

export interface Launcher {
  element: HTMLButtonElement;
  setExpanded(expanded: boolean): void;
  setUnread(count: number): void;
  setVisible(visible: boolean): void;
  /** The accessible name, e.g. "Open chat: reply to Hi! Need help?". */
  setLabel(label: string): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function chatIcon(): SVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute(
    'd',
    'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z',
  );
  svg.appendChild(path);
  return svg;
}

/**
 * Creates the (initially hidden) launcher.
 *
 * @example const launcher = createLauncher(host.container, () => toggle());
 */
export function createLauncher(container: HTMLElement, onClick: () => void): Launcher {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'pw-launcher';
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-label', 'Open chat');
  button.hidden = true;
  button.appendChild(chatIcon());
  const badge = document.createElement('span');
  badge.className = 'pw-badge';
  badge.hidden = true;
  button.appendChild(badge);
  button.addEventListener('click', onClick);
  container.appendChild(button);
  return {
    element: button,
    setExpanded(expanded) {
      button.setAttribute('aria-expanded', String(expanded));
    },
    setUnread(count) {
      badge.hidden = count <= 0;
      badge.textContent = count > 0 ? String(count) : '';
    },
    setVisible(visible) {
      button.hidden = !visible;
    },
    setLabel(label) {
      button.setAttribute('aria-label', label);
    },
  };
}
