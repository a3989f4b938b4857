import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog/catalog.ts';
import { check } from '../language.ts';
import { createVocabulary } from './lexer.ts';
import { createTypos } from './typos.ts';

/** The diagnostics of a text: code, the text they underline, message and the fix's replacement. */
function problems(text: string) {
  return check(text).diagnostics.map((diagnostic) => ({
    code: diagnostic.code,
    at: text.slice(diagnostic.range.start, diagnostic.range.end),
    message: diagnostic.message,
    fix: diagnostic.fix?.edits.map((edit) => edit.text).join('|'),
  }));
}

const url = 'when visitor.page_url contains "pricing"';

describe('messages for the typos admins make', () => {
  it('`for 30`: write 0:30', () => {
    expect(problems(`${url} for 30`)).toEqual([
      {
        code: 'invalid-duration',
        at: '30',
        message: 'Write the time on the page as minutes:seconds: for 0:30 is 30 seconds.',
        fix: '0:30',
      },
    ]);
    expect(problems(`${url} for 90`)[0]).toMatchObject({ fix: '1:30' });
  });

  it('keywords written with spaces: did you mean once_per_visit?', () => {
    expect(problems(`${url} once per visit`)).toEqual([
      {
        code: 'syntax',
        at: 'once per visit',
        message: 'Did you mean once_per_visit? Keywords are one word, joined with underscores.',
        fix: 'once_per_visit',
      },
    ]);
    expect(problems(`${url} every time`)[0]).toMatchObject({ at: 'every time', fix: 'every_time' });
    expect(problems(`${url} during business hours`)[0]).toMatchObject({
      at: 'business hours',
      fix: 'business_hours',
    });
  });

  it('near-miss clause words: once_per_session, tags', () => {
    expect(problems(`${url} once_per_session`)).toEqual([
      {
        code: 'syntax',
        at: 'once_per_session',
        message: 'Unknown word `once_per_session`. Did you mean once_per_visit?',
        fix: 'once_per_visit',
      },
    ]);
    expect(problems(`${url} once_per_user`)[0]).toMatchObject({ fix: 'once_per_customer' });
    expect(problems(`${url} tags "vip"`)[0]).toMatchObject({ at: 'tags', fix: 'tag' });
    expect(problems(`${url} annd visitor.page_title is "x"`)[0]).toMatchObject({ at: 'annd', fix: 'and' });
  });

  it('operators from other languages: write is', () => {
    expect(problems('when visitor.page_url == "x"')).toEqual([
      {
        code: 'syntax',
        at: '==',
        message:
          'Expected an operator but found `==`: write `is`. Operators: is, is not, contains, does not contain, starts with, ends with, matches, does not match, >, >=, <, <=.',
        fix: 'is',
      },
    ]);
    expect(problems('when visitor.page_url != "x"')[0]).toMatchObject({ at: '!=', fix: 'is not' });
    expect(problems('when visitor.page_url equals "x"')[0]).toMatchObject({ fix: 'is' });
    expect(problems('when visitor.page_url contians "x"')[0]).toMatchObject({ fix: 'contains' });
    expect(problems('when ! visitor.page_url is "x"')).toEqual([
      { code: 'syntax', at: '!', message: 'Write `not` instead of `!`.', fix: 'not' },
    ]);
  });

  it('keeps the grammar message where no typo is likely', () => {
    expect(problems('when visitor.page_url is 5:00')[0]?.message).toMatch(
      /^Expected a value but found `5:00`/,
    );
    expect(problems('when visitor.page_url is "x" ( ')[0]?.message).toMatch(/^Unexpected `\(`/);
    expect(problems('when ( visitor.page_url is "x"')[0]?.message).toMatch(/^Expected `\)`/);
    expect(problems('when visitor.page_url ! "x"')[0]?.message).toMatch(
      /^Expected an operator but found `!`/,
    );
    expect(problems('when visitor.page_url is "x" for 0:30 xyzzy')[0]?.code).toBe('syntax');
  });

  it('lists every diagnostic in text order, lexer and grammar errors alike', () => {
    const text = 'when visitor.page_url "x"\n  and visitor.page_title is "y" ~';
    const starts = check(text).diagnostics.map((diagnostic) => diagnostic.range.start);
    expect(starts).toHaveLength(2);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('offers no typo past the last token, or for a word where a field was expected', () => {
    const typoAt = createTypos(catalog);
    const text = 'when visitr.page_url is "x"';
    const { tokens } = createVocabulary(catalog).lexer.tokenize(text);
    expect(typoAt(tokens, tokens.length, ['rule'], text)).toBeUndefined();
    expect(typoAt(tokens, 1, ['rule', 'comparison'], text)).toBeUndefined();
    expect(typoAt(tokens, 1, ['rule', 'clauses'], text)).toBeUndefined();
  });
});
