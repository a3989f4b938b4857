/**
 * The Markdown the Text view's hovers and completion details show, rendered into DOM nodes: paragraphs,
 * headings, lists, fenced code, `code`, **strong**, *emphasis*, [links](...) and backslash escapes.
 * It stands in for Monaco's renderer (marked, then DOMPurify over the HTML it made; app/monaco/slim.ts),
 * which the rule language's docs do not need: every piece of text here becomes a text node, so no markup
 * in a doc, an attribute label or a marker message can reach the page as HTML and nothing needs sanitising.
 */

/** What Monaco hands to its Markdown renderer (`IMarkdownString`). */
export interface MarkdownLike {
  value: string;
  isTrusted?: unknown;
  supportThemeIcons?: boolean;
}

/** The options of Monaco's renderer this one honours; the others (HTML, code colouring...) have no use here. */
export interface RenderOptions {
  /** Called when a link is clicked or activated with Enter or Space. */
  actionHandler?: (link: string, markdown: MarkdownLike) => void;
}

/** A rendered piece of Markdown, as Monaco's renderer returns it. */
export interface RenderedMarkdown {
  element: HTMLElement;
  dispose(): void;
}

type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

type Block =
  | { type: 'paragraph'; lines: Inline[][] }
  | { type: 'heading'; level: number; content: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'code'; text: string };

const fence = /^ {0,3}(`{3,}|~{3,})/;
const heading = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const bullet = /^ {0,3}[-*+]\s+(.*)$/;
const numbered = /^ {0,3}\d{1,9}[.)]\s+(.*)$/;
const escapable = /[\\`*_{}[\]()#+\-.!<>|~$]/;
const wordCharacter = /[\p{L}\p{N}]/u;

/**
 * Splits Markdown into blocks.
 *
 * @example parseBlocks('**a**\n\nb').length // 2
 */
function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: Inline[][] | undefined;
  let list: Extract<Block, { type: 'list' }> | undefined;
  const end = () => {
    paragraph = undefined;
    list = undefined;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    const opening = fence.exec(line);
    if (opening) {
      end();
      const marker = opening[1] as string;
      const body: string[] = [];
      while (++index < lines.length && !(lines[index] as string).trimStart().startsWith(marker))
        body.push(lines[index] as string);
      blocks.push({ type: 'code', text: body.join('\n') });
      continue;
    }
    if (line.trim() === '') {
      end();
      continue;
    }
    const title = heading.exec(line);
    if (title) {
      end();
      blocks.push({
        type: 'heading',
        level: (title[1] as string).length,
        content: parseInline(title[2] as string),
      });
      continue;
    }
    const item = bullet.exec(line) ?? numbered.exec(line);
    if (item) {
      const ordered = !bullet.test(line);
      if (!list || list.ordered !== ordered) {
        paragraph = undefined;
        list = { type: 'list', ordered, items: [] };
        blocks.push(list);
      }
      list.items.push(parseInline(item[1] as string));
      continue;
    }
    if (list) {
      // A line under a list item continues it.
      list.items[list.items.length - 1]?.push({ type: 'text', text: ' ' }, ...parseInline(line.trim()));
      continue;
    }
    if (!paragraph) {
      paragraph = [];
      blocks.push({ type: 'paragraph', lines: paragraph });
    }
    paragraph.push(parseInline(line.trim()));
  }
  return blocks;
}

/**
 * Splits a line into inline pieces. Delimiters that open nothing stay as text; `_` inside a word
 * (`page_url`) is a character, not emphasis.
 *
 * @example parseInline('a `b` **c**').map((piece) => piece.type) // ['text', 'code', 'text', 'strong']
 */
function parseInline(source: string): Inline[] {
  const pieces: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) pieces.push({ type: 'text', text });
    text = '';
  };
  let at = 0;
  while (at < source.length) {
    const character = source[at] as string;
    if (character === '\\' && escapable.test(source[at + 1] ?? '')) {
      text += source[at + 1];
      at += 2;
      continue;
    }
    if (character === '`') {
      const run = /^`+/.exec(source.slice(at))?.[0] as string;
      const close = source.indexOf(run, at + run.length);
      if (close !== -1) {
        flush();
        pieces.push({ type: 'code', text: source.slice(at + run.length, close).replace(/^ (.*) $/, '$1') });
        at = close + run.length;
        continue;
      }
      text += run;
      at += run.length;
      continue;
    }
    if (character === '*' || character === '_') {
      const double = source[at + 1] === character;
      const marker = double ? character + character : character;
      const opensWord = !(character === '_' && wordCharacter.test(source[at - 1] ?? ''));
      const close = opensWord ? closingDelimiter(source, marker, at + marker.length) : -1;
      if (close !== -1 && !/\s/.test(source[at + marker.length] ?? ' ')) {
        flush();
        pieces.push({
          type: double ? 'strong' : 'em',
          children: parseInline(source.slice(at + marker.length, close)),
        });
        at = close + marker.length;
        continue;
      }
    }
    if (character === '[') {
      const link = /^\[([^\]]*)\]\(([^()\s]*)(?:\s+"[^"]*")?\)/.exec(source.slice(at));
      if (link) {
        flush();
        pieces.push({ type: 'link', href: link[2] as string, children: parseInline(link[1] as string) });
        at += link[0].length;
        continue;
      }
    }
    text += character;
    at++;
  }
  flush();
  return pieces;
}

/** Where the delimiter opened before `from` closes, or -1. */
function closingDelimiter(source: string, marker: string, from: number): number {
  for (let at = source.indexOf(marker, from); at !== -1; at = source.indexOf(marker, at + 1)) {
    if (source[at - 1] === '\\' || /\s/.test(source[at - 1] ?? ' ')) continue;
    if (marker.length === 1 && source[at + 1] === marker) {
      at++;
      continue;
    }
    if (marker[0] === '_' && wordCharacter.test(source[at + marker.length] ?? '')) continue;
    return at;
  }
  return -1;
}

function appendInline(parent: HTMLElement, pieces: Inline[], links: HTMLElement[]): void {
  const document = parent.ownerDocument;
  for (const piece of pieces) {
    if (piece.type === 'text') parent.append(document.createTextNode(piece.text));
    else if (piece.type === 'code') {
      const code = document.createElement('code');
      code.textContent = piece.text;
      parent.append(code);
    } else {
      const element = document.createElement(piece.type === 'link' ? 'a' : piece.type);
      if (piece.type === 'link') {
        element.dataset.href = piece.href;
        element.title = piece.href;
        element.tabIndex = 0;
        element.setAttribute('role', 'link');
        links.push(element);
      }
      appendInline(element, piece.children, links);
      parent.append(element);
    }
  }
}

/**
 * Renders Markdown into `target` (its children are replaced) or into a new `<div>`.
 *
 * @example renderMarkdown({ value: '**when** starts a rule' }).element.innerHTML // '<p><strong>when</strong> starts a rule</p>'
 */
export function renderMarkdown(
  markdown: MarkdownLike,
  options: RenderOptions = {},
  target?: HTMLElement,
): RenderedMarkdown {
  const element = target ?? document.createElement('div');
  const document_ = element.ownerDocument;
  const links: HTMLElement[] = [];
  const nodes = parseBlocks(markdown.value ?? '').map((block) => {
    if (block.type === 'code') {
      const pre = document_.createElement('pre');
      const code = document_.createElement('code');
      code.textContent = block.text;
      pre.append(code);
      return pre;
    }
    if (block.type === 'list') {
      const list = document_.createElement(block.ordered ? 'ol' : 'ul');
      for (const item of block.items) {
        const entry = document_.createElement('li');
        appendInline(entry, item, links);
        list.append(entry);
      }
      return list;
    }
    const node = document_.createElement(block.type === 'heading' ? `h${block.level}` : 'p');
    if (block.type === 'heading') appendInline(node, block.content, links);
    else
      block.lines.forEach((line, index) => {
        if (index > 0) node.append(document_.createTextNode(' '));
        appendInline(node, line, links);
      });
    return node;
  });
  element.replaceChildren(...nodes);
  const { actionHandler } = options;
  const listeners: [HTMLElement, string, (event: Event) => void][] = [];
  if (actionHandler)
    for (const link of links) {
      const activate = (event: Event) => {
        if (event instanceof KeyboardEvent && event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        actionHandler(link.dataset.href ?? '', markdown);
      };
      for (const type of ['click', 'keydown']) {
        link.addEventListener(type, activate);
        listeners.push([link, type, activate]);
      }
    }
  return {
    element,
    dispose: () => {
      for (const [link, type, listener] of listeners) link.removeEventListener(type, listener);
    },
  };
}

function plainInline(pieces: Inline[]): string {
  return pieces.map((piece) => ('children' in piece ? plainInline(piece.children) : piece.text)).join('');
}

/**
 * The text of Markdown without its markup (what a screen reader or a native tooltip gets).
 *
 * @example renderAsPlaintext({ value: '**when** starts a `rule`' }) // 'when starts a rule'
 */
export function renderAsPlaintext(markdown: string | MarkdownLike): string {
  if (typeof markdown === 'string') return markdown;
  return parseBlocks(markdown.value ?? '')
    .map((block) => {
      if (block.type === 'code') return block.text;
      if (block.type === 'list') return block.items.map(plainInline).join('\n');
      if (block.type === 'heading') return plainInline(block.content);
      return block.lines.map(plainInline).join(' ');
    })
    .join('\n')
    .trim();
}

/**
 * Monaco completes unfinished Markdown tokens of streamed text before rendering; the Text view streams
 * nothing, so tokens pass through unchanged.
 *
 * @example fillInIncompleteTokens(tokens) === tokens // true
 */
export function fillInIncompleteTokens<T>(tokens: T): T {
  return tokens;
}

/** The HTML tags and attributes Markdown may hold: none, since no HTML is rendered. */
export const allowedMarkdownHtmlTags: readonly string[] = Object.freeze([]);
export const allowedMarkdownHtmlAttributes: readonly string[] = Object.freeze([]);
