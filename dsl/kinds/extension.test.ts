/**
 * A field and a kind registered from a test-only catalog extension (dsl/testing/example-extension.ts)
 * show up everywhere the language reaches, and nowhere else: the built-in catalog is left as it is.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { catalog } from '../catalog/catalog.ts';
import { extendCatalog } from '../catalog/create.ts';
import type { ContextOf } from '../catalog/context.ts';
import { createEditor } from '../editor/index.ts';
import { check, createLanguage } from '../language.ts';
import { createEvaluator } from '../runtime/evaluator.ts';
import { exampleCatalog } from '../testing/example-extension.ts';
import { renderDslReference } from '../tools/docs.ts';

const language = createLanguage(exampleCatalog);
const editor = createEditor(language);
const text = 'when visitor.page_path is under ["/Blog", "/news"] and visitor.landing_page contains "welcome"';

function cursor(marked: string): [string, number] {
  return [marked.replace('<|>', ''), marked.indexOf('<|>')];
}

describe('a catalog extension', () => {
  it('leaves the built-in catalog and language as they are', () => {
    expect(catalog.fields.map((field) => field.name)).not.toContain('visitor.landing_page');
    expect(check('when visitor.landing_page contains "x"').diagnostics[0]?.code).toBe('unknown-field');
    expect(check('when visitor.page_path is under "/x"').diagnostics[0]?.code).toBe('syntax');
    expect(exampleCatalog.fields.map((field) => field.name)).toEqual([
      ...catalog.fields.map((field) => field.name),
      'visitor.landing_page',
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
        { field: 'visitor.page_path', operator: 'is_under', value: { kind: 'list' } },
        { field: 'visitor.landing_page', operator: 'contains' },
      ],
    });
    expect(language.print(rule!)).toBe(`${text}\nonce_per_visit\n`);
    expect(language.parse('when visitor.page_path under "/x"').diagnostics[0]?.message).toContain(
      'Operators: is, is not, contains, does not contain, starts with, ends with, matches, does not match, >, >=, <, <=, is under.',
    );
  });

  it('validates with the kind’s own checks and the fields’ operators', () => {
    const codes = (source: string) => language.check(source).diagnostics.map((diagnostic) => diagnostic.code);
    expect(codes('when visitor.page_path is under "blog"')).toEqual(['missing-slash']);
    expect(codes('when visitor.page_path contains "/blog"')).toEqual(['operator-not-allowed']);
    expect(language.check('when visitor.landing_page is under "x"').diagnostics[0]?.message).toBe(
      "visitor.landing_page can't use `is under`. Use is or is not or contains or does not contain.",
    );
    expect(language.diagnosticCodes['missing-slash']).toBe('A path prefix does not start with "/".');
  });

  it('completes the new fields, the new operator word by word, and the kind’s values', () => {
    const labels = (marked: string) => editor.complete(...cursor(marked)).items.map((item) => item.label);
    expect(labels('when visitor.<|>')).toEqual(
      expect.arrayContaining(['visitor.landing_page', 'visitor.page_path']),
    );
    expect(labels('when visitor.page_path <|>')).toEqual(['is under', 'is']);
    expect(labels('when visitor.page_path is <|>')).toEqual(['under', '"/blog"', '[…]']);
    expect(labels('when visitor.page_path is under <|>')).toEqual(['"/blog"', '[…]']);
  });

  it('documents them on hover', () => {
    const contents = (marked: string) => editor.hover(...cursor(marked))?.contents;
    expect(contents('when visitor.landing_pa<|>ge is "x"')).toContain(
      '**visitor.landing_page** — Visitor › Landing page',
    );
    expect(contents('when visitor.page_path i<|>s under "/x"')).toContain('**is under** — Is under');
    expect(contents('when visitor.page_path is un<|>der "/x"')).toContain('**is under**');
    expect(contents('when visitor.page_path is under "/x<|>"')).toBe(
      '**/x** — pages whose path starts with /x',
    );
  });

  it('highlights the new operator words', () => {
    expect(editor.monarchLanguage.operators).toEqual(expect.arrayContaining(['is', 'under']));
    expect(editor.tokens('when visitor.page_path is under "/x"').map((token) => token.category)).toEqual([
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
      of: [{ match: 'prefix', op: 'is_under', values: ['/blog', '/news'] }, { match: 'text' }],
    });
    expect(language.compiledRuleSchema.safeParse(compiled).success).toBe(true);
    const evaluate = createEvaluator<ContextOf<typeof exampleCatalog>>(compiled, {
      kinds: language.runtimeKinds,
    });
    const context = (page_path: string) => ({
      visitor: { page_path, landing_page: 'https://acme.test/Welcome' },
      device: {},
      event: { type: 'page_load' as const },
    });
    expect(evaluate(context('/BLOG/launch')).fires).toBe(true);
    expect(evaluate(context('/about/blog')).fires).toBe(false);
    expect(() => createEvaluator(compiled)).toThrow(/unknown match kind "prefix"/);
  });

  it('types and checks the context with the new fields', () => {
    type Visitor = ContextOf<typeof exampleCatalog>['visitor'];
    expectTypeOf<Visitor['landing_page']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Visitor['visit_history']>().toEqualTypeOf<'new_user' | 'returning_user' | undefined>();
    const parsed = language.parseContext({
      visitor: { page_path: '/blog', landing_page: 3 },
      event: { type: 'page_load' },
    });
    expect(parsed).toMatchObject({
      ok: false,
      errors: ['context.visitor.landing_page: expected a string, got 3'],
    });
  });

  it('documents the new field, operator, kind and code on the reference page', () => {
    const page = renderDslReference(language);
    expect(page).toContain(
      '| `visitor.page_path` | Visitor › Page path | `is under`, `is` | a path in quotes',
    );
    expect(page).toContain('| `is under` | Is under |');
    expect(page).toContain('- **A path prefix** in quotes');
    expect(page).toContain('| `missing-slash` |');
    const objects = ['a', 'b', 'c'].map((name) => ({ name, label: name, doc: 'x' }));
    const crowded = createLanguage(extendCatalog(catalog, { objects }));
    expect(renderDslReference(crowded)).toContain('Fields belong to 6 objects');
  });
});
