import { describe, expect, it } from 'vitest';
import { compiledRuleSchema } from '../language.ts';
import type { CompiledRule } from './compiled.ts';

const valid: CompiledRule = {
  v: 1,
  when: {
    t: 'and',
    of: [
      { t: 'cmp', field: 'visitor.page_url', match: 'url', op: 'contains', values: ['pricing', 'plans'] },
      { t: 'not', of: { t: 'cmp', field: 'device.language', match: 'language', op: 'is', values: ['fr'] } },
      {
        t: 'or',
        of: [{ t: 'cmp', field: 'visitor.visit_history', match: 'symbol', op: 'is', values: ['new_user'] }],
      },
    ],
  },
  event: { type: 'on_page', seconds: 30 },
  time_of_day: { mode: 'during', schedule: 'default' },
  frequency: 'once_per_visit',
  tags: ['vip'],
};

const issues = (value: unknown) => {
  const result = compiledRuleSchema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('compiledRuleSchema', () => {
  it('accepts compiled rules', () => {
    expect(compiledRuleSchema.parse(valid)).toEqual(valid);
    expect(issues({ ...valid, event: { type: 'page_load' }, time_of_day: { mode: 'anytime' } })).toEqual([]);
  });

  it('refuses other versions with a clear message', () => {
    expect(issues({ ...valid, v: 2 })).toEqual([
      'v: unsupported compiled version (this server writes version 1)',
    ]);
  });

  it('checks fields, match kinds and operators against the catalog', () => {
    const cmp = (field: string, match: string, op: string, values: unknown[] = ['x']) =>
      issues({ ...valid, when: { t: 'cmp', field, match, op, values } });
    expect(cmp('visitor.page_ulr', 'url', 'is')[0]).toMatch(/^when/);
    expect(cmp('visitor.page_url', 'language', 'is').join()).toContain('matched as "url"');
    expect(cmp('device.language', 'language', 'contains').join()).toContain(
      'allows is, is_not, not contains',
    );
    expect(cmp('visitor.page_url', 'url', 'is', []).length).toBeGreaterThan(0);
  });

  it('refuses malformed events, times of day, frequencies, tags and unknown keys', () => {
    expect(issues({ ...valid, event: { type: 'on_page', seconds: 0 } }).length).toBeGreaterThan(0);
    expect(issues({ ...valid, event: { type: 'on_page', seconds: 3601 } }).length).toBeGreaterThan(0);
    expect(issues({ ...valid, time_of_day: { mode: 'during' } }).length).toBeGreaterThan(0);
    expect(issues({ ...valid, frequency: 'always' }).length).toBeGreaterThan(0);
    expect(issues({ ...valid, tags: ['two words'] })).toEqual([
      'tags.0: tags are lower-case and contain no whitespace',
    ]);
    expect(issues({ ...valid, tags: ['VIP'] }).length).toBe(1);
    expect(issues({ ...valid, extra: true }).length).toBe(1);
  });
});
