import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '@proactive/dsl';
import { ruleAst } from './rule.ts';

function ruleWithNots(depth: number): unknown {
  let condition: unknown = {
    kind: 'comparison',
    field: 'visitor.page_url',
    operator: 'contains',
    value: { kind: 'string', value: 'pricing' },
  };
  for (let level = 0; level < depth; level++) condition = { kind: 'not', operand: condition };
  return {
    kind: 'rule',
    condition,
    timing: { kind: 'page_load' },
    timeOfDay: { kind: 'anytime' },
    frequency: 'once_per_visit',
    tags: [],
  };
}

describe('ruleAst', () => {
  it(`accepts conditions nested ${MAX_NESTING} levels deep, as rule text may`, () => {
    expect(ruleAst.safeParse(ruleWithNots(MAX_NESTING)).success).toBe(true);
  });

  it('refuses deeper conditions with a clear issue, without reading them recursively', () => {
    for (const depth of [MAX_NESTING + 1, 2_000, 100_000]) {
      const result = ruleAst.safeParse(ruleWithNots(depth));
      expect(result.success).toBe(false);
      expect(result.error?.issues).toMatchObject([
        { path: ['condition'], message: expect.stringContaining(`more than ${MAX_NESTING} levels`) },
      ]);
    }
  });
});
