/**
 * The proactive message bubble above the launcher: the greeting (text, emoji, safe links), an X that
 * dismisses it, and a click anywhere else that opens the conversation. The launcher button is the
 * keyboard path to the same action; Escape inside the bubble dismisses it.
 */
import { renderRichText } from './greeting.ts';

export interface BubbleHandlers {
  onOpen(): void;
  onDismiss(): void;
}

export interface Bubble {
  element: HTMLElement;
  remove(): void;
}

/**
 * Renders the bubble into `container`.
 *
 * @example showBubble(host.container, 'Hi! 👋 Questions about [plans](https://x.test/pricing)?', handlers)
 */
export function showBubble(container: HTMLElement, text: string, handlers: BubbleHandlers): Bubble {
  const bubble = document.createElement('div');
  bubble.className = 'pw-bubble';
  bubble.setAttribute('role', 'region');
  bubble.setAttribute('aria-label', 'Message');
  const paragraph = document.createElement('p');
  renderRichText(paragraph, text);
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'pw-close';
  close.setAttribute('aria-label', 'Dismiss message');
  close.textContent = '×';
  bubble.append(close, paragraph);

  close.addEventListener('click', (event) => {
    event.stopPropagation();
    handlers.onDismiss();
  });
  bubble.addEventListener('click', (event) => {
    if ((event.target as Element | null)?.closest?.('a')) return;
    handlers.onOpen();
  });
  bubble.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') handlers.onDismiss();
  });
  container.appendChild(bubble);
  return { element: bubble, remove: () => bubble.remove() };
}
