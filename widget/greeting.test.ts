// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fillFirstName, renderRichText, safeHref } from './greeting.ts';

const render = (text: string) => {
  const element = document.createElement('p');
  renderRichText(element, text);
  return element;
};

describe('fillFirstName', () => {
  it('fills the first word of the name, or drops the placeholder with the space before it', () => {
    expect(fillFirstName('Hi {{first_name}}! Need help?', 'Ada Lovelace')).toBe('Hi Ada! Need help?');
    expect(fillFirstName('Hi {{ first_name }}, welcome', '  Grace  ')).toBe('Hi Grace, welcome');
    expect(fillFirstName('Hi {{first_name}}! Need help?', undefined)).toBe('Hi! Need help?');
    expect(fillFirstName('{{first_name}}, hello', '')).toBe(', hello');
    expect(fillFirstName('No placeholder', 'Ada')).toBe('No placeholder');
  });
});

describe('safeHref', () => {
  it('allows http, https and mailto only', () => {
    expect(safeHref('https://acme.test/a')).toBe('https://acme.test/a');
    expect(safeHref('mailto:help@acme.test')).toBe('mailto:help@acme.test');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<b>x</b>')).toBeNull();
    expect(safeHref('http://[bad')).toBeNull();
  });
});

describe('renderRichText', () => {
  it('turns markdown links and bare URLs into safe links and keeps everything else as text', () => {
    const element = render(
      'See [plans](https://acme.test/pricing) 👋\nor https://acme.test/docs. <b>bold</b>',
    );
    expect(element.textContent).toBe('See plans 👋or https://acme.test/docs. <b>bold</b>');
    expect(element.querySelectorAll('br')).toHaveLength(1);
    expect(element.querySelector('b')).toBeNull();
    const links = [...element.querySelectorAll('a')];
    expect(links.map((link) => [link.textContent, link.getAttribute('href'), link.target, link.rel])).toEqual(
      [
        ['plans', 'https://acme.test/pricing', '_blank', 'noopener noreferrer'],
        ['https://acme.test/docs', 'https://acme.test/docs', '_blank', 'noopener noreferrer'],
      ],
    );
  });

  it('shows the label of an unsafe link as text, with balanced parentheses in the URL', () => {
    const element = render('[click](javascript:alert(1)) and [wiki](https://en.test/wiki/Foo_(bar))');
    expect(element.textContent).toBe('click and wiki');
    expect([...element.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual([
      'https://en.test/wiki/Foo_(bar)',
    ]);
  });
});
