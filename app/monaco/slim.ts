/**
 * A Vite plugin that leaves parts of Monaco's core out of the admin app's build. Monaco's editor API
 * imports every part of the standalone editor (the diff editors, the command palette, GPU rendering...)
 * whether an editor uses them or not; the Text view uses none of the parts listed in {@link leftOut}, so
 * each of those modules is replaced by a stub with the same exports. A stub export is a function that
 * throws a clear error when called or constructed (`class X extends Stub` still loads), and a service
 * identifier stays a real one, so the services that register it keep working.
 *
 * Run the admin e2e (test/e2e/admin-text-view.test.ts) after changing the list: a module the Text view
 * does need fails there with the error below.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The modules left out (paths under `monaco-editor/esm/vs/`), with what they are for. Each one is
 * reached only through a feature or an option the Text view does not use.
 */
export const leftOut: Readonly<Record<string, string>> = {
  'editor/browser/widget/diffEditor/diffEditorWidget.js': 'the diff editor (monaco.editor.createDiffEditor)',
  'editor/browser/widget/multiDiffEditor/multiDiffEditorWidget.js': 'the multi-file diff editor',
  'editor/standalone/browser/quickInput/standaloneQuickInputService.js':
    'the command palette and quick picks (F1, Ctrl+G)',
  'platform/list/browser/listService.js': 'the workbench lists and trees of quick picks and peek views',
  'editor/common/model/tokens/treeSitter/treeSitterSyntaxTokenBackend.js':
    'tree-sitter colouring (the rule language is coloured by its Monarch tokenizer)',
  'editor/browser/gpu/viewGpuContext.js': 'GPU rendering (the experimentalGpuAcceleration option, off)',
  'editor/browser/viewParts/viewLinesGpu/viewLinesGpu.js':
    'GPU rendering (the experimentalGpuAcceleration option, off)',
  'editor/common/services/editorWebWorker.js':
    'the editor worker run on the main thread when web workers are unavailable (the app bundles its worker)',
  'editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition.js':
    'go to definition from a hover (the rule language has no definitions)',
  'editor/contrib/inlineCompletions/browser/hintsWidget/inlineCompletionsHintsWidget.js':
    'the inline completions toolbar (the rule language has no inline completions)',
  'editor/contrib/inlayHints/browser/inlayHintsHover.js': 'inlay hints (the rule language has none)',
  'editor/contrib/codeAction/browser/codeActionController.js':
    'code actions and the light bulb (the rule language registers no code action provider)',
};

const serviceIdentifier = /const (\w+) = createDecorator\(['"]([^'"]+)['"]\)/g;

/**
 * The stub of a module: its export names (from its `export { ... }` statements) as functions that throw,
 * except service identifiers, which stay real so that code registering or injecting them still loads.
 *
 * @example stubSource("const IX = createDecorator('x'); class A {} export { A, IX };", 'a.js', 'why', '/vs/platform/instantiation/common/instantiation.js')
 */
export function stubSource(original: string, path: string, reason: string, instantiation: string): string {
  const names = [...original.matchAll(/^export \{([^}]*)\};?$/gm)].flatMap((match) =>
    (match[1] ?? '')
      .split(',')
      .map(
        (part) =>
          part
            .trim()
            .split(/\s+as\s+/)
            .pop() ?? '',
      )
      .filter(Boolean),
  );
  if (names.length === 0) throw new Error(`Monaco module ${path} has no export { ... } statement to stub.`);
  const services = new Map([...original.matchAll(serviceIdentifier)].map((match) => [match[1], match[2]]));
  const message = `Monaco's ${path} (${reason}) is left out of the admin app's build: see app/monaco/slim.ts.`;
  const lines = [
    `import { createDecorator } from ${JSON.stringify(instantiation)};`,
    `const message = ${JSON.stringify(message)};`,
    'function unavailable() { return function () { throw new Error(message); }; }',
  ];
  for (const name of names) {
    const service = services.get(name);
    lines.push(
      service === undefined
        ? `export const ${name} = unavailable();`
        : `export const ${name} = createDecorator(${JSON.stringify(service)});`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Where `monaco-editor/esm/vs` is installed. */
export function monacoRoot(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('monaco-editor/editor'));
}

/**
 * The plugin: loads a stub instead of each module in `modules`.
 *
 * @example defineConfig({ plugins: [monacoSlim()] })
 */
export function monacoSlim(modules: Readonly<Record<string, string>> = leftOut): Plugin {
  const root = monacoRoot();
  const instantiation = join(root, 'platform/instantiation/common/instantiation.js');
  const stubs = new Map(
    Object.entries(modules).map(([path, reason]) => {
      const file = join(root, path);
      return [file, stubSource(readFileSync(file, 'utf8'), path, reason, instantiation)];
    }),
  );
  return {
    name: 'proactive-monaco-slim',
    enforce: 'pre',
    load(id) {
      return stubs.get(id.split('?')[0] ?? id);
    },
  };
}
