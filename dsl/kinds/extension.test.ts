/**
 * A field and a kind registered from a test-only catalog extension (dsl/testing/example-extension.ts)
 * show up everywhere the language reaches, and nowhere else: the built-in catalog is left as it is.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { catalog } from '../catalog/catalog.ts';
import type { ContextOf } from '../catalog/context.ts';
import { createEditor } from '../editor/index.ts';
import { check, createLanguage } from '../language.ts';
import { createEvaluator } from '../runtime/evaluator.ts';
import { exampleCatalog } from '../testing/example-extension.ts';
import { renderDslReference } from '../tools/docs.ts';

const language = createLanguage(exampleCatalog);
const editor = createEditor(language);
const text = 'when visitor.page_path starts with ["/Blog", "/news"] and visitor.referrer contains "google."';

function cursor(marked: string): [string, number] {
  return [marked.replace('<|>', ''), marked.indexOf('<|>')];
}

describe('a catalog extension', () => {
  it('leaves the built-in catalog and language as they are', () => {
    expect(catalog.fields.map((field) => field.name)).not.toContain('visitor.referrer');
    expect(check('when visitor.referrer contains "x"').diagnostics[0]?.code).toBe('unknown-field');
    expect(check('when visitor.page_path starts with "/x"').diagnostics[0]?.code).toBe('syntax');
    expect(exampleCatalog.fields.map((field) => field.name)).toEqual([
      ...catalog.fields.map((field) => field.name),
      'visitor.referrer',
      'visitor.page_path',
    ]);
    expect(createLanguage(exampleCatalog)).toBe(language);
  });

  it('parses the new field and the new kind’s operator, and prints them back', () => {
    const { rule, diagnostics } = language.check(text);
    expect(diagnostics).toEqual([]);
    expect(rule?.condition).toMatchObject({
      kind: 'and',
      operands: [
        { field: 'visitor.page_path', operator: 'starts_with', value: { kind: 'list' } },
        { field: 'visitor.referrer', operator: 'contains' },
      ],
    });
    expect(language.print(rule!)).toBe(`${text}\nonce_per_visit\n`);
    expect(language.parse('when visitor.page_path starts "/x"').diagnostics[0]?.message).toContain(
      'Operators: is, is not, contains, does not contain, starts with.',
    );
  });

  it('validates with the kind’s own checks and the fields’ operators', () => {
    const codes = (source: string) => language.check(source).diagnostics.map((diagnostic) => diagnostic.code);
    expect(codes('when visitor.page_path starts with "blog"')).toEqual(['missing-slash']);
    expect(codes('when visitor.page_path contains "/blog"')).toEqual(['operator-not-allowed']);
    expect(language.check('when visitor.referrer starts with "x"').diagnostics[0]?.message).toBe(
      "visitor.referrer can't use `starts with`. Use is or is not or contains or does not contain.",
    );
    expect(language.diagnosticCodes['missing-slash']).toBe('A path prefix does not start with "/".');
  });

  it('completes the new fields, the new operator word by word, and the kind’s values', () => {
    const labels = (marked: string) => editor.complete(...cursor(marked)).items.map((item) => item.label);
    expect(labels('when visitor.<|>')).toEqual(
      expect.arrayContaining(['visitor.referrer', 'visitor.page_path']),
    );
    expect(labels('when visitor.page_path <|>')).toEqual(['starts with', 'is']);
    expect(labels('when visitor.page_path starts <|>')).toEqual(['with']);
    expect(labels('when visitor.page_path starts with <|>')).toEqual(['"/blog"', '[…]']);
  });

  it('documents them on hover', () => {
    const contents = (marked: string) => editor.hover(...cursor(marked))?.contents;
    expect(contents('when visitor.refe<|>rrer is "x"')).toContain(
      '**visitor.referrer** — Visitor › Referrer',
    );
    expect(contents('when visitor.page_path sta<|>rts with "/x"')).toContain('**starts with** — Starts with');
    expect(contents('when visitor.page_path starts wi<|>th "/x"')).toContain('**starts with**');
    expect(contents('when visitor.page_path starts with "/x<|>"')).toBe(
      '**/x** — pages whose path starts with /x',
    );
  });

  it('highlights the new operator words', () => {
    expect(editor.monarchLanguage.operators).toEqual(expect.arrayContaining(['starts', 'with']));
    expect(editor.tokens('when visitor.page_path starts with "/x"').map((token) => token.category)).toEqual([
      'keyword',
      'field',
      'operator',
      'operator',
      'string',
    ]);
  });

  it('compiles with the kind’s compile step and evaluates with its runtime', () => {
    const compiled = language.compile(language.parse(text).rule!);
    expect(compiled.when).toMatchObject({
      of: [{ match: 'prefix', op: 'starts_with', values: ['/blog', '/news'] }, { match: 'text' }],
    });
    expect(language.compiledRuleSchema.safeParse(compiled).success).toBe(true);
    const evaluate = createEvaluator<ContextOf<typeof exampleCatalog>>(compiled, {
      kinds: language.runtimeKinds,
    });
    const context = (page_path: string) => ({
      visitor: { page_path, referrer: 'https://www.Google.com/search' },
      device: {},
      event: { type: 'page_load' as const },
    });
    expect(evaluate(context('/BLOG/launch')).fires).toBe(true);
    expect(evaluate(context('/about/blog')).fires).toBe(false);
    expect(() => createEvaluator(compiled)).toThrow(/unknown match kind "prefix"/);
  });

  it('types and checks the context with the new fields', () => {
    type Visitor = ContextOf<typeof exampleCatalog>['visitor'];
    expectTypeOf<Visitor['referrer']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Visitor['visit_history']>().toEqualTypeOf<'new_user' | 'returning_user' | undefined>();
    const parsed = language.parseContext({
      visitor: { page_path: '/blog', referrer: 3 },
      event: { type: 'page_load' },
    });
    expect(parsed).toMatchObject({
      ok: false,
      errors: ['context.visitor.referrer: expected a string, got 3'],
    });
  });

  it('documents the new field, operator, kind and code on the reference page', () => {
    const page = renderDslReference(language);
    expect(page).toContain(
      '| `visitor.page_path` | Visitor › Page path | `starts with`, `is` | a path in quotes',
    );
    expect(page).toContain('| `starts with` | Starts with |');
    expect(page).toContain('- **A path prefix** in quotes');
    expect(page).toContain('| `missing-slash` |');
  });
});
