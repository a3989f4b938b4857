/**
 * The editor services on issue 12's syntax: completion of keys (declared ones with their labels),
 * values of numbers and booleans, trigger words; hover of keys, signs and trigger words; highlighting.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttributeDeclaration } from '../catalog/types.ts';
import { ruleLikeText } from '../testing/arbitraries.ts';
import { complete, hover, monarchLanguage, tokens, type EditorOptions } from './index.ts';

const declared: AttributeDeclaration[] = [
  { key: 'plan', type: 'text', label: 'Plan' },
  { key: 'seats', type: 'number' },
];

function at(marked: string): [string, number] {
  return [marked.replace('<|>', ''), marked.indexOf('<|>')];
}
const labels = (marked: string, options?: EditorOptions) =>
  complete(...at(marked), options).items.map((item) => item.label);
const hoverAt = (marked: string, options?: EditorOptions) => hover(...at(marked), options)?.contents;

describe('completion', () => {
  it('goes on with the key after a keyed field', () => {
    const items = complete(...at('when visitor.attri<|>')).items;
    expect(items).toEqual([
      expect.objectContaining({ label: 'visitor.attributes', insertText: 'visitor.attributes["' }),
    ]);
    expect(labels('when visitor.attributes<|>')).toEqual(['visitor.attributes']);
    expect(labels('when visitor.attributes <|>')).toEqual(['["plan"]']);
    expect(labels('when visitor.query <|>')).toEqual(['["ref"]']);
    expect(labels('when visitor.page_url <|>')).not.toContain('["plan"]');
  });

  it('offers the declared attribute keys, with their labels and types', () => {
    const items = complete(...at('when visitor.attributes["<|>'), { attributes: declared }).items;
    expect(items).toEqual([
      { label: '"plan"', kind: 'value', insertText: '"plan"] ', detail: 'Plan (text)' },
      { label: '"seats"', kind: 'value', insertText: '"seats"] ', detail: 'seats (number)' },
    ]);
    expect(labels('when visitor.attributes[<|>', { attributes: declared })).toEqual(['"plan"', '"seats"']);
    expect(labels('when visitor.attributes <|>', { attributes: declared })).toEqual([
      '["plan"]',
      '["seats"]',
    ]);
    expect(labels('when event.properties["<|>', { attributes: declared })).toEqual(['"value"']);
    expect(labels('when visitor.attributes["plan"<|>')).toEqual(['"plan"']);
    expect(labels('when visitor.attributes["plan" <|>')).toEqual([']']);
    expect(labels('when visitor.attributes["plan"] <|>')).toContain('>=');
  });

  it('offers the values of the key’s declared type, else of any type', () => {
    expect(labels('when visitor.attributes["seats"] > <|>', { attributes: declared })).toEqual(['0']);
    expect(labels('when visitor.attributes["plan"] is <|>', { attributes: declared })).toEqual([
      'not',
      '""',
      '[…]',
    ]);
    expect(labels('when visitor.attributes["other"] is <|>')).toEqual([
      'not',
      '""',
      '[…]',
      '0',
      'true',
      'false',
    ]);
    expect(labels('when visitor.pages_viewed >= <|>')).toEqual(['3']);
    expect(labels('when device.type is <|>')).toEqual(['not', 'mobile', 'tablet', 'desktop']);
  });

  it('offers the triggers, word by word', () => {
    const after = labels('when a.b is "x" <|>');
    expect(after).toEqual(
      expect.arrayContaining([
        'for 0:30',
        'for 2:00 on_site',
        'on exit_intent',
        'on scroll 50%',
        'on idle 0:30',
      ]),
    );
    expect(after).toContain('on event "added_to_cart"');
    expect(labels('when a.b is "x" on <|>')).toEqual([
      'exit_intent',
      'scroll 50%',
      'idle 0:30',
      'event "added_to_cart"',
    ]);
    expect(labels('when a.b is "x" on scroll <|>')).toEqual(['50%']);
    expect(labels('when a.b is "x" on idle <|>')).toEqual(['0:30']);
    expect(labels('when a.b is "x" on event <|>')).toEqual(['""']);
    expect(labels('when a.b is "x" for 0:30 <|>')).toContain('on_site');
  });
});

describe('hover', () => {
  it('documents keyed fields with their key', () => {
    expect(hoverAt('when visitor.attri<|>butes["plan"] is "x"')).toContain(
      'Example: `visitor.attributes["plan"] is "pro"`',
    );
  });

  it('documents keys: declared (with label and type), not declared, or of fields without declarations', () => {
    const text = 'when visitor.attributes["pl<|>an"] is "x"';
    expect(hoverAt(text, { attributes: declared })).toBe(
      '**"plan"** — Visitor › Attribute: Plan\n\nA declared attribute: text.',
    );
    expect(hoverAt('when visitor.attributes["se<|>ats"] > 1', { attributes: declared })).toBe(
      '**"seats"** — Visitor › Attribute: seats\n\nA declared attribute: a number.'.replace(
        'a number',
        'number',
      ),
    );
    expect(
      hoverAt('when visitor.attributes["x<|>"] is true', { attributes: [{ key: 'x', type: 'boolean' }] }),
    ).toContain('A declared attribute: true or false.');
    expect(hoverAt('when visitor.attributes["zz<|>"] is "x"', { attributes: declared })).toBe(
      '**"zz"** — Visitor › Attribute\n\nThe attribute "zz" is not declared in the settings.',
    );
    expect(hoverAt(text)).toBe(
      '**"plan"** — Visitor › Attribute\n\nThe attribute "plan" of visitor.attributes.',
    );
    expect(hoverAt('when visitor.query["r<|>ef"] is "x"', { attributes: declared })).toBe(
      '**"ref"** — Visitor › Query parameter\n\nThe query parameter "ref" of visitor.query.',
    );
    expect(hoverAt('when visitor.page_url["r<|>ef"] is "x"')).toBeUndefined();
  });

  it('documents signs after a key, booleans and the trigger words', () => {
    expect(hoverAt('when visitor.attributes["seats"] ><|>= 3')).toContain(
      '**>=** — Greater than or equal to',
    );
    expect(hoverAt('when visitor.attributes["trial"] is tr<|>ue')).toContain('The boolean value true');
    expect(hoverAt('when a.b is "x" on scr<|>oll 50%')).toContain(
      '**on scroll N%** — Visitor scrolls the page',
    );
    expect(hoverAt('when a.b is "x" on exit_in<|>tent')).toContain('Visitor is about to leave');
    expect(hoverAt('when a.b is "x" for 0:30 on_si<|>te')).toContain(
      '**for M:SS on_site** — Visitor is on the site',
    );
    expect(hoverAt('when a.b is "x" o<|>n idle 0:30')).toContain('Starts a trigger');
    expect(hoverAt('when a.b is "x" on event "na<|>me"')).toBeUndefined();
  });
});

describe('highlighting', () => {
  it('colours signs as operators, numbers and percentages as numbers, the new words as keywords', () => {
    const categories = (text: string) => tokens(text).map((token) => token.category);
    expect(categories('when visitor.attributes["a"] >= -1.5 on scroll 50%')).toEqual([
      'keyword',
      'field',
      'delimiter',
      'string',
      'delimiter',
      'operator',
      'number',
      'keyword',
      'keyword',
      'number',
    ]);
    expect(categories('when a.b is true')).toEqual(['keyword', 'identifier', 'operator', 'keyword']);
    expect(monarchLanguage.keywords).toEqual(
      expect.arrayContaining(['on', 'on_site', 'exit_intent', 'true']),
    );
    const classify = (sample: string) =>
      monarchLanguage.tokenizer.root.find(([pattern]) =>
        new RegExp(`^(?:${pattern.source})$`).test(sample),
      )?.[1];
    expect(classify('>=')).toBe('keyword.operator');
    expect(classify('50%')).toBe('number');
    expect(classify('-1.5')).toBe('number');
    expect(classify('==')).toBe('keyword.operator');
  });
});

describe('robustness', () => {
  it('completes and hovers anywhere in rule-like text without throwing (fast-check, fixed seed)', () => {
    fc.assert(
      fc.property(ruleLikeText, fc.nat(), (text, at) => {
        const offset = at % (text.length + 1);
        for (const options of [{}, { attributes: declared }]) {
          const { range } = complete(text, offset, options);
          // The word before the cursor, or the whole string the cursor is in.
          expect(range.start).toBeLessThanOrEqual(offset);
          expect(range.end).toBeGreaterThanOrEqual(offset);
          if (range.end > offset) expect(text.slice(range.start, range.end)).toMatch(/^"[^\n]*"$/);
          hover(text, offset, options);
        }
      }),
      { seed: 12, numRuns: 2000 },
    );
  });
});
