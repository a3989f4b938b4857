import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The dsl modules a bundle of `contents` (imports from ./index.ts) pulls in, and its code. */
async function bundle(contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: new URL('.', import.meta.url).pathname, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020'],
    write: false,
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((path) => path !== '<stdin>')
    .map((path) => path.replace(/^.*?dsl\//, 'dsl/'))
    .sort();
  return { inputs, code: result.outputFiles[0]?.text ?? '' };
}

/** What every widget ships: the matcher with the seed kinds and events. */
const seedModules = [
  'dsl/compile/compiled.ts',
  'dsl/kinds/builtin-runtime.ts',
  'dsl/kinds/language/runtime.ts',
  'dsl/kinds/runtime.ts',
  'dsl/kinds/symbol/runtime.ts',
  'dsl/kinds/text/runtime.ts',
  'dsl/kinds/url/runtime.ts',
  'dsl/runtime/channel.ts',
  'dsl/runtime/evaluator.ts',
  'dsl/runtime/index.ts',
  'dsl/runtime/rule.ts',
  'dsl/runtime/schedule.ts',
];

/** What a widget loads on demand, for rules that use the issue-12 operators, kinds and triggers. */
const onDemandModules = [
  'dsl/kinds/attribute/runtime.ts',
  'dsl/kinds/boolean/runtime.ts',
  'dsl/kinds/extra-runtime.ts',
  'dsl/kinds/number/runtime.ts',
  'dsl/kinds/string-operators.ts',
  'dsl/runtime/literal-index.ts',
  'dsl/runtime/substring-automaton.ts',
  'dsl/runtime/triggers.ts',
];

/** What only the CLI, the server and the admin app use: the words for refused rules and schedules. */
const toolModules = ['dsl/runtime/problems.ts'];

describe('the evaluator bundle (what the widget ships)', () => {
  it('pulls in no parser, no zod, no catalog and no eval', async () => {
    const { inputs, code } = await bundle("export * from './index.ts';");
    expect(inputs).toEqual([...seedModules, ...onDemandModules, ...toolModules].sort());
    expect(code).not.toMatch(/\beval\(|new Function|chevrotain/);
    console.log(`evaluator: ${code.length} bytes minified`);
  });

  it('leaves the explanation and the on-demand modules out of a bundle that only matches (what the widget imports)', async () => {
    const { code } = await bundle("export { createMatcher } from './index.ts';");
    expect(code).toContain('createMatcher');
    expect(code).not.toMatch(/children|local_time|get explain|"comparison"|schedules\.default/);
    // The on-demand modules are imported for createEvaluator's defaults, but none of their code is kept.
    expect(code).not.toMatch(/starts_with|ends_with|greater_than|exit_intent|on_site|percent/);
    console.log(`matcher: ${code.length} bytes minified`);
  });

  it('leaves the explanation and the on-demand modules out of a channel evaluator bundle', async () => {
    const { code } = await bundle("export { createChannelEvaluator } from './index.ts';");
    expect(code).toContain('createChannelEvaluator');
    expect(code).not.toMatch(/children|local_time|get explain|"comparison"|schedules\.default/);
    expect(code).not.toMatch(/starts_with|ends_with|greater_than|exit_intent|on_site|percent/);
    // The literal index (and its automaton) is on demand too.
    expect(code).not.toMatch(/Int32Array|Uint32Array/);
    console.log(`channel evaluator: ${code.length} bytes minified`);
  });

  it('gives each on-demand module to a widget without the rest (sizes in the report)', async () => {
    const { code } = await bundle(
      "export { createMatcher, numberRuntime, booleanRuntime, attributeRuntime, withStringOperators, triggerEvents, literalIndex } from './index.ts';",
    );
    expect(code).toMatch(/starts_with/);
    expect(code).toMatch(/greater_than/);
    expect(code).toMatch(/exit_intent/);
    expect(code).not.toMatch(/chevrotain|zod/);
  });
});
