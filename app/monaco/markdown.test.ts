// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { hover } from '@proactive/dsl/editor';
import {
  allowedMarkdownHtmlTags,
  fillInIncompleteTokens,
  renderAsPlaintext,
  renderMarkdown,
} from './markdown.ts';

const html = (value: string) => renderMarkdown({ value }).element.innerHTML;

describe('renderMarkdown', () => {
  it('renders paragraphs, strong, emphasis and inline code', () => {
    expect(html('**device.language** — Device › Language\n\nThe *language* of `the browser`.')).toBe(
      '<p><strong>device.language</strong> — Device › Language</p><p>The <em>language</em> of <code>the browser</code>.</p>',
    );
    expect(html('a\nb')).toBe('<p>a b</p>');
  });

  it('keeps underscores inside words and unclosed delimiters as text', () => {
    expect(html('visitor.page_url and utm_source')).toBe('<p>visitor.page_url and utm_source</p>');
    expect(html('_emphasis_ and 2 * 3 and **open')).toBe('<p><em>emphasis</em> and 2 * 3 and **open</p>');
    expect(html('\\*not emphasis\\* and `` a ` b ``')).toBe('<p>*not emphasis* and <code>a ` b</code></p>');
  });

  it('renders headings, lists and fenced code', () => {
    expect(html('# Title\n\n- one\n- **two**\ncontinued\n\n1. first\n2. second')).toBe(
      '<h1>Title</h1><ul><li>one</li><li><strong>two</strong> continued</li></ul><ol><li>first</li><li>second</li></ol>',
    );
    expect(html('```\nwhen a is "<b>"\n```\nafter')).toBe(
      '<pre><code>when a is "&lt;b&gt;"</code></pre><p>after</p>',
    );
  });

  it('never turns text into markup', () => {
    const element = renderMarkdown({ value: '<img src=x onerror=alert(1)> **<script>x</script>**' }).element;
    expect(element.querySelector('img, script')).toBeNull();
    expect(element.textContent).toBe('<img src=x onerror=alert(1)> <script>x</script>');
  });

  it('renders into a target, replacing what it held', () => {
    const target = document.createElement('div');
    target.innerHTML = '<span>old</span>';
    const rendered = renderMarkdown({ value: 'new' }, {}, target);
    expect(rendered.element).toBe(target);
    expect(target.innerHTML).toBe('<p>new</p>');
  });

  it('hands links to the action handler on click and Enter, until disposed', () => {
    const actionHandler = vi.fn();
    const markdown = { value: 'See [the docs](https://example.com/docs).' };
    const rendered = renderMarkdown(markdown, { actionHandler });
    const link = rendered.element.querySelector('a') as HTMLElement;
    expect(link.textContent).toBe('the docs');
    expect(link.getAttribute('href')).toBeNull();
    link.click();
    link.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    link.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    expect(actionHandler.mock.calls).toEqual([
      ['https://example.com/docs', markdown],
      ['https://example.com/docs', markdown],
    ]);
    rendered.dispose();
    link.click();
    expect(actionHandler).toHaveBeenCalledTimes(2);
  });

  it("renders the rule language's hover docs with their bold title and code example", () => {
    const contents = hover('when visitor.page_url contains "pricing"', 10)?.contents ?? '';
    const element = renderMarkdown({ value: contents }).element;
    expect(element.querySelector('p > strong')?.textContent).toBe('visitor.page_url');
    expect([...element.querySelectorAll('code')].pop()?.textContent).toBe('visitor.page_url is "pricing"');
    expect(element.textContent).not.toMatch(/\*\*|`/);
  });
});

describe('renderAsPlaintext', () => {
  it('drops the markup and keeps the text', () => {
    expect(renderAsPlaintext({ value: '**when** starts a `rule`\n\n- a\n- [b](x)\n\n```\ncode\n```' })).toBe(
      'when starts a rule\na\nb\ncode',
    );
    expect(renderAsPlaintext('plain **as is**')).toBe('plain **as is**');
  });
});

describe('the rest of the renderer module', () => {
  it('passes tokens through and allows no HTML', () => {
    const tokens = [{ type: 'text' }];
    expect(fillInIncompleteTokens(tokens)).toBe(tokens);
    expect(allowedMarkdownHtmlTags).toEqual([]);
  });
});
