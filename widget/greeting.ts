/**
 * Greeting text to DOM, safely: the text is never parsed as HTML. `[label](https://…)` and bare
 * http(s) URLs become links, line breaks are kept, and `{{first_name}}` is filled with the visitor's
 * first name — or dropped, together with the space before it, when the name is not known.
 */

const PLACEHOLDER = /\s*\{\{\s*first_name\s*\}\}/g;
const LINK = /\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)|(https?:\/\/[^\s<>"')\]]+[^\s<>"')\].,;:!?])/g;

/**
 * Fills `{{first_name}}` with the first word of `name`, or drops it.
 *
 * @example fillFirstName('Hi {{first_name}}! Need help?', 'Ada Lovelace') // 'Hi Ada! Need help?'
 * @example fillFirstName('Hi {{first_name}}! Need help?', undefined) // 'Hi! Need help?'
 */
export function fillFirstName(text: string, name: string | undefined): string {
  const first = name?.trim().split(/\s+/)[0];
  return text.replace(PLACEHOLDER, (match) =>
    first ? match.replace(/\{\{\s*first_name\s*\}\}/, first) : '',
  );
}

/**
 * The URL if it is safe to link to (http, https or mailto), else null.
 *
 * @example safeHref('javascript:alert(1)') // null
 */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw, location.href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function appendText(parent: Node, text: string): void {
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (index > 0) parent.appendChild(document.createElement('br'));
    if (line) parent.appendChild(document.createTextNode(line));
  });
}

/**
 * Renders greeting text into `parent` as text nodes and safe links.
 *
 * @example renderRichText(paragraph, 'See [pricing](https://example.com/pricing) 👋')
 */
export function renderRichText(parent: Node, text: string): void {
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const index = match.index ?? 0;
    const label = match[1] ?? match[3] ?? '';
    const href = safeHref(match[2] ?? match[3] ?? '');
    appendText(parent, text.slice(last, index));
    if (href) {
      const link = document.createElement('a');
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = label;
      parent.appendChild(link);
    } else {
      appendText(parent, match[1] ?? match[0]);
    }
    last = index + match[0].length;
  }
  appendText(parent, text.slice(last));
}
