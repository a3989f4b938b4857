/**
 * Monaco for the rule language, bundled (no CDN) and loaded only when the Text view opens: the editor
 * core plus the features the Text view uses (./editor-features.ts), with no web worker
 * (./editor-worker-service.ts), and the `proactive` language wired to the pure editor services in
 * dsl/editor (Monarch colours, completion, hover docs with the squiggles' messages (./hover.ts), live
 * diagnostics as markers, Format Document (./format-action.ts)).
 */
import * as monaco from 'monaco-editor/editor';
import './editor-features.ts';
import { attachFormatAction } from './format-action.ts';
import { attachHover, type HoverContents, type HoverSection } from './hover.ts';
import {
  complete,
  diagnostics,
  format,
  hover,
  monarchLanguage,
  type CompletionKind,
} from '@proactive/dsl/editor';
import type { ValidateOptions } from '@proactive/dsl';

export const languageId = 'proactive';

let registered = false;
/**
 * Options for live diagnostics (the channel's schedules, the brand's declared attributes), also given to
 * completion and hover (schedule names, declared attribute keys); set by the editor that owns the model.
 */
let validateOptions: ValidateOptions = {};

/** Updates the schedule names, business-hours flag and declared attributes the services use. */
export function setValidateOptions(options: ValidateOptions): void {
  validateOptions = options;
}

/**
 * Editor options the language and the build need: completion comes only from the language (Monaco's
 * list of the document's words would otherwise show wherever the language offers nothing), and the parts
 * app/monaco/slim.ts leaves out stay off (the EditContext input, the scrollbar's decoration marks,
 * whitespace drawn over the lines rather than by them, the bracket pair tree's colours).
 */
export const languageEditorOptions = {
  wordBasedSuggestions: 'off',
  bracketPairColorization: { enabled: false },
  editContext: false,
  overviewRulerLanes: 0,
  experimentalWhitespaceRendering: 'off',
} as const satisfies monaco.editor.IStandaloneEditorConstructionOptions;

/** The text of a model, read once per version (the services then lex it once: see dsl/editor/lexing.ts). */
let lastRead: { model: monaco.editor.ITextModel; version: number; text: string } | undefined;
function textOf(model: monaco.editor.ITextModel): string {
  const version = model.getVersionId();
  if (lastRead?.model !== model || lastRead.version !== version) {
    lastRead = { model, version, text: model.getValue() };
  }
  return lastRead.text;
}

const completionKinds: Record<CompletionKind, monaco.languages.CompletionItemKind> = {
  keyword: monaco.languages.CompletionItemKind.Keyword,
  field: monaco.languages.CompletionItemKind.Field,
  operator: monaco.languages.CompletionItemKind.Operator,
  value: monaco.languages.CompletionItemKind.Value,
  snippet: monaco.languages.CompletionItemKind.Snippet,
};

function rangeOf(model: monaco.editor.ITextModel, start: number, end: number): monaco.IRange {
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  return {
    startLineNumber: from.lineNumber,
    startColumn: from.column,
    endLineNumber: to.lineNumber,
    endColumn: to.column,
  };
}

/**
 * Registers the language once and returns Monaco.
 *
 * @example const monaco = setupProactiveLanguage(); monaco.editor.create(element, { language: 'proactive' });
 */
export function setupProactiveLanguage(): typeof monaco {
  if (registered) return monaco;
  registered = true;
  monaco.languages.register({ id: languageId, extensions: ['.proactive'], aliases: ['Proactive rule'] });
  monaco.languages.setMonarchTokensProvider(
    languageId,
    monarchLanguage as unknown as monaco.languages.IMonarchLanguage,
  );
  monaco.languages.setLanguageConfiguration(languageId, {
    comments: { lineComment: '#' },
    brackets: [
      ['(', ')'],
      ['[', ']'],
    ],
    autoClosingPairs: [
      { open: '(', close: ')' },
      { open: '[', close: ']' },
      { open: '"', close: '"', notIn: ['string'] },
    ],
    surroundingPairs: [
      { open: '(', close: ')' },
      { open: '[', close: ']' },
      { open: '"', close: '"' },
    ],
    wordPattern: /[a-z_][a-z0-9_.]*/i,
  });
  monaco.languages.registerCompletionItemProvider(languageId, {
    triggerCharacters: ['.', ' ', '"', '['],
    provideCompletionItems(model, position) {
      const result = complete(textOf(model), model.getOffsetAt(position), validateOptions);
      const range = rangeOf(model, result.range.start, result.range.end);
      return {
        suggestions: result.items.map((item, index) => ({
          label: item.label,
          kind: completionKinds[item.kind],
          insertText: item.insertText,
          detail: item.detail,
          documentation: item.documentation ? { value: item.documentation } : undefined,
          sortText: String(index).padStart(4, '0'),
          range,
        })),
      };
    },
  });
  return monaco;
}

/**
 * Puts the text's diagnostics on the model as markers (squiggles).
 *
 * @example updateMarkers(editor.getModel()!)
 */
export function updateMarkers(model: monaco.editor.ITextModel): void {
  if (model.isDisposed()) return;
  const text = textOf(model);
  const markers = diagnostics(text, validateOptions).map((diagnostic) => {
    const range = rangeOf(
      model,
      diagnostic.range.start,
      Math.max(diagnostic.range.end, diagnostic.range.start + 1),
    );
    return {
      ...range,
      severity: diagnostic.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: diagnostic.message,
      code: diagnostic.code,
      source: 'proactive',
    };
  });
  monaco.editor.setModelMarkers(model, 'proactive', markers);
}

/**
 * What the hover shows at a position: the messages of the squiggles there, then the docs of the word
 * (a field, operator, keyword, schedule...), over the range they all cover.
 *
 * @example hoverContents(model, new monaco.Position(1, 14))?.sections // [{ kind: 'markdown', value: '**visitor.page_url** ...' }]
 */
export function hoverContents(
  model: monaco.editor.ITextModel,
  position: monaco.Position,
): HoverContents | null {
  const sections: HoverSection[] = [];
  let range: monaco.IRange | undefined;
  for (const marker of monaco.editor.getModelMarkers({ resource: model.uri, owner: 'proactive' })) {
    if (!monaco.Range.containsPosition(marker, position)) continue;
    sections.push({
      kind: 'problem',
      severity: marker.severity === monaco.MarkerSeverity.Error ? 'error' : 'warning',
      message: marker.message,
      code: typeof marker.code === 'string' ? marker.code : undefined,
    });
    range = range ? monaco.Range.plusRange(range, marker) : marker;
  }
  const docs = hover(textOf(model), model.getOffsetAt(position), validateOptions);
  if (docs) {
    sections.push({ kind: 'markdown', value: docs.contents });
    const docsRange = rangeOf(model, docs.range.start, docs.range.end);
    range = range ? monaco.Range.plusRange(range, docsRange) : docsRange;
  }
  return range ? { range, sections } : null;
}

/**
 * The canonical text of a rule, or null while it has syntax errors (Format Document then changes nothing).
 *
 * @example formatRule('when  visitor.page_url is "x"') // 'when visitor.page_url is "x" once_per_visit\n'
 */
export function formatRule(text: string): string | null {
  const result = format(text);
  return result.diagnostics.length > 0 ? null : result.text;
}

/**
 * Gives a Text view editor the features it builds on Monaco's public API: its hover (./hover.ts, with
 * {@link hoverContents}) and Format Document (./format-action.ts, with {@link formatRule}); they are
 * removed with the editor.
 *
 * @example attachTextViewFeatures(monaco.editor.create(element, { language: 'proactive' }));
 */
export function attachTextViewFeatures(editor: monaco.editor.IStandaloneCodeEditor): monaco.IDisposable {
  const features = [
    attachHover(monaco, editor, hoverContents),
    attachFormatAction(monaco, editor, formatRule),
  ];
  const dispose = () => features.forEach((feature) => feature.dispose());
  const disposed = editor.onDidDispose(dispose);
  return {
    dispose() {
      disposed.dispose();
      dispose();
    },
  };
}

export { monaco };
