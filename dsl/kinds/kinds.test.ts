import { describe, expect, it } from 'vitest';
import { fieldByName } from '../catalog/catalog.ts';
import type { FieldEntry } from '../catalog/types.ts';
import type { Value } from '../model/ast.ts';
import type { ValueReport } from './kind.ts';
import { languageKind } from './language/index.ts';
import { symbolKind } from './symbol/index.ts';
import { textKind } from './text/index.ts';

const pageUrl = fieldByName('visitor.page_url') as FieldEntry;
const visitHistory = fieldByName('visitor.visit_history') as FieldEntry;
const language = fieldByName('device.language') as FieldEntry;
const range = { start: 0, end: 3 };

function reported(validate: (report: ValueReport) => void): string[] {
  const lines: string[] = [];
  const push = (severity: string) => (code: string, _range: unknown, message: string, fix?: unknown) =>
    lines.push(`${severity} ${code}: ${message}${fix ? ' (fix)' : ''}`);
  validate({ error: push('error'), warning: push('warning') });
  return lines;
}

const str = (value: string): Value => ({ kind: 'string', value, range });
const list = (...values: string[]): Value => ({
  kind: 'list',
  items: values.map((value) => ({ kind: 'string', value })),
});

describe('the text kind', () => {
  it('checks quoted strings and lists', () => {
    const check = (value: Value, field = pageUrl) =>
      reported((report) => textKind.validate(value, field, report));
    expect(check(str('pricing'))).toEqual([]);
    expect(check(str(''))).toEqual([
      'warning empty-value: An empty value matches every page url. Type the text to look for.',
    ]);
    expect(check({ kind: 'symbol', name: 'pricing', range })).toEqual([
      'error invalid-value: Put the value in double quotes: "pricing". visitor.page_url compares text, not a word of the language. (fix)',
    ]);
    expect(check(list())).toEqual([
      'error empty-list: The list is empty. Add at least one value, e.g. ["pricing"].',
    ]);
    expect(check(list('a', 'A'))).toEqual([
      'warning duplicate-value: "A" is already in the list; remove one.',
    ]);
    expect(check(list('a'), { ...pageUrl, allowsList: false })).toEqual([
      'error list-not-allowed: visitor.page_url takes one value, not a list.',
    ]);
  });

  it('describes, completes, compiles and edits its values', () => {
    expect(textKind.compileValue('Prix ÉTÉ')).toBe('prix été');
    expect(textKind.hoverValue('Prix ÉTÉ', pageUrl)).toBe(
      '**"Prix ÉTÉ"** — text, compared without regard to case, as "prix été".',
    );
    expect(textKind.hoverValue('pricing', pageUrl)).toBe(
      '**"pricing"** — text, compared without regard to case: "PRICING" is the same.',
    );
    expect(textKind.hoverValue('👋', pageUrl)).toBe('**"👋"** — text, compared without regard to case.');
    expect(textKind.hoverValue('', pageUrl)).toBe('**""** — the empty text: every page url contains it.');
    expect(textKind.completeValue(pageUrl).map((item) => item.label)).toEqual(['"pricing"', '[…]']);
    expect(textKind.describeValues({ ...pageUrl, allowsList: false })).toBe(
      'text in quotes, e.g. `"pricing"`',
    );
    expect(textKind.documentValues([pageUrl])).toContain('- **A list** of texts');
    expect(textKind.valueControl(pageUrl)).toEqual({ control: 'chips', allowsList: true });
    expect(textKind.sampleControl(pageUrl)).toEqual({ control: 'text' });
    expect(textKind.fitsValue(list('a'), pageUrl)).toBe(true);
    expect(textKind.fitsValue(list('a'), { ...pageUrl, allowsList: false })).toBe(false);
    expect(textKind.sampleDefault(pageUrl, {})).toBe('https://example.com/pricing');
    expect(textKind.sampleDefault({ ...pageUrl, sample: undefined }, {})).toBe('');
    expect(textKind.contextValue(pageUrl).safeParse(3).success).toBe(false);
  });
});

describe('the symbol kind', () => {
  it('checks bare words', () => {
    const check = (value: Value) => reported((report) => symbolKind.validate(value, visitHistory, report));
    expect(check({ kind: 'symbol', name: 'new_user' })).toEqual([]);
    expect(check({ kind: 'symbol', name: 'new_usr', range })).toEqual([
      'error unknown-value: `new_usr` is not a value of visitor.visit_history. Use new_user or returning_user. (fix)',
    ]);
    expect(check({ kind: 'symbol', name: 'zzz', range })).toEqual([
      'error unknown-value: `zzz` is not a value of visitor.visit_history. Use new_user or returning_user.',
    ]);
    expect(check(str('New_User '))).toEqual([
      'error invalid-value: visitor.visit_history takes a word without quotes: new_user or returning_user. (fix)',
    ]);
    expect(check(str('old'))).toEqual([
      'error invalid-value: visitor.visit_history takes a word without quotes: new_user or returning_user.',
    ]);
    expect(check(list('new_user'))).toEqual([
      'error list-not-allowed: visitor.visit_history takes one value: new_user or returning_user.',
    ]);
  });

  it('describes, completes and edits its values from the field’s symbols', () => {
    expect(symbolKind.checkField?.({ ...visitHistory, symbols: undefined })).toBe(
      'a symbol field lists its symbols.',
    );
    expect(symbolKind.checkField?.(visitHistory)).toBeUndefined();
    expect(symbolKind.completeValue(visitHistory).map((item) => item.label)).toEqual([
      'new_user',
      'returning_user',
    ]);
    expect(symbolKind.hoverValue('new_user', visitHistory)).toContain('**new_user** — New user');
    expect(symbolKind.hoverValue('old_user', visitHistory)).toBeUndefined();
    expect(symbolKind.compileValue('new_user')).toBe('new_user');
    expect(symbolKind.describeValues(visitHistory)).toBe(
      '`new_user` (New user), `returning_user` (Returning user)',
    );
    expect(symbolKind.documentValues([visitHistory])).toBe(
      '- **A word** without quotes for visit history: `new_user` or `returning_user`.',
    );
    expect(symbolKind.valueControl(visitHistory)).toMatchObject({ control: 'select' });
    expect(symbolKind.sampleControl(visitHistory)).toMatchObject({ control: 'select' });
    expect(symbolKind.defaultValue(visitHistory)).toEqual({ kind: 'symbol', name: 'new_user' });
    expect(symbolKind.defaultValue({ ...visitHistory, symbols: undefined })).toEqual({
      kind: 'symbol',
      name: '',
    });
    expect(symbolKind.fitsValue(str('x'), visitHistory)).toBe(false);
    expect(symbolKind.sampleDefault(visitHistory, {})).toBe('new_user');
    expect(symbolKind.sampleDefault({ ...visitHistory, sample: 'returning_user' }, {})).toBe(
      'returning_user',
    );
    expect(symbolKind.sampleDefault({ ...visitHistory, symbols: undefined }, {})).toBe('');
  });
});

describe('the language kind', () => {
  it('checks language tags, suggesting a repair', () => {
    const check = (value: Value) => reported((report) => languageKind.validate(value, language, report));
    expect(check(str('pt-BR'))).toEqual([]);
    expect(check(str('fr_CA'))).toEqual([
      'error invalid-language: "fr_CA" is not a language tag. Did you mean "fr-CA" (Canadian French)? (fix)',
    ]);
    expect(check(str(''))).toEqual([
      'error invalid-language: "" is not a language tag. Write a BCP 47 tag such as "fr", "en-GB" or "pt-BR".',
    ]);
    expect(check(str('french!'))).toHaveLength(1);
  });

  it('names, completes, compiles and edits languages', () => {
    expect(languageKind.hoverValue('fr-CA', language)).toBe('**fr-CA** — Canadian French');
    expect(languageKind.completeValue(language).at(-1)?.label).toBe('[…]');
    expect(languageKind.compileValue('PT_br')).toBe('pt-br');
    expect(languageKind.compileValue('Not A Tag!')).toBe('not a tag!');
    expect(languageKind.describeValues(language)).toContain('a language tag in quotes');
    expect(languageKind.documentValues([language])).toContain('`"ar"`, `"da"`, `"de"`, `"en"`');
    expect(languageKind.valueControl(language)).toMatchObject({ control: 'language', allowsList: true });
    expect(languageKind.sampleControl(language)).toEqual({ control: 'text' });
    expect(languageKind.defaultValue(language)).toEqual({ kind: 'string', value: '' });
    expect(languageKind.fitsValue(list('fr'), language)).toBe(true);
    expect(languageKind.sampleDefault(language, { language: 'de-CH' })).toBe('de-CH');
    expect(languageKind.sampleDefault({ ...language, sample: 'fr' }, {})).toBe('fr');
    expect(languageKind.sampleDefault(language, {})).toBe('en-US');
    expect(languageKind.contextValue(language).safeParse('klingon!').success).toBe(false);
  });
});
