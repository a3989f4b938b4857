import { describe, expect, it } from 'vitest';
import { withoutRanges, type Comparison, type Rule } from '../model/ast.ts';
import { language, parse } from '../language.ts';
import { joinAlternatives } from './grammar.ts';

function ruleOf(text: string): Rule {
  const result = parse(text);
  expect(result.diagnostics).toEqual([]);
  return withoutRanges(result.rule as Rule);
}

const pricing: Comparison = {
  kind: 'comparison',
  field: 'visitor.page_url',
  operator: 'contains',
  value: { kind: 'string', value: 'pricing' },
};

describe('parse', () => {
  it("parses the user's example verbatim", () => {
    expect(
      ruleOf('when visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit'),
    ).toEqual({
      kind: 'rule',
      condition: pricing,
      timing: { kind: 'on_page', minutes: 0, seconds: 30 },
      timeOfDay: { kind: 'during', schedule: null },
      frequency: 'once_per_visit',
      tags: [],
    });
  });

  it('fills the defaults: page load, any time, once per visit, no tags', () => {
    expect(ruleOf('when visitor.page_url contains "pricing"')).toEqual({
      kind: 'rule',
      condition: pricing,
      timing: { kind: 'page_load' },
      timeOfDay: { kind: 'anytime' },
      frequency: 'once_per_visit',
      tags: [],
    });
  });

  it('reads every operator', () => {
    const operatorOf = (text: string) =>
      (ruleOf(`when visitor.page_title ${text} "x"`).condition as Comparison).operator;
    expect(operatorOf('is')).toBe('is');
    expect(operatorOf('is not')).toBe('is_not');
    expect(operatorOf('contains')).toBe('contains');
    expect(operatorOf('does not contain')).toBe('does_not_contain');
  });

  it('reads lists, symbols and escapes', () => {
    const rule = ruleOf(
      'when visitor.page_url contains ["pricing", "plans"] and visitor.visit_history is returning_user and visitor.page_title is "Say \\"hi\\" \\u{1F44B}\\n\\t\\\\ 👋"',
    );
    expect(rule.condition).toEqual({
      kind: 'and',
      operands: [
        {
          ...pricing,
          value: {
            kind: 'list',
            items: [
              { kind: 'string', value: 'pricing' },
              { kind: 'string', value: 'plans' },
            ],
          },
        },
        {
          kind: 'comparison',
          field: 'visitor.visit_history',
          operator: 'is',
          value: { kind: 'symbol', name: 'returning_user' },
        },
        {
          kind: 'comparison',
          field: 'visitor.page_title',
          operator: 'is',
          value: { kind: 'string', value: 'Say "hi" 👋\n\t\\ 👋' },
        },
      ],
    });
  });

  it('gives and precedence over or, and not over and', () => {
    const rule = ruleOf('when not a.x is "1" and a.y is "2" or a.z is "3"');
    expect(rule.condition.kind).toBe('or');
    const [left] = (rule.condition as { operands: Rule['condition'][] }).operands;
    expect(left?.kind).toBe('and');
    expect((left as { operands: Rule['condition'][] }).operands[0]?.kind).toBe('not');
  });

  it('flattens same-kind groups and drops redundant parentheses', () => {
    expect(ruleOf('when (a.x is "1" and (a.y is "2")) and a.z is "3"').condition).toEqual(
      ruleOf('when a.x is "1" and a.y is "2" and a.z is "3"').condition,
    );
    expect(ruleOf('when ((((a.x is "1"))))').condition.kind).toBe('comparison');
  });

  it('keeps groups that change the meaning, to any depth', () => {
    const rule = ruleOf(
      'when a.x is "1" and (a.y is "2" or not (a.z is "3" and (a.w is "4" or a.v is "5")))',
    );
    expect(JSON.stringify(rule.condition)).toContain('"kind":"or"');
    expect(rule.condition).toMatchObject({
      kind: 'and',
      operands: [
        { kind: 'comparison' },
        { kind: 'or', operands: [{}, { kind: 'not', operand: { kind: 'and' } }] },
      ],
    });
  });

  it('reads clauses in any order, with free whitespace and newlines', () => {
    const rule = ruleOf(
      'when\n  visitor.page_url contains "pricing"\ntag "VIP", "Sales", "vip"\nevery_time\noutside business_hours "EMEA support"\nfor 12:05',
    );
    expect(rule).toMatchObject({
      timing: { kind: 'on_page', minutes: 12, seconds: 5 },
      timeOfDay: { kind: 'outside', schedule: 'EMEA support' },
      frequency: 'every_time',
      tags: ['vip', 'sales'],
    });
    expect(ruleOf('when a.b is "x" anytime once_per_customer').timeOfDay).toEqual({ kind: 'anytime' });
    expect(ruleOf('when a.b is "x" once_per_customer').frequency).toBe('once_per_customer');
  });

  it('records source ranges of nodes', () => {
    const text = 'when (visitor.page_url contains "x" or a.b is "y") for 0:30 tag "a"';
    const rule = parse(text).rule as Rule;
    expect(rule.range).toEqual({ start: 0, end: text.length });
    expect(text.slice(rule.condition.range?.start, rule.condition.range?.end)).toBe(
      '(visitor.page_url contains "x" or a.b is "y")',
    );
    expect(text.slice(rule.timing.range?.start, rule.timing.range?.end)).toBe('for 0:30');
    expect(rule.tagRanges?.map((range) => text.slice(range.start, range.end))).toEqual(['"a"']);
  });

  describe('comments', () => {
    it('attaches comments to the rule and to comparisons', () => {
      const rule = ruleOf(
        [
          '# Greets pricing visitors',
          'when visitor.page_url contains "pricing" # the pricing pages',
          '  # only people who came back',
          '  and (visitor.visit_history is returning_user or device.language is "fr") # French too',
          'for 0:30',
          '# owner: sales',
        ].join('\n'),
      );
      expect(rule.comments).toEqual({ before: ['Greets pricing visitors'], end: ['owner: sales'] });
      const [first, group] = (rule.condition as { operands: Rule['condition'][] }).operands as [
        Comparison,
        { operands: Comparison[] },
      ];
      expect(first.comments).toEqual({ after: 'the pricing pages' });
      expect(group.operands[0]?.comments).toEqual({ before: ['only people who came back'] });
      expect(group.operands[1]?.comments).toEqual({ after: 'French too' });
    });

    it('moves a comment after a keyword to the next comparison, and clause comments to the end', () => {
      const rule = ruleOf('when # why\n  a.b is "x" and\n  a.c is "y" for 0:30 # half a minute');
      const [first] = (rule.condition as { operands: Comparison[] }).operands;
      expect(first?.comments).toEqual({ before: ['why'] });
      expect(rule.comments).toEqual({ end: ['half a minute'] });
    });

    it('keeps the exact text after "# "', () => {
      const rule = ruleOf('when a.b is "x" #  two spaces\r\n#no space\n#');
      expect(rule.condition).toMatchObject({ comments: { after: ' two spaces' } });
      expect(rule.comments).toEqual({ end: ['no space', ''] });
    });
  });

  describe('errors', () => {
    const errorsOf = (text: string) =>
      parse(text).diagnostics.map((d) => ({
        code: d.code,
        at: text.slice(d.range.start, d.range.end),
        message: d.message,
      }));

    it('says what was expected and where', () => {
      const [error] = errorsOf('when visitor.page_url contanis "x"');
      expect(error).toMatchObject({ code: 'syntax', at: 'contanis' });
      expect(error?.message).toContain('Expected an operator');
      expect(error?.message).toContain('is, is not, contains, does not contain');
    });

    it('points at the end when the text stops early', () => {
      const text = 'when visitor.page_url is';
      const [error] = parse(text).diagnostics;
      expect(error?.range).toEqual({ start: text.length, end: text.length });
      expect(error?.message).toBe(
        'Expected a value but found the end of the rule. A value is a "quoted string", a ["list", "of strings"], a number such as 3, true, false or a word such as returning_user.',
      );
    });

    it('explains that keywords are lower-case', () => {
      expect(errorsOf('WHEN a.b is "x"')[0]?.message).toContain('keywords are lower-case: write `when`');
    });

    it('reports a missing closing parenthesis', () => {
      expect(errorsOf('when (a.b is "x" or a.c is "y"')[0]?.message).toContain('Expected `)`');
    });

    it('reports text after the rule', () => {
      expect(errorsOf('when a.b is "x" "y"')[0]).toMatchObject({ at: '"y"' });
      expect(errorsOf('when a.b is "x" "y"')[0]?.message).toContain('Unexpected `"y"`');
    });

    it('explains an unfinished field name', () => {
      expect(errorsOf('when visitor.')[0]?.message).toBe(
        'The field name `visitor.` is incomplete. Finish it, e.g. visitor.page_url.',
      );
      expect(errorsOf('when device.')[0]?.message).toContain('e.g. device.language');
    });

    it('reports an empty rule and stray characters', () => {
      expect(errorsOf('  # only a comment\n')).toMatchObject([{ code: 'empty-rule' }]);
      expect(errorsOf('when a.b is "x" @')).toMatchObject([{ code: 'syntax', at: '@' }]);
    });

    it('reports an unterminated string with a fix', () => {
      const result = parse('when a.b is "open');
      expect(result.rule).toBeNull();
      expect(result.diagnostics).toMatchObject([
        { code: 'unterminated-string', fix: { edits: [{ range: { start: 17, end: 17 }, text: '"' }] } },
      ]);
    });

    it('reports bad escapes', () => {
      expect(errorsOf('when a.b is "\\q"')).toMatchObject([{ code: 'invalid-escape', at: '\\q' }]);
      expect(errorsOf('when a.b is "\\u{110000}"')).toMatchObject([
        { code: 'invalid-escape', at: '\\u{110000}' },
      ]);
    });

    it('reports durations without two-digit seconds', () => {
      const [error] = parse('when a.b is "x" for 1:5').diagnostics;
      expect(error).toMatchObject({ code: 'invalid-duration', fix: { edits: [{ text: '1:05' }] } });
      expect(parse('when a.b is "x" for 0:120').diagnostics[0]?.fix?.edits[0]?.text).toBe('2:00');
    });

    it('reports a clause written twice', () => {
      const text = 'when a.b is "x" once_per_visit\nevery_time';
      expect(errorsOf(text)).toMatchObject([{ code: 'duplicate-clause', at: 'every_time' }]);
      expect(errorsOf(text)[0]?.message).toContain('line 1');
    });

    it('reports errors on several lines in one pass', () => {
      expect(errorsOf('when a.b is\n  and a.c contanis "y"').length).toBeGreaterThanOrEqual(1);
      const codes = errorsOf('when a.b is "\\q" and a.c is "\\z"').map((d) => d.code);
      expect(codes).toEqual(['invalid-escape', 'invalid-escape']);
    });
  });
});

describe('syntax error wording', () => {
  it('names each expected alternative once, the last after "or"', () => {
    expect(joinAlternatives(['a field'])).toBe('a field');
    expect(joinAlternatives(['`(`', 'a field', 'a field'])).toBe('`(` or a field');
    expect(joinAlternatives(['`(`', '`not`', 'a field'])).toBe('`(`, `not` or a field');
  });
});

describe('the grammar', () => {
  it('recognises a rule without building anything when no parse asked it to (completion uses it so)', () => {
    const { grammar, vocabulary } = language.syntax;
    grammar.input = vocabulary.lexer.tokenize(
      'when device.language is not ["fr", "de"] and a.b["k"] is 1',
    ).tokens;
    expect(grammar.rule()).toBeUndefined();
    expect(grammar.errors).toEqual([]);
    expect(
      language.parse('when device.language is not ["fr", "de"] and a.b["k"] is 1').rule?.condition,
    ).toMatchObject({
      kind: 'and',
      operands: [
        { operator: 'is_not', value: { kind: 'list' } },
        { key: 'k', value: { kind: 'number', value: 1 } },
      ],
    });
  });
});
