/**
 * The admin app's size budgets (issue 11), checked on the real build (built first when stale): the first
 * screen's JavaScript <= 160 KB on the wire, and the Monaco chunk <= 1.5 MB minified, with no worker
 * script (the admin's CSP allows none). Figures: `npx tsx app/size-report.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assetsDir,
  budgets,
  loadSteps,
  monacoChunk,
  overBudget,
  type Step,
} from '@proactive/app/size-report';
import { ensureBuilt } from '../e2e/support/admin.ts';

let steps: Step[];

beforeAll(() => {
  ensureBuilt();
  steps = loadSteps();
});

describe('the admin app build', () => {
  it('stays within its size budgets', () => {
    expect(overBudget(steps, monacoChunk())).toEqual([]);
  });

  it('keeps the Monaco chunk within 1.5 MB, with no worker script', () => {
    expect(monacoChunk().minified).toBeLessThanOrEqual(budgets.monacoGoal);
    expect(readdirSync(join(assetsDir, 'static')).filter((name) => /worker/i.test(name))).toEqual([]);
  });

  it('keeps the rule language, zod and Monaco out of the first screen', () => {
    const [initial] = steps;
    expect(initial?.wire).toBeLessThanOrEqual(budgets.initialWire);
    const names = initial?.files.join(' ') ?? '';
    for (const chunk of ['MessageEditor-', 'RuleTextEditor-', 'proactive-language-', 'registry-data-'])
      expect(names).not.toContain(chunk);
    const code = (initial?.files ?? [])
      .map((name) => readFileSync(join(assetsDir, 'static', name), 'utf8'))
      .join('\n');
    // chevrotain (the rule parser), zod (the contract's schemas) and Monaco, by strings only they hold.
    for (const marker of ['MismatchedTokenException', 'invalid_union', 'MonacoEnvironment'])
      expect(code).not.toContain(marker);
  });
});
