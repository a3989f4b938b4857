import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  codiconsInUse,
  leftOut,
  monacoRoot,
  monacoSlim,
  standIns,
  stubSource,
  trimmed,
  trimSource,
} from './slim.ts';

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

/** Imports a stand-in (its `source`, or `source` given with its imports replaced). */
async function importStandIn(
  path: string,
  source = standIns[path]?.source ?? '',
): Promise<Record<string, unknown>> {
  const file = join(directory, `stand-in-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, source);
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

describe('standIns of what the Text view does not show', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A stand-in's source with Monaco's base classes replaced by minimal ones, imported. */
  async function importWithBases(path: string): Promise<Record<string, unknown>> {
    vi.stubGlobal('document', { createElement: (tag: string) => ({ tagName: tag.toUpperCase() }) });
    const source = (standIns[path]?.source ?? '')
      .replace(/^import \{ createFastDomNode \}.*$/m, 'const createFastDomNode = (domNode) => ({ domNode });')
      .replace(
        /^import \{ ViewPart \}.*$/m,
        'class ViewPart { constructor(context) { this._context = context; } }',
      )
      .replace(/^import \{ DynamicViewOverlay \}.*$/m, 'class DynamicViewOverlay {}');
    expect(source).not.toMatch(/^import /m);
    return importStandIn(path, source);
  }

  it('draws empty layers: rulers, block decorations, the minimap, whitespace and wrap marks', async () => {
    for (const [path, name] of [
      ['editor/browser/viewParts/rulers/rulers.js', 'Rulers'],
      ['editor/browser/viewParts/blockDecorations/blockDecorations.js', 'BlockDecorations'],
      ['editor/browser/viewParts/minimap/minimap.js', 'Minimap'],
    ] as const) {
      const Part = (await importWithBases(path))[name] as new (context: unknown) => {
        domNode: { domNode: { tagName: string } };
        prepareRender(): void;
        render(): void;
      };
      const part = new Part({});
      expect(part.domNode.domNode.tagName, name).toBe('DIV');
      part.prepareRender();
      part.render();
    }
    for (const [path, name] of [
      ['editor/browser/viewParts/whitespace/whitespace.js', 'WhitespaceOverlay'],
      ['editor/browser/viewParts/wordWrapIndicator/wordWrapIndicator.js', 'WordWrapIndicatorOverlay'],
    ] as const) {
      const Overlay = (await importWithBases(path))[name] as new () => { render(): string };
      expect(new Overlay().render(), name).toBe('');
    }
  });

  it('adds no view zone, and says so clearly when asked to', async () => {
    const { ViewZones } = (await importWithBases('editor/browser/viewParts/viewZones/viewZones.js')) as {
      ViewZones: new (context: unknown) => {
        marginDomNode: { domNode: { tagName: string } };
        shouldSuppressMouseDownOnViewZone(): boolean;
        changeViewZones(callback: () => void): void;
      };
    };
    const zones = new ViewZones({});
    expect(zones.marginDomNode.domNode.tagName).toBe('DIV');
    expect(zones.shouldSuppressMouseDownOnViewZone()).toBe(false);
    expect(() => zones.changeViewZones(() => undefined)).toThrow(
      "view zones are left out of the admin app's build",
    );
  });

  it('has only empty menus', async () => {
    const { MenuService, createConfigureKeybindingAction } = (await importStandIn(
      'platform/actions/common/menuService.js',
    )) as {
      MenuService: new () => {
        createMenu(): { getActions(): unknown[]; onDidChange(listener: () => void): { dispose(): void } };
        getMenuActions(): unknown[];
        getMenuContexts(): Set<string>;
      };
      createConfigureKeybindingAction: () => unknown;
    };
    const service = new MenuService();
    const menu = service.createMenu();
    expect(menu.getActions()).toEqual([]);
    menu.onDidChange(() => undefined).dispose();
    expect(service.getMenuActions()).toEqual([]);
    expect(service.getMenuContexts().size).toBe(0);
    expect(() => createConfigureKeybindingAction()).toThrow("menus are left out of the admin app's build");
  });
});

describe('standIns that read the editor', () => {
  it('inserts completions as plain text through a lazy editor contribution, with the snippet context keys', async () => {
    const path = 'editor/contrib/snippet/browser/snippetController2.js';
    const source = standIns[path]?.source ?? '';
    const registered: unknown[] = [];
    const inserted: unknown[] = [];
    Object.assign(globalThis, {
      snippetTest: {
        RawContextKey: class {
          constructor(
            readonly key: string,
            readonly value: unknown,
          ) {}
        },
        registerEditorContribution: (...args: unknown[]) => registered.push(args),
        insertPlainText: (...args: unknown[]) => inserted.push(args),
      },
    });
    const { SnippetController2 } = (await importStandIn(
      path,
      source
        .replace(/^import \{ RawContextKey \}.*$/m, 'const { RawContextKey } = globalThis.snippetTest;')
        .replace(
          /^import \{ registerEditorContribution \}.*$/m,
          'const { registerEditorContribution } = globalThis.snippetTest;',
        )
        .replace(/^import \{ insertPlainText \}.*$/m, 'const { insertPlainText } = globalThis.snippetTest;'),
    )) as {
      SnippetController2: {
        new (editor: unknown): { insert(template: string, options: unknown): void; isInSnippet(): boolean };
        ID: string;
        get(editor: { getContribution(id: string): unknown }): unknown;
        InSnippetMode: { key: string; value: unknown };
      };
    };
    expect(registered).toEqual([['snippetController2', SnippetController2, 4]]);
    expect(SnippetController2.InSnippetMode).toMatchObject({ key: 'inSnippetMode', value: false });
    const editor = {
      getContribution: (id: string) => (id === SnippetController2.ID ? 'the controller' : null),
    };
    expect(SnippetController2.get(editor)).toBe('the controller');
    const controller = new SnippetController2(editor);
    controller.insert('page_url ', { overwriteBefore: 4 });
    expect(inserted).toEqual([[editor, 'page_url ', { overwriteBefore: 4 }]]);
    expect(controller.isInSnippet()).toBe(false);
    expect(source).toContain('plain-insert.ts');
  });

  it('shows no context view, and says so clearly when asked to', async () => {
    const { ContextViewService } = (await importStandIn(
      'platform/contextview/browser/contextViewService.js',
    )) as { ContextViewService: new () => Record<string, () => unknown> };
    const service = new ContextViewService();
    service.layout!();
    service.hideContextView!();
    expect(service.getContextViewElement!()).toBeUndefined();
    expect(() => service.showContextView!()).toThrow("Monaco's context views are left out");
  });

  it('opens web links in a new tab and nothing else', async () => {
    const { OpenerService } = (await importStandIn('editor/browser/services/openerService.js')) as {
      OpenerService: new () => Record<string, (...args: unknown[]) => unknown>;
    };
    const opened: unknown[] = [];
    vi.stubGlobal('window', { open: (...args: unknown[]) => opened.push(args) });
    const service = new OpenerService();
    await expect(service.open!('https://acme.test/docs')).resolves.toBe(true);
    await expect(service.open!({ toString: () => 'http://acme.test/' })).resolves.toBe(true);
    await expect(service.open!('command:editor.action.formatDocument')).resolves.toBe(false);
    await expect(service.open!('file:///etc/passwd')).resolves.toBe(false);
    expect(opened).toEqual([
      ['https://acme.test/docs', '_blank', 'noopener'],
      ['http://acme.test/', '_blank', 'noopener'],
    ]);
    (service.registerOpener!() as { dispose(): void }).dispose();
    vi.unstubAllGlobals();
  });

  it('refuses the EditContext input clearly, naming the option that keeps it unused', async () => {
    const source =
      standIns['editor/browser/controller/editContext/native/nativeEditContext.js']?.source ?? '';
    const { NativeEditContext } = (await importStandIn(
      'editor/browser/controller/editContext/native/nativeEditContext.js',
      source.replace(/^import .*$/m, ''),
    )) as { NativeEditContext: new () => unknown };
    expect(() => new NativeEditContext()).toThrow('set editContext: false');
    expect(source).toMatch(/^import 'monaco-editor\/editor\/common\/core\/text\/positionToOffset';$/m);
  });

  it('shows managed hovers as native tooltips (the title attribute)', async () => {
    const source = standIns['platform/hover/browser/hoverService.js']?.source ?? '';
    const registered: unknown[] = [];
    (globalThis as { registerSingletonForTest?: unknown }).registerSingletonForTest = (...args: unknown[]) =>
      registered.push(args);
    const { HoverService } = (await importStandIn(
      'platform/hover/browser/hoverService.js',
      source
        .replace(
          /^import \{ registerSingleton \}.*$/m,
          'const registerSingleton = globalThis.registerSingletonForTest;',
        )
        .replace(/^import \{ IHoverService \}.*$/m, "const IHoverService = 'hoverService';"),
    )) as { HoverService: new () => Record<string, (...args: unknown[]) => unknown> };
    expect(registered).toEqual([['hoverService', HoverService, 1]]);
    const attributes = new Map<string, string>();
    const target = {
      setAttribute: (name: string, value: string) => attributes.set(name, value),
      removeAttribute: (name: string) => attributes.delete(name),
    };
    const service = new HoverService();
    const hover = service.setupManagedHover!({}, target, '$(gear) Settings') as {
      update(content: unknown): void;
      dispose(): void;
    };
    expect(attributes.get('title')).toBe('Settings');
    hover.update({ markdown: '**Bold**', markdownNotSupportedFallback: 'Bold' });
    expect(attributes.get('title')).toBe('Bold');
    hover.update(() => 'From a factory');
    expect(attributes.get('title')).toBe('From a factory');
    hover.dispose();
    expect(attributes.has('title')).toBe(false);
    expect(service.showInstantHover!()).toBeUndefined();
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

describe('the trimmed codicon library', () => {
  it('keeps every codicon a Monaco module names, and those derived icons copy, and drops the rest', () => {
    const path = 'base/common/codiconsLibrary.js';
    const original = readFileSync(join(monacoRoot(), path), 'utf8');
    const kept = trimSource(original, trimmed[path]!, path);
    const entries = (source: string) =>
      new Map(
        [...source.matchAll(/^ {4}(\w+): register\('([\w-]+)'/gm)].map((match) => [match[1], match[2]]),
      );
    const before = entries(original);
    const after = entries(kept);
    const names = codiconsInUse();
    expect(names.keys.has('chevronRight') && names.keys.has('symbolKeyword')).toBe(true);
    expect(names.ids.has('error')).toBe(true); // dialogError copies 'error'
    for (const [key, id] of before)
      expect(after.has(key), `${key} (${id})`).toBe(names.keys.has(key!) || names.ids.has(id!));
    expect(after.size).toBeLessThan(before.size / 4);
    expect(kept).toMatch(/^export \{ codiconsLibrary \};$/m);
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

describe('the trimmed bracket pairs', () => {
  it('never build the bracket pair tree: matching and auto-closing take the line-scanning search', () => {
    const path = 'editor/common/model/bracketPairsTextModelPart/bracketPairsImpl.js';
    const original = readFileSync(join(monacoRoot(), path), 'utf8');
    const trimmedSource = trimSource(original, trimmed[path]!, path);
    expect(original).toMatch(/from '\.\/bracketPairsTree\/bracketPairsTree\.js'/);
    expect(trimmedSource).not.toMatch(/bracketPairsTree\.js/);
    expect(trimmedSource).toMatch(/get canBuildAST\(\) \{ return false; \}/);
    // The old search is still there for matchBracket when the tree cannot be built.
    expect(trimmedSource).toMatch(/matchBracket\(position, maxDuration\) \{\n\s*if \(this\.canBuildAST\)/);
    expect(trimmedSource).toMatch(/_matchBracket\(/);
    // Auto-closing asks whether a closing bracket after the cursor is unmatched: the search answers.
    expect(trimmedSource).toContain(
      'return hasUnmatchedClosingBracketAfter(this, position, openingBracketInfo);',
    );
    expect(trimmedSource).toMatch(
      /^import \{ hasUnmatchedClosingBracketAfter \} from ".*unmatched-brackets\.ts";$/m,
    );
    const tree = /^class BracketPairsTree .*$/m.exec(trimmedSource)?.[0] ?? '';
    const BracketPairsTree = runInThisContext(`(${tree})`) as new () => unknown;
    expect(() => new BracketPairsTree()).toThrow("Monaco's bracket pair tree is left out");
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
      const reExported = [...source.matchAll(/^export \{([^}]*)\}(?: from |;)/gm)].flatMap((match) =>
        (match[1] ?? '').split(','),
      );
      for (const name of (exported?.[1] ?? '').split(',').map((part) => part.trim()))
        if (!reExported.map((part) => part.trim()).includes(name))
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
