/**
 * A Vite plugin that shortens the private member names of Monaco's chunk (`this._contextKeyService` ->
 * `this.$a`), as VS Code's own build does for the editor it ships: about a tenth of the minified chunk.
 * The same terser pass compresses the chunk twice more after the bundler's minifier (about 10 KB).
 *
 * Monaco names its private and protected members with a leading underscore, and the chunk holds all the
 * code that reads them, so renaming them consistently inside the chunk keeps it working. A name stays
 * as it is when the rename could be seen from outside the chunk: when another output file of the build
 * uses it (code there may read the same objects), when the chunk spells it in a string (`'_x' in o`,
 * `o['_x']`, JSON), or when it begins with two underscores (`__proto__`).
 */
import { minify } from 'terser';
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/** The module that tells Monaco's chunk apart from the others. */
export const monacoMarker = '/monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget.js';

const privateName = /^_(?!_)[A-Za-z$][\w$]*$/;
const namesInCode = /(?<![\w$])_(?!_)[A-Za-z$][\w$]*/g;
const namesSpelledAsStrings = /(?<=["'`])_(?!_)[A-Za-z$][\w$]*(?=["'`])/g;

/**
 * The names that must keep their spelling in `code` (Monaco's chunk), given the code of every other
 * output file of the build.
 *
 * @example reservedNames('a._x; a["_y"]', ['b._z']) // Set { '_y', '_z' }
 */
export function reservedNames(code: string, others: readonly string[]): Set<string> {
  const reserved = new Set(code.match(namesSpelledAsStrings));
  for (const other of others) for (const name of other.match(namesInCode) ?? []) reserved.add(name);
  return reserved;
}

/**
 * `code` with its private member names shortened, except `reserved` ones (terser also keeps any name
 * it finds quoted as a property), and compressed again.
 *
 * @example await shrinkChunk('class A { constructor() { this._value = 1; } get() { return this._value; } }', new Set())
 */
export async function shrinkChunk(code: string, reserved: ReadonlySet<string>): Promise<string> {
  const result = await minify(code, {
    module: true,
    compress: { passes: 2 },
    mangle: { properties: { regex: privateName, reserved: [...reserved], keep_quoted: true } },
    format: { comments: false },
  });
  if (result.code === undefined) throw new Error("terser returned no code for Monaco's chunk");
  return result.code;
}

/** Output files holding code: chunks, and assets such as workers. */
function codeOf(output: OutputBundle[string]): string | undefined {
  if (output.type === 'chunk') return output.code;
  if (output.fileName.endsWith('.js') && typeof output.source === 'string') return output.source;
  return undefined;
}

/**
 * The plugin. Build only; it runs on the chunk holding Monaco's editor and on nothing else.
 *
 * @example defineConfig({ plugins: [monacoMangle()] })
 */
export function monacoMangle(): Plugin {
  return {
    name: 'proactive-monaco-mangle',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const outputs = Object.values(bundle);
      const isMonaco = (output: OutputBundle[string]): output is OutputChunk =>
        output.type === 'chunk' && Object.keys(output.modules).some((id) => id.endsWith(monacoMarker));
      const others = outputs.filter((output) => !isMonaco(output)).flatMap((output) => codeOf(output) ?? []);
      for (const chunk of outputs.filter(isMonaco))
        chunk.code = await shrinkChunk(chunk.code, reservedNames(chunk.code, others));
    },
  };
}
