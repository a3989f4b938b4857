import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hasErrors } from '../check/check.ts';
import { check } from '../language.ts';
import { compile } from '../language.ts';
import { parseContext } from '../catalog/context-schema.ts';
import { compactJson, renderDslReference, runDocsScript } from './docs.ts';
import { createEvaluator } from '../runtime/evaluator.ts';
import { fields, frequencies } from '../catalog/catalog.ts';
import { diagnosticCodes } from '../language.ts';

const page = readFileSync(new URL('../../docs/dsl.md', import.meta.url), 'utf8');

interface Block {
  info: string;
  body: string;
}

function blocksOf(markdown: string): Block[] {
  return [...markdown.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].map((match) => ({
    info: match[1] as string,
    body: match[2] as string,
  }));
}

describe('docs/dsl.md', () => {
  it('is exactly what the generator writes (run `npx tsx dsl/tools/docs.ts --write` after changing the catalog)', () => {
    expect(page).toBe(renderDslReference());
  });

  it('mentions every field, frequency and diagnostic code', () => {
    for (const field of fields) expect(page).toContain(`\`${field.name}\``);
    for (const frequency of frequencies) expect(page).toContain(`\`${frequency.name}\``);
    for (const code of Object.keys(diagnosticCodes)) expect(page).toContain(`| \`${code}\` |`);
  });

  const blocks = blocksOf(page);
  const rules = blocks.flatMap((block, index) =>
    block.info === 'rule' ? [{ text: block.body, next: blocks[index + 1] }] : [],
  );

  it('has examples', () => {
    expect(rules.length).toBeGreaterThanOrEqual(10);
    expect(rules.filter((rule) => rule.next?.info.startsWith('json context')).length).toBeGreaterThanOrEqual(
      8,
    );
  });

  it.each(rules.map((rule) => [rule.text.split('\n').at(-2) ?? rule.text, rule] as const))(
    'example parses with no errors: %s',
    (_, rule) => {
      const { diagnostics } = check(rule.text);
      expect(diagnostics).toEqual([]);
      const annotation = rule.next?.info.match(/^json context fires=(true|false)$/);
      if (!annotation) return;
      const context = parseContext(JSON.parse(rule.next?.body as string));
      if (!context.ok) throw new Error(context.errors.join('\n'));
      const checked = check(rule.text);
      expect(hasErrors(checked.diagnostics)).toBe(false);
      const evaluation = createEvaluator(compile(checked.rule!))(context.context);
      expect(evaluation.error).toBeUndefined();
      expect(evaluation.fires).toBe(annotation[1] === 'true');
    },
  );

  it('shows a context JSON the CLI accepts', () => {
    const json = blocks.find((block) => block.info === 'json');
    expect(json).toBeDefined();
    expect(parseContext(JSON.parse(json!.body)).ok).toBe(true);
  });
});

describe('generator', () => {
  it('keeps small JSON on one line and breaks large values', () => {
    expect(compactJson({ a: [1, 2], b: 'x' })).toBe('{ "a": [1, 2], "b": "x" }');
    expect(compactJson('x'.repeat(120))).toBe(JSON.stringify('x'.repeat(120)));
    const long = compactJson({ list: Array.from({ length: 30 }, (_, index) => index), name: 'n' });
    expect(long.split('\n')[1]).toBe('  "list": [');
    expect(JSON.parse(long)).toEqual({ list: Array.from({ length: 30 }, (_, index) => index), name: 'n' });
  });

  it('writes the page with --write and prints it otherwise', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'proactive-docs-')), 'dsl.md');
    let printed = '';
    runDocsScript(['--write'], path, (text) => (printed += text));
    expect(readFileSync(path, 'utf8')).toBe(renderDslReference());
    expect(printed).toBe(`wrote ${path}\n`);
    printed = '';
    runDocsScript([], path, (text) => (printed += text));
    expect(printed).toBe(renderDslReference());
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      runDocsScript([], path);
      expect(stdout).toHaveBeenCalledWith(renderDslReference());
    } finally {
      stdout.mockRestore();
    }
  });
});
