import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type * as Monaco from 'monaco-editor/editor';
import {
  attachFormatAction,
  formatActionId,
  formatDocument,
  offsetAfterFormat,
  type FormatMonaco,
} from './format-action.ts';

const monaco: FormatMonaco = { KeyMod: { Shift: 1024, Alt: 512 }, KeyCode: { KeyF: 36 } } as FormatMonaco;

/** A one-line editor over `text` that records its undo stops, edits and reveals. */
function fakeEditor(text: string | null, cursorColumn = 2) {
  const log: string[] = [];
  let value = text ?? '';
  let position: Monaco.IPosition = { lineNumber: 1, column: cursorColumn };
  const model = {
    getValue: () => value,
    getFullModelRange: () => ({
      startLineNumber: 1,
      startColumn: 1,
      endLineNumber: 1,
      endColumn: value.length + 1,
    }),
    getValueInRange: (range: Monaco.IRange) => value.slice(range.startColumn - 1, range.endColumn - 1),
    getOffsetAt: (position: Monaco.IPosition) => position.column - 1,
    getPositionAt: (offset: number) => ({ lineNumber: 1, column: offset + 1 }),
  };
  const actions: Monaco.editor.IActionDescriptor[] = [];
  const editor = {
    getModel: () => (text === null ? null : model),
    pushUndoStop: () => log.push('undo stop'),
    executeEdits(source: string, edits: { range: Monaco.IRange; text: string; forceMoveMarkers: boolean }[]) {
      for (const edit of edits) {
        log.push(
          `${source} ${edit.range.startColumn}-${edit.range.endColumn} "${edit.text}" ${edit.forceMoveMarkers}`,
        );
        value =
          value.slice(0, edit.range.startColumn - 1) + edit.text + value.slice(edit.range.endColumn - 1);
      }
      return true;
    },
    getPosition: () => position,
    setPosition(next: Monaco.IPosition) {
      log.push(`cursor ${next.column}`);
      position = next;
    },
    revealPositionInCenterIfOutsideViewport: () => log.push('reveal'),
    addAction(action: Monaco.editor.IActionDescriptor) {
      actions.push(action);
      return { dispose: () => actions.splice(actions.indexOf(action), 1) };
    },
  };
  return {
    editor: editor as unknown as Monaco.editor.IStandaloneCodeEditor,
    log,
    actions,
    value: () => value,
  };
}

const collapseSpaces = (text: string) => (text.includes('(') ? null : text.replace(/ +/g, ' '));

describe('formatDocument', () => {
  it('applies the formatted text as one undoable edit of the part that changed, the cursor kept by its word', () => {
    const { editor, log, value } = fakeEditor('when  a  is "x"', 10); // the cursor before "is"
    expect(formatDocument(editor, collapseSpaces)).toBe(true);
    expect(value()).toBe('when a is "x"');
    expect(log).toEqual(['undo stop', 'format 6-9 "a" true', 'undo stop', 'cursor 8', 'reveal']);
  });

  it('changes nothing when the text is formatted already, cannot be formatted, or there is no model', () => {
    for (const text of ['when a', 'when  (a', null]) {
      const { editor, log } = fakeEditor(text);
      expect(formatDocument(editor, collapseSpaces)).toBe(false);
      expect(log).toEqual([]);
    }
  });
});

describe('offsetAfterFormat', () => {
  it('keeps the cursor beside the same character when only whitespace changes', () => {
    expect(offsetAfterFormat('when   a', 'when a', 7)).toBe(5);
    expect(offsetAfterFormat('when   a', 'when a', 4)).toBe(4);
    expect(offsetAfterFormat('  when', 'when', 1)).toBe(0);
    expect(offsetAfterFormat('when a', 'when a\n', 6)).toBe(6);
  });

  it('puts the cursor before the same non-space character, for any re-spacing', () => {
    const words = fc.array(fc.stringMatching(/^[a-z"._]{1,6}$/), { minLength: 1, maxLength: 8 });
    const gaps = fc.array(fc.constantFrom(' ', '  ', '\n', ' \n  '), { minLength: 9, maxLength: 9 });
    fc.assert(
      fc.property(words, gaps, gaps, fc.nat(), (parts, beforeGaps, afterGaps, at) => {
        const join = (spaces: string[]) => parts.map((word, index) => word + (spaces[index] ?? ' ')).join('');
        const before = join(beforeGaps);
        const after = join(afterGaps);
        const offset = at % (before.length + 1);
        const mapped = offsetAfterFormat(before, after, offset);
        const next = before.slice(offset).trimStart().charAt(0);
        if (/\S/.test(before.charAt(offset))) expect(after.charAt(mapped)).toBe(next);
        expect(after.slice(0, mapped).replace(/\s/g, '')).toBe(before.slice(0, offset).replace(/\s/g, ''));
      }),
      { seed: 20261206, numRuns: 500 },
    );
  });
});

describe('attachFormatAction', () => {
  it("adds Monaco's Format Document action with its keys (Shift+Alt+F), removed on dispose", () => {
    const { editor, actions, value } = fakeEditor('when  a');
    const action = attachFormatAction(monaco, editor, collapseSpaces);
    expect(actions.map(({ id, label, keybindings }) => ({ id, label, keybindings }))).toEqual([
      { id: formatActionId, label: 'Format Document', keybindings: [1024 | 512 | 36] },
    ]);
    void actions[0]?.run(editor);
    expect(value()).toBe('when a');
    action.dispose();
    expect(actions).toEqual([]);
  });
});
