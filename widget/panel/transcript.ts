/**
 * The conversation transcript: a `role="log"` region (screen readers announce new entries politely)
 * holding an ordered list of messages (the list keeps its list semantics: a role on the `<ol>` itself
 * would take them away).
 */
import { renderRichText } from '../greeting.ts';

export type Author = 'business' | 'bot' | 'agent' | 'visitor' | 'system';

export interface Transcript {
  element: HTMLDivElement;
  add(author: Author, text: string, options?: { who?: string; title?: string }): HTMLLIElement;
}

/**
 * Creates an empty transcript.
 *
 * @example createTranscript().add('agent', 'Hello!', { who: 'Support' })
 */
export function createTranscript(): Transcript {
  const log = document.createElement('div');
  log.className = 'pw-log';
  log.setAttribute('role', 'log');
  log.setAttribute('aria-live', 'polite');
  log.setAttribute('aria-label', 'Conversation');
  const list = document.createElement('ol');
  list.className = 'pw-list';
  log.appendChild(list);
  return {
    element: log,
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
      log.scrollTop = log.scrollHeight;
      return item;
    },
  };
}
