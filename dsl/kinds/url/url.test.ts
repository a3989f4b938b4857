import fc from 'fast-check';
import { domainToASCII, domainToUnicode } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, parse } from '../../language.ts';
import type { Rule } from '../../model/ast.ts';
import { createEvaluator } from '../../runtime/evaluator.ts';
import { urlKind } from './index.ts';
import { bareUrl, decodePunycode, normalizeUrl } from './runtime.ts';

const fires = (text: string, pageUrl: string) =>
  createEvaluator(compile(parse(text).rule as Rule))({
    visitor: { page_url: pageUrl },
    device: {},
    event: { type: 'page_load' },
  }).fires;

describe('page URLs as browsers report them', () => {
  it('finds decoded paths and Unicode hosts in percent-encoded, punycode URLs', () => {
    expect(fires('when visitor.page_url contains "/café"', 'https://acme.test/caf%C3%A9')).toBe(true);
    expect(fires('when visitor.page_url contains "bücher.example"', 'https://xn--bcher-kva.example/')).toBe(
      true,
    );
    expect(fires('when visitor.page_url contains "BÜCHER"', 'https://xn--bcher-kva.example/')).toBe(true);
    expect(fires('when visitor.page_url contains "caf%C3%A9"', 'https://acme.test/café')).toBe(true);
    expect(fires('when visitor.page_url contains "xn--bcher-kva"', 'https://bücher.example/')).toBe(true);
    expect(fires('when visitor.page_url contains "acme.test/pricing"', 'HTTPS://ACME.TEST/Pricing')).toBe(
      true,
    );
    expect(fires('when visitor.page_url contains "/a b"', 'https://acme.test/a%20b')).toBe(true);
  });

  it('`is` compares whole URLs without the fragment and a trailing slash', () => {
    expect(fires('when visitor.page_url is "https://acme.test"', 'https://acme.test/')).toBe(true);
    expect(fires('when visitor.page_url is "https://acme.test/"', 'https://acme.test')).toBe(true);
    expect(fires('when visitor.page_url is "https://acme.test/a"', 'https://acme.test/a#top')).toBe(true);
    expect(fires('when visitor.page_url is "https://acme.test/a/"', 'https://acme.test/a?x=1')).toBe(false);
    expect(fires('when visitor.page_url is "https://acme.test/a?x=1"', 'https://acme.test/a/?x=1')).toBe(
      true,
    );
    expect(fires('when visitor.page_url is not "https://acme.test"', 'https://acme.test/#x')).toBe(false);
    expect(fires('when visitor.page_url is "https://acme.test/a"', 'https://acme.test/ab')).toBe(false);
    // `contains` still sees the whole URL, fragment included.
    expect(fires('when visitor.page_url contains "#top"', 'https://acme.test/a#top')).toBe(true);
  });

  it('normalises: percent-decoding (not %23, not invalid UTF-8), IDN labels, case', () => {
    expect(normalizeUrl('https://XN--BCHER-KVA.example/Caf%C3%A9')).toBe('https://bücher.example/café');
    expect(normalizeUrl('https://a.test/%E4%BD%A0%FF%23x%2F')).toBe('https://a.test/你%ff%23x/');
    expect(normalizeUrl('https://xn--zz!.test/')).toBe('https://xn--zz!.test/');
    expect(normalizeUrl('https://xn--99999999999999.test/')).toBe('https://xn--99999999999999.test/');
    expect(bareUrl('https://a.test/p/?q=1#x')).toBe('https://a.test/p?q=1');
    expect(decodePunycode('a-')).toBe('a');
    expect(decodePunycode('!')).toBeNull();
    // One more digit takes the code point past U+10FFFF: not a character, so not punycode.
    expect(decodePunycode('99999a')).toBeNull();
  });

  it('edits page URLs as text chips, starting from the sample or the empty text', () => {
    const field = { allowsList: true, sample: 'https://acme.test/' } as never;
    expect(urlKind.valueControl(field)).toEqual({ control: 'chips', allowsList: true });
    expect(urlKind.sampleControl(field)).toEqual({ control: 'text' });
    expect(urlKind.sampleDefault(field, {})).toBe('https://acme.test/');
    expect(urlKind.sampleDefault({ allowsList: true } as never, {})).toBe('');
  });

  it('decodes punycode as Node does (fast-check over Unicode labels)', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), (label) => {
        const ascii = domainToASCII(`${label}.example`).split('.')[0] ?? '';
        if (!ascii.startsWith('xn--')) return;
        compared++;
        expect(decodePunycode(ascii.slice(4))).toBe(domainToUnicode(`${ascii}.example`).split('.')[0]);
      }),
      { seed: 3492, numRuns: 3000 },
    );
    expect(compared).toBeGreaterThan(1000);
  });

  it('says in hover how a value compares when normalising changes it', () => {
    const field = { label: 'Page URL' } as never;
    expect(urlKind.hoverValue('xn--bcher-kva', field)).toBe(
      '"xn--bcher-kva" is compared as "bücher" (decoded and folded, as in the address bar).',
    );
    expect(urlKind.hoverValue('pricing', field)).toBeUndefined();
  });
});
