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
    const title = hoverAt('when visitor.page_url contains "x" and visitor.page_title is "Fr<|>"');
    expect(title).toBe('**"Fr"** — text, compared without regard to case, as "fr".');
    expect(hoverAt('when no<|>t visitor.page_url is "x"')).toContain('Negates');
    expect(hoverAt('when visitor.visit_history is returning<|>_user')).toContain('Returning user');
    expect(hoverAt('when a.b is "x" once_per_vis<|>it')).toContain('Once per visit');
    expect(hoverAt('when a.b is "x" dur<|>ing business_hours')).toContain('Only during business hours');
    expect(hoverAt('wh<|>en a.b is "x"')).toContain('Starts a rule');
    expect(hoverAt('when device.language is "fr-C<|>A"')).toBe('**fr-CA** — Canadian French');
  });

  it('warns about a language that is not a tag, and names the tag meant', () => {
    expect(hoverAt('when device.language is "fre<|>nch"')).toBe(
      '⚠️ **french** is not a language tag — did you mean "fr" (French)?\n\nThe IANA Language Subtag Registry has no language "french".',
    );
    expect(hoverAt('when device.language is fre<|>nch')).toContain('did you mean "fr" (French)?');
    expect(hoverAt('when device.language is ["fr", "z<|>z"]')).toContain('⚠️ **zz** is not a language tag');
    expect(hoverAt('when device.language is "i<|>w"')).toContain('write "he" instead');
  });

  it('says how long a duration is, or its limits', () => {
    expect(hoverAt('when a.b is "x" for 0:3<|>0')).toContain('**0:30** — 30 seconds on the page');
    expect(hoverAt('when a.b is "x" for 2:0<|>5')).toContain('**2:05** — 2 minutes 5 seconds on the page');
    expect(hoverAt('when a.b is "x" for 1:0<|>0')).toContain('1 minute on the page');
    expect(hoverAt('when a.b is "x" for 60:0<|>0')).toContain('60 minutes on the page');
    expect(hoverAt('when a.b is "x" for 61:0<|>0')).toBe(
      '⚠️ **61:00** is out of range. The time on the page goes from 0:01 to 60:00. To check on page load, leave out `for`.',
    );
    expect(hoverAt('when a.b is "x" for 0:0<|>0')).toContain('out of range');
    expect(hoverAt('when a.b is "x" for 0:7<|>5')).toBe(
      '⚠️ **0:75** — seconds are written with two digits, from 00 to 59. Write 1:15 for 1 minute 15 seconds. The time on the page goes from 0:01 to 60:00.',
    );
    expect(hoverAt('when a.b is "x" for 0:<|>5')).toContain('Write 0:05 for 5 seconds.');
    expect(hoverAt('when a.b is "x" for 99:<|>99')).toBe(
      '⚠️ **99:99** — seconds are written with two digits, from 00 to 59. The time on the page goes from 0:01 to 60:00.',
    );
  });

  it('says which schedule a name is, and when it does not exist', () => {
    const during = 'when a.b is "x" during business_hours "EMEA su<|>pport"';
    expect(hoverAt(during)).toBe(
      '**"EMEA support"** — schedule\n\n`during business_hours "EMEA support"` uses the business hours of the schedule "EMEA support" (in its own time zone) instead of the channel\'s.',
    );
    const { text, offset } = cursor(during);
    expect(hover(text, offset, { schedules: ['EMEA support'] })?.contents).toBe(hoverAt(during));
    expect(hover(text, offset, { schedules: ['EMEA Support', 'US'] })?.contents).toMatch(
      /^⚠️ There is no schedule named "EMEA support"\. Did you mean "EMEA Support"\? Schedules: "EMEA Support", "US"\.\n\n\*\*"EMEA support"\*\* — schedule/,
    );
    expect(hover(text, offset, { schedules: ['US'] })?.contents).toMatch(
      /^⚠️ There is no schedule named "EMEA support"\. Schedules: "US"\./,
    );
    expect(hover(text, offset, { schedules: [] })?.contents).toContain(
      "There are no named schedules: leave out the name to use the channel's business hours.",
    );
    expect(hoverAt('when a.b is "x" outside business_hours "E<|>MEA"')).toContain(
      '`outside business_hours "EMEA"`',
    );
  });

  it('says what a tag does, and how it is stored', () => {
    expect(hoverAt('when visitor.page_url is "x" tag "v<|>ip"')).toBe(
      '**vip** — tag\n\nAdded to the tickets created from the conversation this message starts.',
    );
    expect(hoverAt('when visitor.page_url is "x" tag "a", "V<|>IP"')).toContain(
      'Tags are stored in lower case: this one is added as `vip`.',
    );
    expect(hoverAt('when a.b is "x" tag "big <|>deal"')).toContain(
      'tags can\'t contain spaces: write "big_deal"',
    );
    expect(hoverAt('when a.b is "x" tag "<|>"')).toContain('a tag cannot be empty');
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
