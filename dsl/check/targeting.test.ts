/**
 * The validator on issue 12's syntax: keys of keyed fields, the operators of typed facts, the limits of
 * the triggers. (Values of the number, boolean and attribute kinds: kinds/typed.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { check, validate } from '../language.ts';
import type { Rule } from '../model/ast.ts';

const problems = (text: string) =>
  check(text).diagnostics.map((diagnostic) => ({
    code: diagnostic.code,
    at: text.slice(diagnostic.range.start, diagnostic.range.end),
    message: diagnostic.message,
    fix: diagnostic.fix?.edits[0]?.text,
  }));

describe('keys', () => {
  it('are required by keyed fields, and refused by the others', () => {
    expect(problems('when visitor.attributes is "pro"')).toEqual([
      {
        code: 'missing-key',
        at: 'visitor.attributes',
        message:
          'visitor.attributes needs the attribute to compare, in brackets: visitor.attributes["plan"].',
        fix: undefined,
      },
    ]);
    expect(problems('when visitor.query[" "] is "x"')[0]).toMatchObject({ code: 'missing-key', at: '" "' });
    expect(problems('when visitor.page_url["x"] contains "y"')).toEqual([
      {
        code: 'unexpected-key',
        at: '"x"',
        message: 'visitor.page_url has no keys: write visitor.page_url is "pricing", without ["x"].',
        fix: undefined,
      },
    ]);
  });

  it('are checked in ASTs built without text too', () => {
    const rule = check('when visitor.query["ref"] is "x"').rule as Rule;
    const condition = {
      kind: 'comparison',
      field: 'visitor.page_url',
      key: 'x',
      operator: 'is',
      value: { kind: 'string', value: 'y' },
    };
    expect(
      validate({ ...rule, condition } as Rule).map((diagnostic) => [diagnostic.code, diagnostic.range]),
    ).toEqual([['unexpected-key', { start: 0, end: 0 }]]);
    const keyless = { ...condition, field: 'visitor.query', key: undefined };
    expect(validate({ ...rule, condition: keyless } as Rule).map((diagnostic) => diagnostic.code)).toEqual([
      'missing-key',
    ]);
  });
});

describe('values of another type', () => {
  it('are quoted for text fields and refused for words', () => {
    expect(problems('when visitor.page_title is 5')).toEqual([
      {
        code: 'invalid-value',
        at: '5',
        message: 'Put the value in double quotes: "5". visitor.page_title compares text, not a number.',
        fix: '"5"',
      },
    ]);
    expect(problems('when visitor.utm_source is true')[0]).toMatchObject({
      message: 'Put the value in double quotes: "true". visitor.utm_source compares text, not true.',
      fix: '"true"',
    });
    expect(problems('when device.type is 3')[0]).toMatchObject({
      code: 'invalid-value',
      message: 'device.type takes a word without quotes: mobile or tablet or desktop.',
    });
  });

  it('name an operator the catalog does not have as it is written in the AST', () => {
    const rule = check('when visitor.page_url is "x"').rule as Rule;
    const condition = { ...rule.condition, operator: 'resembles' };
    expect(validate({ ...rule, condition } as Rule)[0]?.message).toBe(
      "visitor.page_url can't use `resembles`. Use is or is not or contains or does not contain or starts with or ends with or matches or does not match.",
    );
  });
});

describe('typed facts', () => {
  it('point at the operator that does not compare the value’s type', () => {
    expect(problems('when visitor.attributes["plan"]  >  "pro"')[0]?.at).toBe(' > ');
    expect(problems('when visitor.attributes["plan"] > "pro"')[0]?.at).toBe('>');
  });
});

describe('triggers', () => {
  it('wait from 0:01 to 60:00, seconds from 00 to 59', () => {
    expect(problems('when a.b is "x" for 61:00 on_site').at(-1)).toEqual({
      code: 'duration-out-of-range',
      at: 'for 61:00 on_site',
      message: 'The time on the site must be from 0:01 to 60:00 (it is 61:00).',
      fix: undefined,
    });
    expect(problems('when a.b is "x" on idle 0:00').at(-1)).toMatchObject({
      message: 'The idle time must be from 0:01 to 60:00 (it is 0:00).',
    });
    expect(problems('when a.b is "x" for 0:00').at(-1)).toMatchObject({
      message:
        'The time on the page must be from 0:01 to 60:00 (it is 0:00). To check on page load, leave out `for`.',
    });
    expect(problems('when a.b is "x" on idle 1:75').at(-1)).toEqual({
      code: 'duration-out-of-range',
      at: 'on idle 1:75',
      message: 'Seconds go from 00 to 59: write 2:15 for 135 seconds.',
      fix: 'on idle 2:15',
    });
    expect(problems('when a.b is "x" for 0:90 on_site').at(-1)).toMatchObject({ fix: 'for 1:30 on_site' });
  });

  it('scroll from 1% to 100%', () => {
    expect(problems('when a.b is "x" on scroll 0%').at(-1)).toEqual({
      code: 'percent-out-of-range',
      at: 'on scroll 0%',
      message: 'The scroll depth goes from 1% to 100% (it is 0%).',
      fix: 'on scroll 1%',
    });
    expect(problems('when a.b is "x" on scroll 101%').at(-1)).toMatchObject({ fix: 'on scroll 100%' });
    expect(problems('when visitor.page_url is "x" on scroll 100%')).toEqual([]);
  });

  it('wait for a named event', () => {
    expect(problems('when visitor.page_url is "x" on event " "')).toEqual([
      {
        code: 'invalid-event-name',
        at: 'on event " "',
        message:
          "Name the event the site tracks, as it calls proactive('track', 'name'): on event \"added_to_cart\".",
        fix: undefined,
      },
    ]);
    expect(problems('when visitor.page_url is "x" on event "a"')).toEqual([]);
    expect(problems('when visitor.page_url is "x" on exit_intent')).toEqual([]);
  });
});

describe('patterns', () => {
  it('warn when they match everything, or one text only', () => {
    expect(problems('when visitor.page_url matches "*"')).toEqual([
      {
        code: 'empty-value',
        at: '"*"',
        message: 'The pattern "*" matches every page url. Type the text around the *, e.g. "*/blog/*".',
        fix: undefined,
      },
    ]);
    expect(problems('when visitor.page_title does not match ["pricing", "*x*"]')).toEqual([
      {
        code: 'no-wildcard',
        at: '"pricing"',
        message:
          '"pricing" has no *: matches compares the whole page title, so only "pricing" itself matches. Write "*pricing*" to find it anywhere, or use is.',
        fix: '"*pricing*"',
      },
    ]);
    expect(problems('when visitor.attributes["plan"] matches ""')[0]).toMatchObject({
      code: 'no-wildcard',
      fix: undefined,
    });
    expect(problems('when visitor.page_url matches "https://*.acme.test/*"')).toEqual([]);
    expect(problems('when visitor.page_url contains ""')[0]?.code).toBe('empty-value');
  });
});
