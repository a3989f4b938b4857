/**
 * How the completion list inserts a completion: as plain text, in place of Monaco's snippet controller
 * (`editor/contrib/snippet/browser/snippetController2.js` and its session: tab stops, placeholders,
 * choices and variables, about 19 KB the Text view never uses, since the rule language's completions are
 * plain text). app/monaco/slim.ts loads a controller calling {@link insertPlainText} in its place; it
 * replaces the same ranges as Monaco's (the word before and after each cursor that the completion
 * overwrites), indents the lines of a multi-line text like the line it starts on, and leaves each
 * cursor after its inserted text, in one edit.
 */

/** A position in a text model (1-based line and column). */
export interface TextPosition {
  lineNumber: number;
  column: number;
}

/** A range in a text model. */
export interface TextRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** A selection: a range, with the cursor (`position…`) at one of its ends. */
export interface TextSelection extends TextRange {
  positionLineNumber: number;
  positionColumn: number;
}

/** The parts of Monaco's text model the insertion reads. */
export interface InsertModel {
  getLineContent(lineNumber: number): string;
  getValueInRange(range: TextRange): string;
  validateRange(range: TextRange): TextRange;
  normalizeIndentation(text: string): string;
  getEOL(): string;
  pushStackElement(): void;
}

/** A cursor as Monaco sets it (`ISelection`): where its selection starts, and the cursor's position. */
export interface CursorState {
  selectionStartLineNumber: number;
  selectionStartColumn: number;
  positionLineNumber: number;
  positionColumn: number;
}

/** The parts of Monaco's code editor the insertion uses. */
export interface InsertEditor {
  getModel(): InsertModel | null;
  getSelections(): TextSelection[] | null;
  executeEdits(
    source: string,
    edits: { range: TextRange; text: string }[],
    cursors: (inverse: { range: TextRange }[]) => CursorState[],
  ): boolean;
}

/** What Monaco's suggest controller asks of an insertion. */
export interface InsertOptions {
  /** How many characters before each cursor the text replaces. */
  overwriteBefore?: number;
  /** How many characters after each cursor the text replaces. */
  overwriteAfter?: number;
  undoStopBefore?: boolean;
  undoStopAfter?: boolean;
  /** Indent the second and later lines like the line the text starts on. */
  adjustWhitespace?: boolean;
}

/**
 * The text of a template as Monaco's suggest controller hands it over (a plain completion escaped as a
 * snippet: `\$`, `\}` and `\\`); throws on a real snippet (a `$` tab stop or variable), which this
 * build cannot expand.
 *
 * @example unescapeTemplate('costs \\$5') // 'costs $5'
 */
export function unescapeTemplate(template: string): string {
  return template.replace(/\\([$}\\])|\$/g, (escaped, character: string | undefined) => {
    if (character === undefined)
      throw new Error(
        `Snippet tab stops and variables are left out of the admin app's build (see app/monaco/slim.ts); insert plain text instead of ${JSON.stringify(template)}.`,
      );
    return character;
  });
}

/** `selection` grown around its cursor by `before` and `after` characters on the cursor's line. */
function around(model: InsertModel, selection: TextSelection, before: number, after: number): TextRange {
  if (before === 0 && after === 0) return selection;
  const { positionLineNumber: lineNumber, positionColumn: column } = selection;
  return model.validateRange({
    startLineNumber: lineNumber,
    startColumn: column - before,
    endLineNumber: lineNumber,
    endColumn: column + after,
  });
}

/** `text` with its later lines indented like the line `start` is on, in the model's indentation and EOL. */
function indented(model: InsertModel, start: TextPosition, text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length === 1) return model.normalizeIndentation(text);
  const leading = /^[ \t]*/.exec(model.getLineContent(start.lineNumber).slice(0, start.column - 1))?.[0];
  return lines
    .map((line, index) => model.normalizeIndentation(index === 0 ? line : `${leading ?? ''}${line}`))
    .join(model.getEOL());
}

/**
 * Inserts a completion's `template` at every cursor of `editor` in one edit, replacing what
 * `overwriteBefore` / `overwriteAfter` name around each cursor (on a secondary cursor only when it has
 * the same text there as the primary one, as Monaco does), and leaves each cursor after its text.
 *
 * @example insertPlainText(editor, 'page_url', { overwriteBefore: 4 }) // "page" -> "page_url"
 */
export function insertPlainText(editor: InsertEditor, template: string, options: InsertOptions = {}): void {
  const model = editor.getModel();
  const selections = editor.getSelections();
  if (!model || !selections || selections.length === 0) return;
  const text = unescapeTemplate(template);
  const { overwriteBefore = 0, overwriteAfter = 0 } = options;
  const extended = selections.map((selection) => ({
    selection,
    before: around(model, selection, overwriteBefore, 0),
    after: around(model, selection, 0, overwriteAfter),
  }));
  const primary = extended[0] as (typeof extended)[number];
  const primaryBefore = model.getValueInRange(primary.before);
  const primaryAfter = model.getValueInRange(primary.after);
  const edits = extended.map(({ selection, before, after }) => {
    const start = model.getValueInRange(before) === primaryBefore ? before : selection;
    const end = model.getValueInRange(after) === primaryAfter ? after : selection;
    const range: TextRange = {
      startLineNumber: start.startLineNumber,
      startColumn: start.startColumn,
      endLineNumber: end.endLineNumber,
      endColumn: end.endColumn,
    };
    const startPosition = { lineNumber: range.startLineNumber, column: range.startColumn };
    return { range, text: options.adjustWhitespace ? indented(model, startPosition, text) : text };
  });
  if (options.undoStopBefore) model.pushStackElement();
  editor.executeEdits('snippet', edits, (inverse) =>
    inverse.map(({ range }) => ({
      selectionStartLineNumber: range.endLineNumber,
      selectionStartColumn: range.endColumn,
      positionLineNumber: range.endLineNumber,
      positionColumn: range.endColumn,
    })),
  );
  if (options.undoStopAfter) model.pushStackElement();
}
