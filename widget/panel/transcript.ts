/**
 * The conversation transcript: a `role="log"` list (screen readers announce new entries politely).
 */
import { renderRichText } from '../greeting.ts';

export type Author = 'business' | 'bot' | 'agent' | 'visitor' | 'system';

export interface Transcript {
  element: HTMLOListElement;
  add(author: Author, text: string, options?: { who?: string; title?: string }): HTMLLIElement;
}

/**
 * Creates an empty transcript.
 *
 * @example createTranscript().add('agent', 'Hello!', { who: 'Support' })
 */
export function createTranscript(): Transcript {
  const list = document.createElement('ol');
  list.className = 'pw-log';
  list.setAttribute('role', 'log');
  list.setAttribute('aria-live', 'polite');
  list.setAttribute('aria-label', 'Conversation');
  return {
    element: list,
    add(author, text, options = {}) {
      const item = document.createElement('li');
      item.className = 'pw-msg';
      item.dataset.author = author;
      if (options.who) {
        const who = document.createElement('span');
        who.className = 'pw-who';
        who.textContent = options.who;
        item.appendChild(who);
      }
      if (options.title) {
        const title = document.createElement('strong');
        title.textContent = options.title;
        item.appendChild(title);
      }
      const body = document.createElement('span');
      renderRichText(body, text);
      item.appendChild(body);
      list.appendChild(item);
      list.scrollTop = list.scrollHeight;
      return item;
    },
  };
}
