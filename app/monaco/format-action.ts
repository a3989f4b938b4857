/**
 * The Text view's "Format Document" (Shift+Alt+F, and the Format button under the editor), in place of
 * Monaco's format feature (its provider registry, format-on-type and -paste, and selection formatting:
 * 9 KB of the Monaco chunk for a language with one formatter). Built on the editor's public API: the
 * formatted text is applied as one undoable edit narrowed to what formatting changed
 * (./editor-worker-service.ts), so the cursor keeps its place outside that part, as Monaco's does.
 */
import type * as Monaco from 'monaco-editor/editor';
import { narrowEdit } from './editor-worker-service.ts';

/** The formatted text, or null when the text cannot be formatted (it has syntax errors). */
export type Formatter = (text: string) => string | null;

/** The parts of the `monaco` namespace the action uses (a parameter, so tests can pass a stand-in). */
export interface FormatMonaco {
  KeyMod: Pick<typeof Monaco.KeyMod, 'Shift' | 'Alt'>;
  KeyCode: Pick<typeof Monaco.KeyCode, 'KeyF'>;
}

/** The action's id: Monaco's, so that `editor.getAction('editor.action.formatDocument')` finds it. */
export const formatActionId = 'editor.action.formatDocument';

/**
 * Formats the editor's whole text; false when there was nothing to change or it could not be formatted.
 *
 * @example formatDocument(editor, (text) => text.trim())
 */
export function formatDocument(editor: Monaco.editor.ICodeEditor, formatter: Formatter): boolean {
  const model = editor.getModel();
  if (!model) return false;
  const formatted = formatter(model.getValue());
  if (formatted === null) return false;
  const edit = narrowEdit(model, { range: model.getFullModelRange(), text: formatted });
  if (!edit) return false;
  editor.pushUndoStop();
  editor.executeEdits('format', [{ range: edit.range, text: edit.text, forceMoveMarkers: true }]);
  editor.pushUndoStop();
  const position = editor.getPosition();
  if (position) editor.revealPositionInCenterIfOutsideViewport(position);
  return true;
}

/**
 * Adds "Format Document" to `editor`; disposing the result removes it.
 *
 * @example attachFormatAction(monaco, editor, (text) => format(text).text)
 */
export function attachFormatAction(
  monaco: FormatMonaco,
  editor: Monaco.editor.IStandaloneCodeEditor,
  formatter: Formatter,
): Monaco.IDisposable {
  return editor.addAction({
    id: formatActionId,
    label: 'Format Document',
    keybindings: [monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF],
    run: () => void formatDocument(editor, formatter),
  });
}
