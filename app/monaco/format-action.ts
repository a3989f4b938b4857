/**
 * The Text view's "Format Document" (Shift+Alt+F, and the Format button under the editor), in place of
 * Monaco's format feature (its provider registry, format-on-type and -paste, and selection formatting:
 * 9 KB of the Monaco chunk for a language with one formatter). Built on the editor's public API: the
 * formatted text is applied as one undoable edit narrowed to what formatting changed
 * (./editor-worker-service.ts), and the cursor stays beside the same character of the rule.
 */
import type * as Monaco from 'monaco-editor/editor';
import { narrowEdit } from './editor-worker-service.ts';

const space = /\s/;

/**
 * Where `offset` of `before` lands in `after`, the same text with its whitespace changed (what formatting
 * does): beside the same non-space character, so the cursor stays where it was in the rule. A cursor
 * touching the next word (`when   |a`) stays touching it.
 *
 * @example offsetAfterFormat('when   a', 'when a', 7) // 5 (before "a")
 */
export function offsetAfterFormat(before: string, after: string, offset: number): number {
  let characters = 0;
  for (let index = 0; index < Math.min(offset, before.length); index++)
    if (!space.test(before.charAt(index))) characters++;
  let index = 0;
  while (characters > 0 && index < after.length) if (!space.test(after.charAt(index++))) characters--;
  if (offset < before.length && !space.test(before.charAt(offset)))
    while (index < after.length && space.test(after.charAt(index))) index++;
  return index;
}

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
  const before = model.getValue();
  const formatted = formatter(before);
  if (formatted === null) return false;
  const edit = narrowEdit(model, { range: model.getFullModelRange(), text: formatted });
  if (!edit) return false;
  const cursor = editor.getPosition();
  const offset = cursor ? offsetAfterFormat(before, formatted, model.getOffsetAt(cursor)) : 0;
  editor.pushUndoStop();
  editor.executeEdits('format', [{ range: edit.range, text: edit.text, forceMoveMarkers: true }]);
  editor.pushUndoStop();
  if (cursor) {
    const position = model.getPositionAt(offset);
    editor.setPosition(position);
    editor.revealPositionInCenterIfOutsideViewport(position);
  }
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
