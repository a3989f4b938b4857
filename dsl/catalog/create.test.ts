import { describe, expect, it } from 'vitest';
import { symbolKind } from '../kinds/symbol/index.ts';
import { textKind } from '../kinds/text/index.ts';
import { createLanguage } from '../language.ts';
import { landingPageField } from '../testing/example-extension.ts';
import { prefixKind } from '../testing/prefix-kind/index.ts';
import { catalog, operatorByName } from './catalog.ts';
import { createCatalog, extendCatalog, type CatalogDefinition } from './create.ts';
import type { FieldEntry } from './types.ts';

const definition: CatalogDefinition = {
  objects: catalog.objects,
  operators: catalog.operators,
  fields: catalog.fields,
  kinds: catalog.kinds,
  events: catalog.events,
  timesOfDay: catalog.timesOfDay,
  frequencies: catalog.frequencies,
  defaultFrequency: catalog.defaultFrequency,
  onPageSeconds: catalog.onPageSeconds,
  keywordDocs: catalog.keywordDocs,
};

const withField = (field: Partial<FieldEntry>) =>
  extendCatalog(catalog, { fields: [{ ...landingPageField, ...field } as FieldEntry] });

describe('createCatalog and extendCatalog', () => {
  it('index the tables', () => {
    const built = createCatalog(definition);
    expect(built.fieldByName('device.language')?.match).toBe('language');
    expect(built.operatorByName('is_not')?.keyword).toBe('is not');
    expect(built.operatorByName('nope')).toBeUndefined();
    expect(built.kindOf(built.fieldByName('visitor.page_title')!)).toBe(textKind);
    expect(Object.isFrozen(built)).toBe(true);
    expect(operatorByName('contains').label).toBe('Contains at least one of');
    expect(() => operatorByName('resembles')).toThrow(
      'Unknown operator "resembles": the catalog has is, is_not, contains, does_not_contain, starts_with, ends_with, matches, does_not_match, greater_than, greater_or_equal, less_than, less_or_equal.',
    );
  });

  it('refuse fields that cannot work, saying which and what to change', () => {
    expect(() => withField({ name: 'visitor.page_url' })).toThrow(
      'Invalid catalog: two fields are named "visitor.page_url"; names must be unique.',
    );
    expect(() => withField({ name: 'landing_page' })).toThrow('a field name is object.key');
    expect(() => withField({ name: 'session.landing_page', object: 'session' })).toThrow(
      'its name must start with its object, one of visitor, device, event.',
    );
    expect(() => withField({ match: 'regex' })).toThrow(
      'unknown match kind "regex"; kinds: text, symbol, language, url, number, boolean, attribute.',
    );
    expect(() => withField({ match: 'toString' })).toThrow('unknown match kind "toString"');
    expect(() => withField({ operators: [] })).toThrow('allow at least one operator.');
    expect(() => withField({ operators: ['resembles'] })).toThrow('the catalog has no operator "resembles".');
    expect(() => withField({ match: 'language' })).toThrow(
      'the language kind has no operator "contains" (it has is, is_not).',
    );
    expect(() => withField({ match: 'symbol', operators: ['is'] })).toThrow(
      'a symbol field lists its symbols.',
    );
    expect(() => withField({ match: 'symbol', operators: ['is'], symbols: [] })).toThrow(
      'list at least one symbol',
    );
    const symbol = { name: 'a', label: 'A', doc: '' };
    expect(() => withField({ match: 'symbol', operators: ['is'], symbols: [symbol, symbol] })).toThrow(
      'two symbols of field "visitor.landing_page" are named "a"',
    );
  });

  it('refuse kinds, operators and frequencies that cannot work', () => {
    expect(() => createCatalog({ ...definition, kinds: { ...catalog.kinds, words: symbolKind } })).toThrow(
      'the kind registered as "words" is named "symbol".',
    );
    const { number: _number, ...withoutNumbers } = catalog.kinds;
    expect(() => createCatalog({ ...definition, kinds: withoutNumbers })).toThrow(
      'the kind "attribute" compiles to the kind "number", which the catalog does not have.',
    );
    const operator = { name: 'starts', keyword: 'Starts With', label: '', doc: '' };
    expect(() => createCatalog({ ...definition, operators: [...definition.operators, operator] })).toThrow(
      'its keyword "Starts With" must be lower-case words or one of <, <=, >, >=.',
    );
    expect(() =>
      createCatalog({ ...definition, operators: [...definition.operators, { ...operator, keyword: 'is' }] }),
    ).toThrow('two operators’ keywords are named "is"');
    expect(() => createCatalog({ ...definition, defaultFrequency: 'never' as 'every_time' })).toThrow(
      'the default frequency "never" is not one of the frequencies.',
    );
    const frequency = { name: 'once a day' as 'every_time', label: '', doc: '' };
    expect(() =>
      createCatalog({ ...definition, frequencies: [...definition.frequencies, frequency] }),
    ).toThrow('must be one lower-case word');
    expect(() => extendCatalog(catalog, { kinds: { text: textKind } })).toThrow(
      'the kind "text" already exists',
    );
    expect(() => extendCatalog({ ...catalog }, {})).toThrow(
      'extend a catalog made by createCatalog or extendCatalog.',
    );
  });

  it('refuse symbols spelled like keywords (they would never be read as values)', () => {
    const clash = withField({
      match: 'symbol',
      operators: ['is'],
      symbols: [{ name: 'contains', label: '', doc: '' }],
    });
    expect(() => createLanguage(clash)).toThrow(
      'the symbol "contains" of field "visitor.landing_page" is a keyword',
    );
  });

  it('extend with kinds alone (for fields to come)', () => {
    const extended = extendCatalog(catalog, { kinds: { prefix: prefixKind } });
    expect(extended.fields).toEqual(catalog.fields);
    expect(extended.operatorByName('is_under')?.keyword).toBe('is under');
  });

  it('extend with objects too', () => {
    const extended = extendCatalog(catalog, {
      objects: [{ name: 'session', label: 'Session', doc: 'The visit.' }],
      fields: [{ ...landingPageField, name: 'session.landing_page', object: 'session' }],
    });
    expect(createLanguage(extended).check('when session.landing_page contains "x"').diagnostics).toEqual([]);
  });
});
