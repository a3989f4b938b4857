import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { leftOut, monacoRoot, monacoSlim, standIns, stubSource, trimmed, trimSource } from './slim.ts';

const directory = mkdtempSync(join(tmpdir(), 'monaco-slim-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Writes the stub of `original` beside a fake `createDecorator` and `RawContextKey`, and imports it. */
async function importStub(original: string): Promise<Record<string, unknown>> {
  const instantiation = join(directory, 'instantiation.mjs');
  writeFileSync(instantiation, 'export const createDecorator = (id) => ({ serviceId: id });\n');
  const contextKey = join(directory, 'contextkey.mjs');
  writeFileSync(
    contextKey,
    'export class RawContextKey { constructor(key, value) { this.key = key; this.value = value; } }\n',
  );
  const file = join(directory, `stub-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, stubSource(original, 'editor/x.js', 'the x feature', { instantiation, contextKey }));
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

describe('stubSource', () => {
  it('keeps every export name; functions and classes throw a clear error when used', async () => {
    const stub = await importStub(
      'class Widget {}\nfunction helper() {}\nconst inner = 1;\nexport { Widget, helper, inner as value };\n',
    );
    expect(Object.keys(stub).sort()).toEqual(['Widget', 'helper', 'value']);
    const Widget = stub.Widget as new () => object;
    expect(() => new Widget()).toThrow(/editor\/x\.js \(the x feature\) is left out .*app\/monaco\/slim\.ts/);
    expect(() => (stub.helper as () => unknown)()).toThrow(/left out/);
    // A class extending a stub still loads; only constructing it fails.
    class Standalone extends Widget {}
    expect(() => new Standalone()).toThrow(/left out/);
    // An editor contribution looked up on an editor is "not installed".
    expect((stub.Widget as unknown as { get: (editor: unknown) => unknown }).get({})).toBeNull();
  });

  it('keeps context keys real, with their key and literal default', async () => {
    const stub = await importStub(
      "const visible = new RawContextKey('suggestWidgetVisible', false, localize(1, 'Whether'));\nexport { visible };\n",
    );
    expect(stub.visible).toEqual({ key: 'suggestWidgetVisible', value: false });
  });

  it('keeps service identifiers real, with their original id', async () => {
    const stub = await importStub(
      "const IListService = createDecorator('listService');\nclass ListService {}\nexport { IListService, ListService };\n",
    );
    expect(stub.IListService).toEqual({ serviceId: 'listService' });
    expect(() => new (stub.ListService as new () => unknown)()).toThrow(/left out/);
  });

  it('refuses a module without an export statement', () => {
    expect(() =>
      stubSource('export default 1;', 'editor/y.js', 'y', { instantiation: 'i.js', contextKey: 'c.js' }),
    ).toThrow('Monaco module editor/y.js has no export { ... } statement to stub.');
  });
});

describe('standIns', () => {
  /** Imports a stand-in that imports nothing. */
  async function importStandIn(path: string): Promise<Record<string, unknown>> {
    const file = join(directory, `stand-in-${Math.random().toString(36).slice(2)}.mjs`);
    writeFileSync(file, standIns[path]?.source ?? '');
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  }

  it('finds no quick fix for a squiggle', async () => {
    const codeAction = await importStandIn('editor/contrib/codeAction/browser/codeAction.js');
    const actions = await (codeAction.getCodeActions as () => Promise<{ validActions: unknown[] }>)();
    expect(actions.validActions).toEqual([]);
    expect(codeAction.quickFixCommandId).toBe('editor.action.quickFix');
  });

  it("creates the DOM line breaks computer's factory, which refuses the 'advanced' wrapping clearly", async () => {
    const { DOMLineBreaksComputerFactory } = (await importStandIn(
      'editor/browser/view/domLineBreaksComputer.js',
    )) as {
      DOMLineBreaksComputerFactory: { create(): { createLineBreaksComputer(): unknown } };
    };
    expect(() => DOMLineBreaksComputerFactory.create().createLineBreaksComputer()).toThrow(
      "wrappingStrategy 'advanced' is left out of the admin app's build",
    );
  });
});

describe('trimSource', () => {
  it('removes every match of each pattern, keeping what the replacement names', () => {
    const source =
      "a: { description: localize(1, 'first'), type: 'x' },\nb: { description: localize(2, 'second') }";
    const trim = { reason: 'r', replacements: [[/(description): localize\([^)]*\)/g, "$1: ''"]] } as const;
    expect(trimSource(source, trim, 'a.js')).toBe(
      "a: { description: '', type: 'x' },\nb: { description: '' }",
    );
  });

  it('refuses a pattern that matches nothing, naming the module', () => {
    expect(() =>
      trimSource('const a = 1;', { reason: 'r', replacements: [[/localize\(/g, '']] }, 'editor/a.js'),
    ).toThrow('Monaco module editor/a.js no longer holds /localize\\(/g: update app/monaco/slim.ts.');
  });

  it("leaves the installed editor settings' schema without descriptions but with every setting", () => {
    for (const path of [
      'editor/common/config/editorOptions.js',
      'editor/common/config/editorConfigurationSchema.js',
    ]) {
      const original = readFileSync(join(monacoRoot(), path), 'utf8');
      const trimmedSource = trimSource(original, trimmed[path]!, path);
      expect(trimmedSource).not.toMatch(/escription: localize\(/);
      expect(trimmedSource).not.toMatch(/numDescriptions: \[\s*localize/);
      expect(trimmedSource.match(/^\s+default: /gm)?.length).toBe(original.match(/^\s+default: /gm)?.length);
      expect(trimmedSource.length).toBeLessThan(original.length * 0.9);
    }
  });
});

describe('trimmed colour modules', () => {
  it('keep every colour of the installed Monaco, without descriptions', () => {
    const colourModules = Object.keys(trimmed).filter((path) =>
      /Colors\.js$|symbolIcons\.js$|ColorRegistry\.js$/.test(path),
    );
    expect(colourModules.length).toBeGreaterThanOrEqual(12);
    for (const path of colourModules) {
      const original = readFileSync(join(monacoRoot(), path), 'utf8');
      const trimmedSource = trimSource(original, trimmed[path]!, path);
      expect(trimmedSource.match(/registerColor\(/g)?.length).toBe(
        original.match(/registerColor\(/g)?.length,
      );
      expect(trimmedSource).not.toMatch(/localize\(\d+, ["'][^"']*["']\)/);
    }
  });
});

describe('monacoSlim', () => {
  it('stubs every listed module of the installed Monaco, and nothing else', () => {
    const plugin = monacoSlim();
    const load = plugin.load as (id: string) => string | undefined;
    for (const path of Object.keys(leftOut)) {
      const id = join(monacoRoot(), path);
      expect(readFileSync(id, 'utf8')).toMatch(/^export \{/m);
      expect(load.call(undefined, `${id}?v=1`)).toContain('is left out of the admin app');
    }
    for (const [path, { source }] of Object.entries(standIns)) {
      const exported = /^export \{([^}]*)\};?$/m.exec(readFileSync(join(monacoRoot(), path), 'utf8'));
      for (const name of (exported?.[1] ?? '').split(',').map((part) => part.trim()))
        expect(source).toMatch(new RegExp(`^export (?:class|const|(?:async )?function) ${name}\\b`, 'm'));
      expect(load.call(undefined, join(monacoRoot(), path))).toBe(source);
    }
    for (const [path, trim] of Object.entries(trimmed))
      expect(load.call(undefined, join(monacoRoot(), path))).toBe(
        trimSource(readFileSync(join(monacoRoot(), path), 'utf8'), trim, path),
      );
    expect(load.call(undefined, join(monacoRoot(), 'editor/editor.api.js'))).toBeUndefined();
  });
});
