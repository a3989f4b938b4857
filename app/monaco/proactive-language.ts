/**
 * Monaco for the rule language, bundled (no CDN) and loaded only when the Text view opens: the editor
 * core plus the features the Text view uses (./editor-features.ts), its worker, and the
 * `proactive` language wired to the pure editor services in dsl/editor (Monarch colours, completion,
 * hover docs, live diagnostics as markers, Format document).
 */
import * as monaco from 'monaco-editor/editor';
import './editor-features.ts';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
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
 * app/monaco/slim.ts leaves out stay off (the EditContext input, the scrollbar's decoration marks).
 */
export const languageEditorOptions = {
  wordBasedSuggestions: 'off',
  editContext: false,
  overviewRulerLanes: 0,
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
  (self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
    getWorker: () => new EditorWorker(),
  };
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
  monaco.languages.registerHoverProvider(languageId, {
    provideHover(model, position) {
      const result = hover(textOf(model), model.getOffsetAt(position), validateOptions);
      if (!result) return null;
      return {
        range: rangeOf(model, result.range.start, result.range.end),
        contents: [{ value: result.contents }],
      };
    },
  });
  monaco.languages.registerDocumentFormattingEditProvider(languageId, {
    provideDocumentFormattingEdits(model) {
      const result = format(model.getValue());
      if (result.diagnostics.length > 0 || result.text === model.getValue()) return [];
      return [{ range: model.getFullModelRange(), text: result.text }];
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

export { monaco };
