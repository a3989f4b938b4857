import { describe, expect, it } from 'vitest';
import type { Rule } from '../model/ast.ts';
import { compile } from '../language.ts';
import { CompileError } from './compile.ts';
import { parse } from '../language.ts';
import { createEvaluator } from '../runtime/evaluator.ts';

const ruleOf = (text: string): Rule => {
  const parsed = parse(text);
  expect(parsed.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  return parsed.rule as Rule;
};

describe('compile', () => {
  it("compiles the user's example", () => {
    expect(
      compile(
        ruleOf('when visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit'),
      ),
    ).toEqual({
      v: 1,
      when: { t: 'cmp', field: 'visitor.page_url', match: 'url', op: 'contains', values: ['pricing'] },
      event: { type: 'on_page', seconds: 30 },
      time_of_day: { mode: 'during', schedule: 'default' },
      frequency: 'once_per_visit',
      tags: [],
    });
  });

  it('normalises values: folded text, canonical lower-case languages, symbols as they are, duplicates once', () => {
    const compiled = compile(
      ruleOf(
        'when (visitor.page_title is ["Été", "ÉTÉ", "Plans"] or device.language is ["pt-br", "FR"]) and not visitor.visit_history is returning_user',
      ),
    );
    expect(compiled.when).toEqual({
      t: 'and',
      of: [
        {
          t: 'or',
          of: [
            { t: 'cmp', field: 'visitor.page_title', match: 'text', op: 'is', values: ['été', 'plans'] },
            { t: 'cmp', field: 'device.language', match: 'language', op: 'is', values: ['pt-br', 'fr'] },
          ],
        },
        {
          t: 'not',
          of: {
            t: 'cmp',
            field: 'visitor.visit_history',
            match: 'symbol',
            op: 'is',
            values: ['returning_user'],
          },
        },
      ],
    });
  });

  it('compiles timing, named schedules, frequency and tags', () => {
    const compiled = compile(
      ruleOf(
        'when visitor.page_url does not contain "checkout" for 2:05 outside business_hours "EMEA support" every_time tag "VIP", "sales"',
      ),
    );
    expect(compiled.event).toEqual({ type: 'on_page', seconds: 125 });
    expect(compiled.time_of_day).toEqual({ mode: 'outside', schedule: 'EMEA support' });
    expect(compiled.frequency).toBe('every_time');
    expect(compiled.tags).toEqual(['vip', 'sales']);
    expect(compile(ruleOf('when visitor.page_url is "x" anytime')).time_of_day).toEqual({ mode: 'anytime' });
    expect(compile(ruleOf('when visitor.page_url is "x"')).event).toEqual({ type: 'page_load' });
  });

  it('keeps a non-canonicalisable language lower-cased (only reachable through a hand-made AST)', () => {
    const rule = ruleOf('when device.language is "fr"');
    const comparison = rule.condition as Extract<Rule['condition'], { kind: 'comparison' }>;
    comparison.value = { kind: 'string', value: 'FR' };
    expect(compile(rule).when).toMatchObject({ values: ['fr'] });
  });

  it('throws a CompileError listing the diagnostics of an invalid rule', () => {
    const text = 'when visitor.page_ulr is "x"';
    const rule = ruleOf(text);
    expect(() => compile(rule)).toThrow(CompileError);
    try {
      compile(rule, text);
    } catch (error) {
      expect((error as CompileError).diagnostics[0]?.code).toBe('unknown-field');
      expect((error as Error).message).toMatch(/1:6 unknown-field: Unknown field `visitor.page_ulr`/);
    }
    expect(() => compile(rule)).toThrow(/\d+-\d+ unknown-field/);
  });

  it('produces what the evaluator runs', () => {
    const evaluate = createEvaluator(
      compile(ruleOf('when visitor.page_title contains "PRICING" and device.language is "fr"')),
    );
    const context = {
      visitor: { page_title: 'Our pricing' },
      device: { language: 'fr-CA' },
      event: { type: 'page_load' as const },
      now: '2026-11-27T15:04:05Z',
    };
    expect(evaluate(context).fires).toBe(true);
  });
});
