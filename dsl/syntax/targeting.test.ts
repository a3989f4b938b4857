/**
 * The syntax of issue 12: keyed fields, numbers and booleans, comparison signs, the text operators and
 * the triggers, through the lexer, parser, printer, formatter and typo messages.
 */
import { describe, expect, it } from 'vitest';
import { check, format, language, parse, print } from '../language.ts';
import { withoutRanges, type Rule } from '../model/ast.ts';
import { encodeNumber } from './strings.ts';

const issueRule =
  'when visitor.utm_source is "newsletter" and visitor.attributes["plan"] is not "enterprise" and visitor.pages_viewed >= 2 on scroll 50% during business_hours once_per_customer tag "upsell"';

/** The words of a text, whatever the line breaks and spaces. */
const words = (text: string) => text.trim().split(/\s+/);

const problems = (text: string) =>
  parse(text).diagnostics.map((diagnostic) => ({
    code: diagnostic.code,
    at: text.slice(diagnostic.range.start, diagnostic.range.end),
    message: diagnostic.message,
    fix: diagnostic.fix?.edits[0]?.text,
  }));

describe('the issue’s rule', () => {
  it('parses verbatim, with no problem, into keyed, number and trigger nodes', () => {
    const { rule, diagnostics } = check(issueRule);
    expect(diagnostics).toEqual([]);
    expect(withoutRanges(rule)).toEqual({
      kind: 'rule',
      condition: {
        kind: 'and',
        operands: [
          {
            kind: 'comparison',
            field: 'visitor.utm_source',
            operator: 'is',
            value: { kind: 'string', value: 'newsletter' },
          },
          {
            kind: 'comparison',
            field: 'visitor.attributes',
            key: 'plan',
            operator: 'is_not',
            value: { kind: 'string', value: 'enterprise' },
          },
          {
            kind: 'comparison',
            field: 'visitor.pages_viewed',
            operator: 'greater_or_equal',
            value: { kind: 'number', value: 2 },
          },
        ],
      },
      timing: { kind: 'scroll', percent: 50 },
      timeOfDay: { kind: 'during', schedule: null },
      frequency: 'once_per_customer',
      tags: ['upsell'],
    });
  });

  it('formats keeping its tokens in order (only line breaks and indentation change)', () => {
    const formatted = format(issueRule).text;
    expect(words(formatted)).toEqual(words(issueRule));
    expect(format(formatted).text).toBe(formatted);
  });
});

describe('values and operators', () => {
  it('reads numbers (decimals, negatives), booleans and keys, and prints them back', () => {
    const text =
      'when visitor.attributes["balance"] < -0.5 and event.properties["gift"] is true and visitor.query["ref"] matches "a*b"';
    const rule = parse(text).rule as Rule;
    expect(rule.condition).toMatchObject({
      operands: [
        { key: 'balance', operator: 'less_than', value: { kind: 'number', value: -0.5 } },
        { key: 'gift', value: { kind: 'boolean', value: true } },
        { key: 'ref', operator: 'matches' },
      ],
    });
    expect(print(rule)).toBe(
      `${text.replace(' and event', '\n  and event').replace(' and visitor.query', '\n  and visitor.query')}\nonce_per_visit\n`,
    );
  });

  it('writes keys as strings, escapes included', () => {
    const rule = parse('when visitor.query["a \\"b\\""] is "x"').rule as Rule;
    expect(rule.condition).toMatchObject({ key: 'a "b"', keyRange: { start: 19, end: 28 } });
    expect(print(rule)).toBe('when visitor.query["a \\"b\\""] is "x" once_per_visit\n');
  });

  it('reads every comparison sign, and signs that are not operators as one typo', () => {
    for (const [sign, name] of [
      ['>', 'greater_than'],
      ['>=', 'greater_or_equal'],
      ['<', 'less_than'],
      ['<=', 'less_or_equal'],
    ]) {
      expect(parse(`when visitor.pages_viewed ${sign} 3`).rule?.condition).toMatchObject({ operator: name });
    }
    expect(problems('when visitor.pages_viewed => 3')).toEqual([
      expect.objectContaining({ code: 'syntax', at: '=>', fix: '>=' }),
    ]);
    expect(problems('when visitor.pages_viewed =< 3')[0]).toMatchObject({ at: '=<', fix: '<=' });
    expect(problems('when visitor.pages_viewed == 3')[0]).toMatchObject({ at: '==', fix: 'is' });
    expect(problems('when visitor.pages_viewed != 3')[0]).toMatchObject({ at: '!=', fix: 'is not' });
    expect(problems('when visitor.pages_viewed <> 3')[0]).toMatchObject({ at: '<>', fix: 'is not' });
    expect(problems('when visitor.pages_viewed >== 3')[0]).toMatchObject({ at: '>==' });
  });

  it('prints numbers so that they read back the same, whatever their size', () => {
    for (const number of [0, 3, -2, 12.5, 0.1 + 0.2, 1e21, 1.5e-7, -1e-7, 5e-324, Number.MAX_VALUE]) {
      const rule = parse(`when visitor.pages_viewed is ${encodeNumber(number)}`).rule as Rule;
      expect(rule.condition).toMatchObject({ value: { value: number } });
    }
    expect(encodeNumber(1e21)).toBe('1000000000000000000000');
    expect(encodeNumber(-1.5e-7)).toBe('-0.00000015');
  });
});

describe('triggers', () => {
  it('read and print every trigger', () => {
    for (const clause of [
      'for 0:30',
      'for 2:00 on_site',
      'on exit_intent',
      'on scroll 75%',
      'on idle 0:30',
      'on event "added_to_cart"',
    ]) {
      const text = `when visitor.page_url contains "x" ${clause} once_per_visit\n`;
      expect(print(parse(text).rule as Rule)).toBe(text);
    }
  });

  it('say what goes after `on`, and that a rule has one trigger', () => {
    expect(problems('when a.b is "x" on click')[0]?.message).toBe(
      'Expected a trigger but found `click`. After `on` comes exit_intent, scroll N% (e.g. scroll 50%), idle M:SS (e.g. idle 0:30) or event "name".',
    );
    expect(problems('when a.b is "x" on exit_intent for 0:30')[0]).toMatchObject({
      code: 'duplicate-clause',
      message: 'This rule already says when to check (its trigger) (line 1). Keep one of them.',
    });
    expect(problems('when a.b is "x" once_per_visit junk')[0]?.message).toContain(
      'for M:SS [on_site] or on exit_intent / scroll N% / idle M:SS / event "name"',
    );
  });

  it('explain numbers written where a duration or a percentage goes', () => {
    expect(problems('when a.b is "x" for 30')).toEqual([
      {
        code: 'invalid-duration',
        at: '30',
        message: 'Write the time on the page as minutes:seconds: for 0:30 is 30 seconds.',
        fix: '0:30',
      },
    ]);
    expect(problems('when a.b is "x" on idle 90')).toEqual([
      {
        code: 'invalid-duration',
        at: '90',
        message: 'Write the idle time as minutes:seconds: idle 1:30 is 90 seconds.',
        fix: '1:30',
      },
    ]);
    expect(problems('when a.b is "x" on scroll 50')).toEqual([
      {
        code: 'syntax',
        at: '50',
        message: 'Write the scroll depth as a percentage: on scroll 50%.',
        fix: '50%',
      },
    ]);
    expect(problems('when a.b is "x" on idle 1.5')[0]?.code).toBe('syntax');
    expect(problems('when a.b is "x" on 5')[0]?.message).toMatch(/^Expected a trigger but found `5`/);
    expect(problems('when a.b is "x" on event 5')[0]?.message).toMatch(
      /^Expected a "quoted string" but found `5`/,
    );
    expect(problems('when a.b is "x" on idle 0:5')[0]).toMatchObject({
      code: 'invalid-duration',
      fix: '0:05',
    });
  });

  it('take keywords written with spaces for what they meant', () => {
    expect(problems('when a.b is "x" on exit intent')[0]).toMatchObject({
      at: 'exit intent',
      fix: 'exit_intent',
    });
  });

  it('are keywords that do not shadow the fields they begin', () => {
    expect(language.syntax.vocabulary.keywords).toEqual(
      expect.arrayContaining([
        'on',
        'on_site',
        'exit_intent',
        'scroll',
        'idle',
        'event',
        'true',
        'false',
        '>=',
      ]),
    );
    expect(parse('when event.properties["on"] is "event" on event "on"').rule?.timing).toEqual({
      kind: 'custom',
      name: 'on',
      range: expect.anything(),
    });
  });
});
