import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the evaluator bundle (what the widget ships)', () => {
  it('pulls in no parser, no zod, no catalog and no eval', async () => {
    const result = await build({
      entryPoints: [new URL('./index.ts', import.meta.url).pathname],
      bundle: true,
      minify: true,
      format: 'esm',
      target: ['es2020'],
      write: false,
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs)
      .map((path) => path.replace(/^.*?dsl\//, 'dsl/'))
      .sort();
    expect(inputs).toEqual([
      'dsl/compile/compiled.ts',
      'dsl/kinds/builtin-runtime.ts',
      'dsl/kinds/language/runtime.ts',
      'dsl/kinds/runtime.ts',
      'dsl/kinds/symbol/runtime.ts',
      'dsl/kinds/text/runtime.ts',
      'dsl/kinds/url/runtime.ts',
      'dsl/runtime/evaluator.ts',
      'dsl/runtime/index.ts',
      'dsl/runtime/schedule.ts',
    ]);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/\beval\(|new Function|chevrotain/);
    console.log(`evaluator: ${code.length} bytes minified`);
  });

  it('leaves the explanation out of a bundle that only matches (what the widget imports)', async () => {
    const result = await build({
      stdin: {
        contents: "export { createMatcher } from './index.ts';",
        resolveDir: new URL('.', import.meta.url).pathname,
        loader: 'ts',
      },
      bundle: true,
      minify: true,
      format: 'esm',
      target: ['es2020'],
      write: false,
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).toContain('createMatcher');
    expect(code).not.toMatch(/children|local_time|get explain|"comparison"/);
    console.log(`matcher: ${code.length} bytes minified`);
  });
});
