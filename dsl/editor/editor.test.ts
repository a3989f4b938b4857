import { describe, expect, it } from 'vitest';
import { language } from '../language.ts';
import {
  complete,
  createEditor,
  diagnostics,
  format,
  hover,
  languageName,
  monarchLanguage,
  objectLabel,
  tokens,
} from './index.ts';

/** Splits a text with a `<|>` cursor marker into the text and the cursor offset. */
function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('<|>');
  if (offset < 0) throw new Error('no <|> marker');
  return { text: marked.replace('<|>', ''), offset };
}

function labels(marked: string): string[] {
  const { text, offset } = cursor(marked);
  return complete(text, offset).items.map((item) => item.label);
}

function hoverAt(marked: string): string | undefined {
  const { text, offset } = cursor(marked);
  return hover(text, offset)?.contents;
}

describe('complete', () => {
  it('offers `when` at the start', () => {
    expect(labels('<|>')).toEqual(['when']);
    expect(labels('wh<|>')).toEqual(['when']);
  });

  it('offers the catalog fields, `not` and `(` where a condition starts', () => {
    expect(labels('when <|>')).toEqual([
      'not',
      '(',
      'visitor.page_url',
      'visitor.page_title',
      'visitor.visit_history',
      'visitor.referrer',
      'visitor.query',
      'visitor.utm_source',
      'visitor.utm_medium',
      'visitor.utm_campaign',
      'visitor.utm_term',
      'visitor.utm_content',
      'visitor.pages_viewed',
      'visitor.visit_count',
      'visitor.attributes',
      'device.language',
      'device.type',
      'event.properties',
    ]);
    expect(labels('when visitor.page_u<|>')).toEqual(['visitor.page_url']);
    expect(labels('when visitor.page_url is "x" and (<|>')).toContain('device.language');
  });

  it('offers only the operators the field allows', () => {
    expect(labels('when visitor.page_url <|>')).toEqual([
      'is',
      'is not',
      'contains',
      'does not contain',
      'starts with',
      'ends with',
      'matches',
      'does not match',
    ]);
    expect(labels('when visitor.visit_history <|>')).toEqual(['is']);
    expect(labels('when device.language <|>')).toEqual(['is', 'is not']);
    expect(labels('when device.language is <|>')).toContain('not');
    expect(labels('when visitor.visit_history is <|>')).not.toContain('not');
  });

  it('offers the values the field takes', () => {
    expect(labels('when visitor.visit_history is <|>')).toEqual(['new_user', 'returning_user']);
    expect(labels('when visitor.visit_history is ret<|>')).toEqual(['returning_user']);
    expect(labels('when device.language is "f<|>')).toEqual(['"fi"', '"fr"', '"fr-CA"']);
    const { text, offset } = cursor('when device.language is <|>');
    const french = complete(text, offset).items.find((item) => item.label === '"fr"');
    expect(french).toMatchObject({ detail: 'French', insertText: '"fr"' });
    expect(labels('when visitor.page_url contains <|>')).toEqual(['"pricing"', '[…]']);
  });

  it('offers the clauses after a condition, and the connectives', () => {
    const after = labels('when visitor.page_url contains "pricing" <|>');
    expect(after).toEqual(
      expect.arrayContaining([
        'and',
        'or',
        'for 0:30',
        'anytime',
        'during business_hours',
        'outside business_hours',
        'once_per_customer',
        'once_per_visit',
        'every_time',
        'tag',
      ]),
    );
    expect(labels('when visitor.page_url contains "pricing" during <|>')).toEqual(['business_hours']);
    expect(labels('when visitor.page_url contains "pricing" once<|>')).toEqual([
      'once_per_customer',
      'once_per_visit',
    ]);
  });

  it('offers every operator and a plain string for fields it does not know', () => {
    expect(labels('when shoe.size <|>')).toEqual([
      'is',
      'is not',
      'contains',
      'does not contain',
      'starts with',
      'ends with',
      'matches',
      'does not match',
      '>',
      '>=',
      '<',
      '<=',
    ]);
    expect(labels('when shoe.size is <|>')).toContain('""');
  });

  it('completes durations, tags, groups and lists', () => {
    expect(labels('when a.b is "x" for <|>')).toEqual(['0:30']);
    expect(labels('when a.b is "x" tag <|>')).toEqual(['""']);
    expect(labels('when (a.b is "x" <|>')).toContain(')');
    expect(labels('when a.b is ["x" <|>')).toEqual([]);
  });

  it('names objects and languages', () => {
    expect(objectLabel('device')).toBe('Device');
    expect(objectLabel('planet')).toBe('planet');
    expect(languageName('fr-CA')).toBe('Canadian French');
    expect(languageName('not a tag!')).toBe('not a tag!');
  });

  it('replaces the word being typed', () => {
    const { text, offset } = cursor('when visitor.pa<|>');
    expect(complete(text, offset).range).toEqual({ start: 5, end: offset });
  });

  it('documents each item from the catalog', () => {
    const { text, offset } = cursor('when <|>');
    const url = complete(text, offset).items.find((item) => item.label === 'visitor.page_url');
    expect(url).toMatchObject({
      kind: 'field',
      detail: 'Visitor › Page URL',
      insertText: 'visitor.page_url ',
    });
    expect(url?.documentation).toContain('without regard to case');
  });
});

describe('hover', () => {
  it('documents fields, operators, values and keywords', () => {
    expect(hoverAt('when visitor.pa<|>ge_url contains "x"')).toContain(
      '**visitor.page_url** — Visitor › Page URL',
    );
    expect(hoverAt('when visitor.page_url does no<|>t contain "x"')).toContain(
      "**does not contain** — Doesn't contain",
    );
    expect(hoverAt('when visitor.page_url is no<|>t "x"')).toContain('**is not**');
    expect(hoverAt('when visitor.page_url i<|>s not "x"')).toContain('**is not**');
    expect(hoverAt('when visitor.page_url i<|>s "x"')).toContain('**is** — Is');
    expect(hoverAt('when visitor.page_url con<|>tains "x"')).toContain('Contains at least one of');
    expect(hoverAt('when visitor.page_url contains "x" and visitor.page_title is "fr<|>"')).toBeUndefined();
    expect(hoverAt('when no<|>t visitor.page_url is "x"')).toContain('Negates');
    expect(hoverAt('when visitor.visit_history is returning<|>_user')).toContain('Returning user');
    expect(hoverAt('when a.b is "x" once_per_vis<|>it')).toContain('Once per visit');
    expect(hoverAt('when a.b is "x" dur<|>ing business_hours')).toContain('Only during business hours');
    expect(hoverAt('wh<|>en a.b is "x"')).toContain('Starts a rule');
    expect(hoverAt('when device.language is "fr-C<|>A"')).toBe('**fr-CA** — Canadian French');
  });

  it('returns null where there is nothing to say', () => {
    expect(hoverAt('when a.b is "x" <|>')).toBeUndefined();
    expect(hoverAt('when a.b is "x<|>"')).toBeUndefined();
    expect(hoverAt('a.b is "x<|>"')).toBeUndefined();
    expect(hoverAt('when <|>(a.b is "x")')).toBeUndefined();
  });

  it('names the operator being written', () => {
    expect(hoverAt('when visitor.page_url does no<|>t "x"')).toContain('**does not contain**');
  });

  it('are built once per language', () => {
    expect(createEditor(language)).toBe(createEditor(language));
    expect(createEditor(language).complete('wh', 2).items[0]?.label).toBe('when');
  });
});

describe('tokens and diagnostics', () => {
  it('classifies tokens for highlighting', () => {
    expect(tokens('when visitor.page_url is "x" for 0:30 # c\n@').map((token) => token.category)).toEqual([
      'keyword',
      'field',
      'operator',
      'string',
      'keyword',
      'number',
      'comment',
      'invalid',
    ]);
  });

  it('generates the Monarch grammar from the token table', () => {
    expect(monarchLanguage.keywords).toContain('business_hours');
    expect(monarchLanguage.operators).toEqual([
      'not',
      'is',
      'contains',
      'does',
      'contain',
      'starts',
      'with',
      'ends',
      'matches',
      'match',
      '>',
      '>=',
      '<',
      '<=',
    ]);
    expect(monarchLanguage.fields).toContain('device.language');
    const rules = monarchLanguage.tokenizer.root;
    const classify = (sample: string) =>
      rules.find(([pattern]) => new RegExp(`^(?:${pattern.source})$`).test(sample))?.[1];
    expect(classify('# note')).toBe('comment');
    expect(classify('"x"')).toBe('string');
    expect(classify('0:30')).toBe('number');
    expect(classify('(')).toBe('delimiter');
  });

  it('reports syntax and meaning problems together, in order', () => {
    expect(diagnostics('when visitor.page_ulr is "x" for 0:99').map((d) => d.code)).toEqual([
      'unknown-field',
      'duration-out-of-range',
    ]);
    expect(format('when  a.b is "x"').text).toBe('when a.b is "x" once_per_visit\n');
  });
});
