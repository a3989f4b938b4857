import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { budgets, loadSteps, monacoChunk, overBudget, staticClosure, table } from './size-report.ts';

const assets = mkdtempSync(join(tmpdir(), 'proactive-size-'));
const staticDir = join(assets, 'static');
afterAll(() => rmSync(assets, { recursive: true, force: true }));

/** A fake build: the entry imports a shared chunk; the editor and Monaco chunks load later. */
function fakeBuild(entryBytes: number, monacoBytes: number) {
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(
    join(assets, 'iframe.html'),
    '<script type="module" src="./static/iframe-a.js"></script><link rel="modulepreload" href="./static/shared-b.js">',
  );
  writeFileSync(join(staticDir, 'iframe-a.js'), `import"./shared-b.js";${'a'.repeat(entryBytes)}`);
  writeFileSync(join(staticDir, 'iframe-a.js.br'), 'x'.repeat(Math.ceil(entryBytes / 2)));
  writeFileSync(join(staticDir, 'shared-b.js'), 'export const b=1;');
  writeFileSync(join(staticDir, 'MessageEditor-c.js'), 'import{b}from"./shared-b.js";import"./load-d.js";');
  writeFileSync(join(staticDir, 'load-d.js'), 'export const d=1;');
  writeFileSync(join(staticDir, 'registry-data-e.js'), 'export const e=1;');
  writeFileSync(join(staticDir, 'RuleTextEditor-f.js'), 'import"./load-d.js";');
  writeFileSync(join(staticDir, 'proactive-language-g.js'), 'm'.repeat(monacoBytes));
  writeFileSync(join(staticDir, 'proactive-language-g.css'), '.m{}');
}

describe('staticClosure', () => {
  it('follows static imports, each chunk once', () => {
    const chunks: Record<string, string> = {
      'a.js': 'import"./b.js";import{x}from"./c.js";',
      'b.js': 'import"./c.js";',
      'c.js': 'import("./lazy.js")',
    };
    expect(staticClosure(['a.js'], (name) => chunks[name] ?? '')).toEqual(['a.js', 'b.js', 'c.js']);
  });
});

describe('loadSteps and overBudget', () => {
  it('splits the build into load steps, with the wire size from the .br twins', () => {
    fakeBuild(1000, 5000);
    const steps = loadSteps(assets);
    expect(steps.map((step) => [step.label, step.files])).toEqual([
      ['Initial (sign-in, message list)', ['iframe-a.js', 'shared-b.js']],
      ['+ Message editor', ['MessageEditor-c.js', 'load-d.js']],
      ['+ Language registry (with the editor)', ['registry-data-e.js']],
      ['+ Text view: Monaco JS', ['RuleTextEditor-f.js', 'proactive-language-g.js']],
      ['+ Monaco CSS', ['proactive-language-g.css']],
    ]);
    const [initial] = steps;
    expect(initial?.minified).toBe(1022 + 17);
    expect(initial?.wire).toBe(500 + 17);
    expect(initial?.gzip).toBeLessThan(initial?.minified ?? 0);
    expect(monacoChunk(assets).minified).toBe(5000);
    expect(overBudget(steps, monacoChunk(assets))).toEqual([]);
    expect(table(steps)).toContain('| Initial (sign-in, message list) | 2 | 1.0 kB |');
  });

  it('names each budget exceeded', () => {
    fakeBuild(2 * budgets.initialWire + 2, budgets.monacoGoal + 1);
    const problems = overBudget(loadSteps(assets), monacoChunk(assets));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^The first screen's JavaScript is 160\.\d kB on the wire, over 160\.0 kB/);
    expect(problems[1]).toMatch(
      /^The Monaco chunk is 1500\.0 kB minified, over 1500\.0 kB: import only the features/,
    );
  });

  it('says to build first when there is no build', () => {
    expect(() => loadSteps(join(assets, 'nowhere'))).toThrow(
      /iframe\.html is missing: run npm run build:app first/,
    );
  });
});
