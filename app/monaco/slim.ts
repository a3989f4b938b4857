/**
 * A Vite plugin that leaves parts of Monaco's core out of the admin app's build. Monaco's editor API
 * imports every part of the standalone editor (the diff editors, the command palette, GPU rendering...)
 * whether an editor uses them or not; the Text view uses none of the parts listed in {@link leftOut}, so
 * each of those modules is replaced by a stub with the same exports. A stub export is a function that
 * throws a clear error when called or constructed (`class X extends Stub` still loads) and whose
 * `get(editor)` (how an editor contribution is found) answers null, "not installed"; service identifiers
 * and context keys stay real ones, so the code registering or reading them keeps working. The few parts
 * every editor constructs get a do-nothing stand-in instead ({@link standIns}), and texts and tables
 * that loaded modules hold but the Text view never shows or reads are removed from them, as are parts
 * it does its own way (grapheme clusters, the bracket search without the pair tree: {@link trimmed}).
 *
 * Run the admin e2e (test/e2e/admin-text-view.test.ts) after changing the list: a module the Text view
 * does need fails there with the error below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  'editor/standalone/browser/services/standaloneWebWorkerService.js':
    'starting web workers (no part of the build starts one: see editorWorkerService.js below)',
  'editor/browser/viewParts/rulersGpu/rulersGpu.js':
    'rulers drawn by the GPU (the experimentalGpuAcceleration option, off)',
  'editor/browser/services/inlineCompletionsService.js':
    'snoozing inline completions (the rule language has none)',
  'editor/standalone/browser/standaloneWebWorker.js':
    'web workers of Monaco for a language (monaco.editor.createWebWorker; the rule language runs on the main thread)',
  'platform/history/browser/contextScopedHistoryWidget.js': "the find widget's input history",
  'platform/actions/browser/menuEntryActionViewItem.js':
    'menu items, drop-down actions and context menu actions (the Text view shows no menu; context menus are stood in)',
  'platform/accessibilitySignal/browser/accessibilitySignalService.js':
    "the accessibility signals' catalogue (the standalone editor's signal service plays none; its identifier stays)",
  'base/common/observableInternal/logging/debugger/devToolsLogger.js':
    'the observables debugger (only with the VSCODE_DEV_DEBUG_OBSERVABLES environment variable)',
  'editor/common/services/semanticTokensStylingService.js':
    'the styling of semantic tokens (only the semantic tokens features, not included, use it)',
  'editor/contrib/smartSelect/browser/bracketSelections.js':
    "the completion list's locality bonus (the suggest.localityBonus option, off)",
  'base/common/glob.js':
    'glob patterns of language selectors and file associations (the rule language is selected by its id)',
};

/**
 * The source of a view part that draws nothing: a `ViewPart` (one of the editor's layers) with an empty
 * `element` as its `domNode` (`this._domNode` too), and `members` (methods the view calls on it).
 */
function emptyViewPart(name: string, members: readonly string[] = [], element = 'div'): string {
  return [
    "import { createFastDomNode } from 'monaco-editor/base/browser/fastDomNode';",
    "import { ViewPart } from 'monaco-editor/editor/browser/view/viewPart';",
    `export class ${name} extends ViewPart {`,
    `  constructor(context) { super(context); this.domNode = this._domNode = createFastDomNode(document.createElement('${element}')); }`,
    '  prepareRender() {}',
    '  render() {}',
    ...members.map((member) => `  ${member}`),
    '}',
    '',
  ].join('\n');
}

/** The source of a layer of the text's lines that draws nothing (a `DynamicViewOverlay`). */
function emptyOverlay(name: string): string {
  return [
    "import { DynamicViewOverlay } from 'monaco-editor/editor/browser/view/dynamicViewOverlay';",
    `export class ${name} extends DynamicViewOverlay {`,
    '  prepareRender() {}',
    "  render() { return ''; }",
    '}',
    '',
  ].join('\n');
}

/** Modules every editor constructs, replaced by a stand-in that does nothing. */
export const standIns: Readonly<Record<string, { reason: string; source: string }>> = {
  'editor/browser/view/domLineBreaksComputer.js': {
    reason:
      "wrapping measured in the DOM (the wrappingStrategy option 'advanced'; the Text view wraps 'simple')",
    source: [
      'export class DOMLineBreaksComputerFactory {',
      '  static create() { return new DOMLineBreaksComputerFactory(); }',
      '  createLineBreaksComputer() {',
      "    throw new Error(\"Monaco's wrappingStrategy 'advanced' is left out of the admin app's build: see app/monaco/slim.ts.\");",
      '  }',
      '}',
      '',
    ].join('\n'),
  },
  'editor/browser/viewParts/minimap/minimap.js': {
    reason: 'the minimap (the Text view turns it off)',
    source: emptyViewPart('Minimap', ['getDomNode() { return this._domNode; }']),
  },
  'platform/contextview/browser/contextMenuHandler.js': {
    reason: 'context menus (the Text view has no editor context menu; a menu asked for does not show)',
    source: 'export class ContextMenuHandler { configure() {} showContextMenu() {} }\n',
  },
  'editor/contrib/suggest/browser/suggestWidgetStatus.js': {
    reason: "the completion list's status bar (the suggest.showStatusBar option, off)",
    source: [
      'export class SuggestWidgetStatus {',
      "  constructor() { this.element = document.createElement('div'); }",
      '  show() {}',
      '  hide() {}',
      '  dispose() {}',
      '}',
      '',
    ].join('\n'),
  },
  'editor/browser/viewParts/overviewRuler/decorationsOverviewRuler.js': {
    reason: "the decorations' marks in the scrollbar (the overviewRulerLanes option, 0)",
    source: emptyViewPart(
      'DecorationsOverviewRuler',
      ['getDomNode() { return this._domNode.domNode; }'],
      'canvas',
    ),
  },
  'editor/browser/viewParts/rulers/rulers.js': {
    reason: 'vertical rulers at given columns (the rulers option, none)',
    source: emptyViewPart('Rulers'),
  },
  'editor/browser/viewParts/blockDecorations/blockDecorations.js': {
    reason: 'decorations drawn as blocks around lines (blockClassName; the Text view sets none)',
    source: emptyViewPart('BlockDecorations'),
  },
  'editor/browser/viewParts/viewZones/viewZones.js': {
    reason:
      'view zones, space inserted between lines (editor.changeViewZones; used by peek views and diff editors, not in the build)',
    source: emptyViewPart('ViewZones', [
      "marginDomNode = createFastDomNode(document.createElement('div'));",
      'shouldSuppressMouseDownOnViewZone() { return false; }',
      `changeViewZones() { throw new Error("Monaco's view zones are left out of the admin app's build: see app/monaco/slim.ts."); }`,
    ]),
  },
  'editor/browser/viewParts/whitespace/whitespace.js': {
    reason:
      "whitespace drawn over the text (the experimentalWhitespaceRendering option, 'off': the lines render their whitespace themselves)",
    source: emptyOverlay('WhitespaceOverlay'),
  },
  'editor/browser/viewParts/wordWrapIndicator/wordWrapIndicator.js': {
    reason: 'a mark where a line wraps (the wordWrapIndicator option, off)',
    source: emptyOverlay('WordWrapIndicatorOverlay'),
  },
  'platform/actions/common/menuService.js': {
    reason:
      "menus of actions (for context menus, toolbars and the completion list's status bar, none of which the Text view shows)",
    source: [
      'const nothing = { dispose() {} };',
      'const emptyMenu = { onDidChange: () => nothing, getActions: () => [], dispose() {} };',
      'export class MenuService {',
      '  createMenu() { return emptyMenu; }',
      '  getMenuActions() { return []; }',
      '  getMenuContexts() { return new Set(); }',
      '  resetHiddenStates() {}',
      '}',
      'export function createConfigureKeybindingAction() {',
      '  throw new Error("Monaco\'s menus are left out of the admin app\'s build: see app/monaco/slim.ts.");',
      '}',
      '',
    ].join('\n'),
  },
  'editor/contrib/snippet/browser/snippetController2.js': {
    reason:
      "snippets: tab stops, placeholders, choices and variables (the rule language's completions are plain text, inserted by app/monaco/plain-insert.ts)",
    source: [
      "import { RawContextKey } from 'monaco-editor/platform/contextkey/common/contextkey';",
      "import { registerEditorContribution } from 'monaco-editor/editor/browser/editorExtensions';",
      `import { insertPlainText } from ${JSON.stringify(fileURLToPath(new URL('./plain-insert.ts', import.meta.url)))};`,
      'export class SnippetController2 {',
      "  static ID = 'snippetController2';",
      '  static get(editor) { return editor.getContribution(SnippetController2.ID); }',
      "  static InSnippetMode = new RawContextKey('inSnippetMode', false);",
      "  static HasNextTabstop = new RawContextKey('hasNextTabstop', false);",
      "  static HasPrevTabstop = new RawContextKey('hasPrevTabstop', false);",
      "  static InSnippetChoice = new RawContextKey('inSnippetChoice', false);",
      '  constructor(editor) { this._editor = editor; }',
      '  insert(template, options) { insertPlainText(this._editor, template, options); }',
      '  isInSnippet() { return false; }',
      '  finish() {}',
      '  cancel() {}',
      '  prev() {}',
      '  next() {}',
      '  dispose() {}',
      '}',
      '// 4: EditorContributionInstantiation.Lazy, created when the completion list first asks for it.',
      'registerEditorContribution(SnippetController2.ID, SnippetController2, 4);',
      '',
    ].join('\n'),
  },
  'editor/browser/controller/editContext/native/nativeEditContext.js': {
    reason:
      'input through the EditContext API (the editContext option, off: the textarea input serves every browser)',
    source: [
      // The original's one side effect: the text edits' helpers that it installs for every module.
      "import 'monaco-editor/editor/common/core/text/positionToOffset';",
      'export class NativeEditContext {',
      '  constructor() {',
      '    throw new Error("Monaco\'s EditContext input is left out of the admin app\'s build (set editContext: false): see app/monaco/slim.ts.");',
      '  }',
      '}',
      '',
    ].join('\n'),
  },
  'platform/hover/browser/hoverService.js': {
    reason:
      "tooltips of icons and buttons drawn as hover widgets (they are native tooltips, the `title` attribute, as in Monaco's showNativeHover mode; the editor's own hovers are unchanged)",
    source: [
      "import { registerSingleton } from 'monaco-editor/platform/instantiation/common/extensions';",
      "import { IHoverService } from 'monaco-editor/platform/hover/browser/hover';",
      'function titleOf(contentOrFactory) {',
      "  const content = typeof contentOrFactory === 'function' ? contentOrFactory() : contentOrFactory;",
      "  if (typeof content === 'string') return content.replace(/\\$\\([a-z0-9-~]+\\)\\s*/gi, '');",
      "  if (content && typeof content === 'object' && 'markdownNotSupportedFallback' in content) return content.markdownNotSupportedFallback;",
      '  return undefined;',
      '}',
      'function setTitle(target, title) {',
      "  if (title) target.setAttribute('title', title);",
      "  else target.removeAttribute('title');",
      '}',
      'const nothing = { dispose() {} };',
      'export class HoverService {',
      '  showInstantHover() { return undefined; }',
      '  showDelayedHover() { return undefined; }',
      '  setupDelayedHover() { return nothing; }',
      '  setupDelayedHoverAtMouse() { return nothing; }',
      '  hideHover() {}',
      '  showAndFocusLastHover() {}',
      '  showManagedHover() {}',
      '  setupManagedHover(_delegate, target, content) {',
      '    setTitle(target, titleOf(content));',
      '    return {',
      '      update: (next) => setTitle(target, titleOf(next)),',
      '      show() {},',
      '      hide() {},',
      '      dispose: () => setTitle(target, undefined),',
      '    };',
      '  }',
      '  dispose() {}',
      '}',
      'registerSingleton(IHoverService, HoverService, 1);',
      '',
    ].join('\n'),
  },
  'editor/browser/services/editorWorkerService.js': {
    reason:
      "the editor worker (formatting's minimal edits are computed on the main thread by app/monaco/editor-worker-service.ts; word-based completion, links, diffs and colour or unicode scans are not in the build)",
    source: [
      "import { IModelService } from 'monaco-editor/editor/common/services/model';",
      `import { EditorWorkerService } from ${JSON.stringify(fileURLToPath(new URL('./editor-worker-service.ts', import.meta.url)))};`,
      '// What `@IModelService` on its constructor parameter does in the original.',
      'IModelService(EditorWorkerService, undefined, 0);',
      'export { EditorWorkerService };',
      'export class EditorWorkerClient {',
      '  constructor() {',
      '    throw new Error("Monaco\'s editor worker is left out of the admin app\'s build: see app/monaco/slim.ts.");',
      '  }',
      '}',
      '',
    ].join('\n'),
  },
  'platform/contextview/browser/contextViewService.js': {
    reason:
      'views floating beside an anchor, for context menus and drop-downs (the Text view shows neither: context menus are stood in above)',
    source: [
      'export class ContextViewHandler {',
      '  showContextView() {',
      '    throw new Error("Monaco\'s context views are left out of the admin app\'s build: see app/monaco/slim.ts.");',
      '  }',
      '  layout() {}',
      '  hideContextView() {}',
      '  dispose() {}',
      '}',
      'export class ContextViewService extends ContextViewHandler {',
      '  getContextViewElement() { return undefined; }',
      '}',
      '',
    ].join('\n'),
  },
  'editor/browser/services/openerService.js': {
    reason:
      "opening links (the Text view's texts link nowhere; a web link Monaco is asked to open still opens in a new tab, other targets and registered openers are not consulted)",
    source: [
      'const nothing = { dispose() {} };',
      'export class OpenerService {',
      '  registerOpener() { return nothing; }',
      '  registerValidator() { return nothing; }',
      '  registerExternalUriResolver() { return nothing; }',
      '  setDefaultExternalOpener() {}',
      '  registerExternalOpener() { return nothing; }',
      '  async open(target) {',
      '    const href = String(target);',
      '    if (!/^https?:/i.test(href)) return false;',
      "    window.open(href, '_blank', 'noopener');",
      '    return true;',
      '  }',
      '  async resolveExternalUri(resource) { return { resolved: resource, dispose() {} }; }',
      '  dispose() {}',
      '}',
      '',
    ].join('\n'),
  },
  'base/browser/markdownRenderer.js': {
    reason:
      'Markdown rendering through marked and DOMPurify (hovers and completion details are rendered by app/monaco/markdown.ts, into text nodes)',
    source: `export { allowedMarkdownHtmlAttributes, allowedMarkdownHtmlTags, fillInIncompleteTokens, renderAsPlaintext, renderMarkdown } from ${JSON.stringify(fileURLToPath(new URL('./markdown.ts', import.meta.url)))};\n`,
  },
};

/** Texts or data a loaded module holds but the Text view never shows or reads, or code it replaces. */
export interface Trim {
  reason: string;
  /**
   * What is removed: each pattern (global ones at every match) and what replaces it (`$1` is its first
   * group; a function gets the match and its groups); the build fails when a pattern matches nothing.
   */
  replacements: readonly (readonly [RegExp, string | ((match: string, ...groups: string[]) => string)])[];
}

/** The settings' descriptions, for a settings editor: `description: localize(12, "Text {0}", '`#x#`')`. */
const settingDescriptions: Trim = {
  reason: "the editor settings' descriptions (for a settings editor; the standalone editor shows none)",
  replacements: [
    [
      /\b(description|markdownDescription|deprecationMessage|markdownDeprecationMessage): localize\(\d+, (?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')(?:, (?:'[^'\n]*'|"[^"\n]*"|`[^`\n]*`|[\w.]+))*\)/g,
      "$1: ''",
    ],
    [/\b(enumDescriptions|markdownEnumDescriptions): \[[^[\]]*\]/g, '$1: []'],
  ],
};

/** The theme colours' descriptions, for a settings editor: `registerColor('x', ..., localize(3, "Text"))`. */
const colourDescriptions: Trim = {
  reason: "the theme colours' descriptions (for a settings editor; the standalone editor shows none)",
  replacements: [[/localize\(\d+, (?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\)/g, "''"]],
};

/** The modules registering theme colours (every `localize` in them describes a colour). */
const colourModules = [
  ...['base', 'charts', 'editor', 'input', 'list', 'menu', 'minimap', 'misc', 'quickpick', 'search'].map(
    (name) => `platform/theme/common/colors/${name}Colors.js`,
  ),
  'editor/common/core/editorColorRegistry.js',
  'editor/contrib/symbolIcons/browser/symbolIcons.js',
];

/** What Monaco's code names of the codicon library: keys (`Codicon.chevronRight`) and ids (`'chevron-down'`). */
export interface CodiconNames {
  keys: ReadonlySet<string>;
  ids: ReadonlySet<string>;
}

/**
 * The codicons any module of the installed Monaco names, whichever of them a build includes: as
 * `Codicon.x`, as a class (`codicon-x`), in a label (`$(x)`), or as the icon a derived codicon copies
 * (`register('dialog-error', 'error')`).
 *
 * @example codiconsInUse().keys.has('chevronRight') // true
 */
export function codiconsInUse(root = monacoRoot()): CodiconNames {
  const keys = new Set<string>();
  const ids = new Set<string>();
  for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.js') || name.endsWith('codiconsLibrary.js')) continue;
    const source = readFileSync(join(root, name), 'utf8');
    for (const match of source.matchAll(/\bCodicon\.(\w+)/g)) keys.add(match[1] as string);
    for (const match of source.matchAll(/(?:codicon-|\$\()([a-z][a-z0-9-]*)/g)) ids.add(match[1] as string);
    for (const match of source.matchAll(/\bregister\('[\w-]+', '([\w-]+)'\)/g)) ids.add(match[1] as string);
  }
  return { keys, ids };
}

/** The codicon library without the icons no module names (about 650 of 760, for the whole workbench). */
function unusedCodicons(findNames: () => CodiconNames): Trim {
  // Read Monaco's modules only when the library is trimmed, not whenever this file is imported.
  let names: CodiconNames | undefined;
  return {
    reason: "the codicons no Monaco module names (the library holds the whole workbench's icons)",
    replacements: [
      [
        /^ {4}(\w+): register\('([\w-]+)', 0x[\da-f]+\),\n/gm,
        (line, key, id) => {
          names ??= findNames();
          return names.keys.has(key as string) || names.ids.has(id as string) ? line : '';
        },
      ],
    ],
  };
}

/** Modules (paths under `monaco-editor/esm/vs/`) with the parts removed from them. */
export const trimmed: Readonly<Record<string, Trim>> = {
  'base/common/codiconsLibrary.js': unusedCodicons(() => codiconsInUse()),
  'editor/common/config/editorOptions.js': settingDescriptions,
  'editor/common/config/editorConfigurationSchema.js': settingDescriptions,
  ...Object.fromEntries(colourModules.map((path) => [path, colourDescriptions])),
  'editor/common/model/bracketPairsTextModelPart/bracketPairsImpl.js': {
    reason:
      "the bracket pair tree (for colouring bracket pairs and their guides, both off: rule texts are a few lines and nest a level or two); matching brackets takes the line-scanning search Monaco keeps for texts too long for the tree, and so does auto-closing's check for an unmatched closing bracket (app/monaco/unmatched-brackets.ts)",
    replacements: [
      [
        /^import \{ BracketPairsTree \} from '\.\/bracketPairsTree\/bracketPairsTree\.js';$/m,
        [
          `import { hasUnmatchedClosingBracketAfter } from ${JSON.stringify(fileURLToPath(new URL('./unmatched-brackets.ts', import.meta.url)))};`,
          'class BracketPairsTree { constructor() { throw new Error("Monaco\'s bracket pair tree is left out of the admin app\'s build: see app/monaco/slim.ts."); } }',
        ].join('\n'),
      ],
      [/(get canBuildAST\(\) \{)[^}]*\}/, '$1 return false; }'],
      [
        /this\.bracketsRequested = true;\s*this\.updateBracketPairsTree\(\);\s*return this\.bracketPairsTree\.value\?\.object\.hasUnmatchedClosingBracketAfter\(position, openingBracketInfo\) \?\? false;/,
        'return hasUnmatchedClosingBracketAfter(this, position, openingBracketInfo);',
      ],
    ],
  },
  'base/common/strings.js': {
    reason:
      'the tables of confusable and invisible characters (for the unicode highlighter, left out), and the grapheme break table (clusters come from Intl.Segmenter: app/monaco/graphemes.ts)',
    replacements: [
      [
        /class GraphemeIterator \{[^]*?\n(?=function getCharContainingOffset)/,
        `import { GraphemeIterator, nextCharLength, prevCharLength } from ${JSON.stringify(fileURLToPath(new URL('./graphemes.ts', import.meta.url)))};\n`,
      ],
      [
        /function breakBetweenGraphemeBreakType\([^]*?\nfunction getGraphemeBreakRawData\(\) \{[^]*?\n\}\n/,
        '',
      ],
      [
        /(ambiguousCharacterData = new Lazy\(\(\) => \{[^]*?return )JSON\.parse\('[^']*'\)/,
        '$1{ _common: [] }',
      ],
      [
        /(class InvisibleCharacters \{\s*static getRawData\(\) \{[^]*?return )JSON\.parse\('[^']*'\)/,
        '$1{ _common: [] }',
      ],
    ],
  },
};

/**
 * `source` without the parts `trim` removes; `path` names the module in the error thrown when a pattern
 * matches nothing (Monaco changed: update {@link trimmed}).
 *
 * @example trimSource("a: localize(1, 'x')", { reason: 'r', replacements: [[/localize\(.*\)/, "''"]] }, 'a.js') // "a: ''"
 */
export function trimSource(source: string, trim: Trim, path: string): string {
  return trim.replacements.reduce((text, [pattern, replacement]) => {
    if (!new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text))
      throw new Error(`Monaco module ${path} no longer holds ${String(pattern)}: update app/monaco/slim.ts.`);
    return typeof replacement === 'string'
      ? text.replace(pattern, replacement)
      : text.replace(pattern, replacement);
  }, source);
}

const serviceIdentifier = /const (\w+) = createDecorator\(['"]([^'"]+)['"]\)/g;
const contextKey = /const (\w+) = new RawContextKey\(['"]([^'"]+)['"], (true|false|undefined)\b/g;

/** Where the stubs import what keeps service identifiers and context keys real. */
export interface StubImports {
  /** `platform/instantiation/common/instantiation.js` (createDecorator). */
  instantiation: string;
  /** `platform/contextkey/common/contextkey.js` (RawContextKey). */
  contextKey: string;
}

/**
 * The stub of a module: its export names (from its `export { ... }` statements) as functions that throw,
 * except service identifiers and context keys (with a literal default), which stay real so that code
 * registering, injecting or reading them still works.
 *
 * @example stubSource("const IX = createDecorator('x'); class A {} export { A, IX };", 'a.js', 'why', imports)
 */
export function stubSource(original: string, path: string, reason: string, imports: StubImports): string {
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
  const keys = new Map([...original.matchAll(contextKey)].map((match) => [match[1], [match[2], match[3]]]));
  const message = `Monaco's ${path} (${reason}) is left out of the admin app's build: see app/monaco/slim.ts.`;
  const lines = [
    `import { createDecorator } from ${JSON.stringify(imports.instantiation)};`,
    `import { RawContextKey } from ${JSON.stringify(imports.contextKey)};`,
    `const message = ${JSON.stringify(message)};`,
    'function unavailable() {',
    '  const stub = function () { throw new Error(message); };',
    '  stub.get = () => null;',
    '  return stub;',
    '}',
  ];
  for (const name of names) {
    const service = services.get(name);
    const key = keys.get(name);
    if (service !== undefined)
      lines.push(`export const ${name} = createDecorator(${JSON.stringify(service)});`);
    else if (key !== undefined)
      lines.push(`export const ${name} = new RawContextKey(${JSON.stringify(key[0])}, ${key[1]});`);
    else lines.push(`export const ${name} = unavailable();`);
  }
  return `${lines.join('\n')}\n`;
}

/** Where `monaco-editor/esm/vs` is installed. */
export function monacoRoot(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('monaco-editor/editor'));
}

/**
 * The plugin: loads a stub instead of each module in `modules`, and the stand-ins' sources.
 *
 * @example defineConfig({ plugins: [monacoSlim()] })
 */
export function monacoSlim(
  modules: Readonly<Record<string, string>> = leftOut,
  replaced: typeof standIns = standIns,
  trims: Readonly<Record<string, Trim>> = trimmed,
): Plugin {
  const root = monacoRoot();
  const imports: StubImports = {
    instantiation: join(root, 'platform/instantiation/common/instantiation.js'),
    contextKey: join(root, 'platform/contextkey/common/contextkey.js'),
  };
  const stubs = new Map([
    ...Object.entries(modules).map(([path, reason]): [string, string] => {
      const file = join(root, path);
      return [file, stubSource(readFileSync(file, 'utf8'), path, reason, imports)];
    }),
    ...Object.entries(replaced).map(([path, { source }]): [string, string] => [join(root, path), source]),
    ...Object.entries(trims).map(([path, part]): [string, string] => {
      const file = join(root, path);
      return [file, trimSource(readFileSync(file, 'utf8'), part, path)];
    }),
  ]);
  return {
    name: 'proactive-monaco-slim',
    enforce: 'pre',
    load(id) {
      return stubs.get(id.split('?')[0] ?? id);
    },
  };
}
