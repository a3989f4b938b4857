import { describe, expect, it } from 'vitest';
import {
  insertPlainText,
  unescapeTemplate,
  type CursorState,
  type InsertEditor,
  type InsertModel,
  type TextRange,
  type TextSelection,
} from './plain-insert.ts';

/** A cursor at `column` of `lineNumber` (1-based), selecting nothing, or from `anchor` on the same line. */
const cursor = (lineNumber: number, column: number, anchor = column): TextSelection => ({
  startLineNumber: lineNumber,
  startColumn: Math.min(anchor, column),
  endLineNumber: lineNumber,
  endColumn: Math.max(anchor, column),
  positionLineNumber: lineNumber,
  positionColumn: column,
});

/**
 * A text model and editor over `text` that apply edits as Monaco does (all ranges against the text
 * before the edit), with tabs for indentation and "\n" lines.
 */
function editorOver(text: string, selections: TextSelection[]) {
  let lines = text.split('\n');
  const offsetOf = (lineNumber: number, column: number) =>
    lines.slice(0, lineNumber - 1).reduce((sum, line) => sum + line.length + 1, 0) + column - 1;
  const positionOf = (offset: number) => {
    let lineNumber = 1;
    let rest = offset;
    while (rest > (lines[lineNumber - 1] ?? '').length) rest -= (lines[lineNumber++ - 1] ?? '').length + 1;
    return { lineNumber, column: rest + 1 };
  };
  const stack: string[] = [];
  const model: InsertModel = {
    getLineContent: (lineNumber) => lines[lineNumber - 1] ?? '',
    getValueInRange: (range) =>
      lines
        .join('\n')
        .slice(
          offsetOf(range.startLineNumber, range.startColumn),
          offsetOf(range.endLineNumber, range.endColumn),
        ),
    validateRange: (range) => {
      const clamp = (lineNumber: number, column: number) =>
        Math.max(1, Math.min(column, (lines[lineNumber - 1] ?? '').length + 1));
      return {
        ...range,
        startColumn: clamp(range.startLineNumber, range.startColumn),
        endColumn: clamp(range.endLineNumber, range.endColumn),
      };
    },
    normalizeIndentation: (value) => value.replace(/^( {2})+/, (spaces) => '\t'.repeat(spaces.length / 2)),
    getEOL: () => '\n',
    pushStackElement: () => stack.push(lines.join('\n')),
  };
  let cursors: CursorState[] = [];
  const sources: string[] = [];
  const editor: InsertEditor = {
    getModel: () => model,
    getSelections: () => selections,
    executeEdits(source, edits, computeCursors) {
      sources.push(source);
      let value = lines.join('\n');
      const ordered = edits
        .map((edit) => ({
          text: edit.text,
          start: offsetOf(edit.range.startLineNumber, edit.range.startColumn),
          end: offsetOf(edit.range.endLineNumber, edit.range.endColumn),
        }))
        .sort((a, b) => a.start - b.start);
      let shift = 0;
      const insertedAt: [number, number][] = [];
      for (const edit of ordered) {
        value = value.slice(0, edit.start + shift) + edit.text + value.slice(edit.end + shift);
        insertedAt.push([edit.start + shift, edit.start + shift + edit.text.length]);
        shift += edit.text.length - (edit.end - edit.start);
      }
      lines = value.split('\n');
      cursors = computeCursors(
        insertedAt.map(([startOffset, endOffset]) => {
          const start = positionOf(startOffset);
          const end = positionOf(endOffset);
          const range: TextRange = {
            startLineNumber: start.lineNumber,
            startColumn: start.column,
            endLineNumber: end.lineNumber,
            endColumn: end.column,
          };
          return { range };
        }),
      );
      return true;
    },
  };
  return {
    editor,
    text: () => lines.join('\n'),
    cursors: () => cursors.map((state) => [state.positionLineNumber, state.positionColumn]),
    collapsed: () =>
      cursors.every(
        (state) =>
          state.selectionStartLineNumber === state.positionLineNumber &&
          state.selectionStartColumn === state.positionColumn,
      ),
    stack,
    sources,
  };
}

describe('unescapeTemplate', () => {
  it('reads a plain completion as the suggest controller escapes it', () => {
    expect(unescapeTemplate('costs \\$5 \\} \\\\ and "quotes"')).toBe('costs $5 } \\ and "quotes"');
    expect(unescapeTemplate('page_url ')).toBe('page_url ');
  });

  it('refuses a real snippet clearly: tab stops and variables are not in the build', () => {
    expect(() => unescapeTemplate('contains "$1"')).toThrow(/Snippet tab stops and variables are left out/);
    expect(() => unescapeTemplate('${TM_SELECTED_TEXT}')).toThrow(/app\/monaco\/slim\.ts/);
  });
});

describe('insertPlainText', () => {
  it('replaces the word typed before the cursor and leaves the cursor after the completion', () => {
    const view = editorOver('when visitor.page_t', [cursor(1, 20)]);
    insertPlainText(view.editor, 'page_title ', { overwriteBefore: 6 });
    expect(view.text()).toBe('when visitor.page_title ');
    expect(view.cursors()).toEqual([[1, 25]]);
    expect(view.collapsed()).toBe(true);
    expect(view.sources).toEqual(['snippet']);
  });

  it('replaces the rest of the word after the cursor too when asked (insert mode "replace")', () => {
    const view = editorOver('when visitor.pa_url is "x"', [cursor(1, 16)]);
    insertPlainText(view.editor, 'page_url', { overwriteBefore: 2, overwriteAfter: 4 });
    expect(view.text()).toBe('when visitor.page_url is "x"');
    expect(view.cursors()).toEqual([[1, 22]]);
  });

  it('replaces a selection, and inserts at every cursor whose word matches the primary one', () => {
    const selected = editorOver('when visitor.nope is "x"', [cursor(1, 18, 14)]);
    insertPlainText(selected.editor, 'page_url');
    expect(selected.text()).toBe('when visitor.page_url is "x"');

    const view = editorOver('and pa\nor pa\nor xy', [cursor(1, 7), cursor(2, 6), cursor(3, 6)]);
    insertPlainText(view.editor, 'page_url', { overwriteBefore: 2 });
    // The third cursor has "xy" before it, not "pa": the completion goes in beside it.
    expect(view.text()).toBe('and page_url\nor page_url\nor xypage_url');
    expect(view.cursors()).toEqual([
      [1, 13],
      [2, 12],
      [3, 14],
    ]);
  });

  it('indents later lines like the line the text starts on, when asked', () => {
    const view = editorOver('    when', [cursor(1, 9)]);
    insertPlainText(view.editor, ' visitor.page_url is "x"\n  and device.language is "fr"', {
      adjustWhitespace: true,
    });
    expect(view.text()).toBe('    when visitor.page_url is "x"\n\t\t\tand device.language is "fr"');
    const kept = editorOver('    when', [cursor(1, 9)]);
    insertPlainText(kept.editor, ' a\n  b');
    expect(kept.text()).toBe('    when a\n  b');
  });

  it('pushes the undo stops it is asked for, around the one edit', () => {
    const view = editorOver('when ', [cursor(1, 6)]);
    insertPlainText(view.editor, 'visitor.', { undoStopBefore: true, undoStopAfter: true });
    expect(view.stack).toEqual(['when ', 'when visitor.']);
  });

  it('does nothing without a model or a cursor', () => {
    const view = editorOver('when', [cursor(1, 5)]);
    insertPlainText({ ...view.editor, getModel: () => null }, 'x');
    insertPlainText({ ...view.editor, getSelections: () => [] }, 'x');
    expect(view.text()).toBe('when');
    expect(view.sources).toEqual([]);
  });
});
