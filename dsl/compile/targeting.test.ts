/**
 * The compiled form of issue 12's rules, checked by the server's schema; rules written before compile
 * exactly as they did (`COMPILED_VERSION` stays 1).
 */
import { describe, expect, it } from 'vitest';
import { compile, compiledRuleSchema, parse } from '../language.ts';
import type { Rule } from '../model/ast.ts';
import type { CompiledRule } from './compiled.ts';

const compiled = (text: string) => compile(parse(text).rule as Rule);
const issues = (value: unknown) => {
  const result = compiledRuleSchema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('compiled rules', () => {
  it('of the seed language are the same JSON as before (as the compiler of ed41d9d wrote them)', () => {
    const before: [string, string][] = [
      [
        'when (visitor.page_url contains "Pricing" or visitor.page_title is ["A", "B"]) and not device.language is "fr-ca" and visitor.visit_history is returning_user for 0:30 outside business_hours "EMEA" every_time tag "VIP"',
        '{"v":1,"when":{"t":"and","of":[{"t":"or","of":[{"t":"cmp","field":"visitor.page_url","match":"url","op":"contains","values":["pricing"]},{"t":"cmp","field":"visitor.page_title","match":"text","op":"is","values":["a","b"]}]},{"t":"not","of":{"t":"cmp","field":"device.language","match":"language","op":"is","values":["fr-ca"]}},{"t":"cmp","field":"visitor.visit_history","match":"symbol","op":"is","values":["returning_user"]}]},"event":{"type":"on_page","seconds":30},"time_of_day":{"mode":"outside","schedule":"EMEA"},"frequency":"every_time","tags":["vip"]}',
      ],
      [
        'when visitor.page_url is "https://Acme.test/Caf%C3%A9/" and visitor.page_title does not contain ["STRAẞE", "x"] during business_hours once_per_customer',
        '{"v":1,"when":{"t":"and","of":[{"t":"cmp","field":"visitor.page_url","match":"url","op":"is","values":["https://acme.test/café/"]},{"t":"cmp","field":"visitor.page_title","match":"text","op":"does_not_contain","values":["strasse","x"]}]},"event":{"type":"page_load"},"time_of_day":{"mode":"during","schedule":"default"},"frequency":"once_per_customer","tags":[]}',
      ],
      [
        'when device.language is not ["pt-br", "EN"] or visitor.page_url does not contain "xn--bcher-kva.example"',
        '{"v":1,"when":{"t":"or","of":[{"t":"cmp","field":"device.language","match":"language","op":"is_not","values":["pt-br","en"]},{"t":"cmp","field":"visitor.page_url","match":"url","op":"does_not_contain","values":["bücher.example"]}]},"event":{"type":"page_load"},"time_of_day":{"mode":"anytime"},"frequency":"once_per_visit","tags":[]}',
      ],
    ];
    for (const [text, json] of before) expect(JSON.stringify(compiled(text))).toBe(json);
  });

  it('of the issue’s rule', () => {
    expect(
      compiled(
        'when visitor.utm_source is "Newsletter" and visitor.attributes["plan"] is not "enterprise" and visitor.pages_viewed >= 2 on scroll 50% during business_hours once_per_customer tag "upsell"',
      ),
    ).toEqual({
      v: 1,
      when: {
        t: 'and',
        of: [
          { t: 'cmp', field: 'visitor.utm_source', match: 'text', op: 'is', values: ['newsletter'] },
          {
            t: 'cmp',
            field: 'visitor.attributes',
            key: 'plan',
            match: 'attribute',
            op: 'is_not',
            values: ['enterprise'],
          },
          { t: 'cmp', field: 'visitor.pages_viewed', match: 'number', op: 'greater_or_equal', values: [2] },
        ],
      },
      event: { type: 'scroll', percent: 50 },
      time_of_day: { mode: 'during', schedule: 'default' },
      frequency: 'once_per_customer',
      tags: ['upsell'],
    });
  });

  it('pass the schema, every trigger included', () => {
    for (const text of [
      'when visitor.referrer matches "*google*" for 2:00 on_site',
      'when visitor.query["ref"] starts with "x" on exit_intent',
      'when device.type is not mobile on idle 0:30',
      'when event.properties["value"] > 1.5 and event.properties["gift"] is true on event "buy"',
    ]) {
      expect(issues(compiled(text))).toEqual([]);
    }
  });

  it('are refused by the schema when keys, kinds, operators or values do not fit the field', () => {
    const rule = compiled('when visitor.pages_viewed >= 2');
    const cmp = (when: object) => issues({ ...rule, when: { t: 'cmp', ...when } } as CompiledRule);
    const seats = {
      field: 'visitor.attributes',
      key: 'seats',
      match: 'number',
      op: 'greater_than',
      values: [1],
    };
    expect(cmp(seats)).toEqual([]);
    expect(cmp({ ...seats, match: 'url' })).toEqual([
      'when.match: visitor.attributes is matched as "attribute" or "number" or "boolean"',
    ]);
    expect(cmp({ ...seats, op: 'contains' })).toEqual([
      'when.op: the number kind allows is, is_not, greater_than, greater_or_equal, less_than, less_or_equal, not contains',
    ]);
    expect(cmp({ ...seats, values: ['1'] })).toEqual(['when.values: number values are numbers']);
    expect(cmp({ ...seats, key: undefined })).toEqual(['when.key: visitor.attributes needs a key']);
    expect(cmp({ ...seats, field: 'visitor.pages_viewed', match: 'number' })).toEqual([
      'when.key: visitor.pages_viewed has no keys',
    ]);
    expect(cmp({ ...seats, key: '' }).join()).toContain('a key is not empty');
    expect(cmp({ field: 'visitor.page_url', match: 'url', op: 'greater_than', values: ['x'] })[0]).toContain(
      'visitor.page_url allows is, is_not',
    );
  });

  it('are refused by the schema for malformed events', () => {
    const rule = compiled('when visitor.pages_viewed >= 2');
    for (const event of [
      { type: 'scroll', percent: 0 },
      { type: 'scroll', percent: 101 },
      { type: 'idle', seconds: 0 },
      { type: 'on_site', seconds: 3601 },
      { type: 'custom', name: '' },
      { type: 'exit_intent', seconds: 1 },
    ]) {
      expect(issues({ ...rule, event }).length).toBeGreaterThan(0);
    }
    expect(issues({ ...rule, event: { type: 'idle', seconds: 3600 } })).toEqual([]);
  });
});
