/**
 * Monaco's editor worker service, run on the main thread without a worker. Stock Monaco starts a web
 * worker (a 297 KB script) and syncs every model to it for word-based completion, link detection,
 * diffs, colour and unicode scans and the "more minimal" edits of formatting; the Text view needs none
 * of these from a worker (the rule language completes itself; links, diffs, colours and the unicode
 * highlighter are not in the build; its Format Document, ./format-action.ts, narrows its edit with
 * {@link narrowEdit} here). app/monaco/slim.ts loads this module in place of
 * `editor/browser/services/editorWorkerService.js`: no worker is created, and any Monaco code asking for
 * minimal edits gets them narrowed the same way.
 */

/** A text edit as Monaco hands it around (`TextEdit`: a range and its new text). */
export interface RangeEdit {
  range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number };
  text: string;
  eol?: unknown;
}

/** The parts of a text model the service reads. */
export interface EditedModel {
  getValueInRange(range: RangeEdit['range']): string;
  getOffsetAt(position: { lineNumber: number; column: number }): number;
  getPositionAt(offset: number): { lineNumber: number; column: number };
}

/**
 * `edit` narrowed to the part of its range whose text really changes (the common start and end of the
 * old and new text left alone); null when it changes nothing.
 *
 * @example narrowEdit(model, { range: all, text: 'when a  is "x"' }) // only the double space's range
 */
export function narrowEdit(model: EditedModel, edit: RangeEdit): RangeEdit | null {
  const before = model.getValueInRange(edit.range);
  const after = edit.text;
  if (before === after) return null;
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  // Never split a surrogate pair or a CR LF.
  while (prefix > 0 && /[\ud800-\udbff\r]/.test(before.charAt(prefix - 1))) prefix--;
  while (suffix > 0 && /[\udc00-\udfff\n]/.test(before.charAt(before.length - suffix))) suffix--;
  const start = model.getOffsetAt({
    lineNumber: edit.range.startLineNumber,
    column: edit.range.startColumn,
  });
  const from = model.getPositionAt(start + prefix);
  const to = model.getPositionAt(start + before.length - suffix);
  return {
    ...edit,
    range: {
      startLineNumber: from.lineNumber,
      startColumn: from.column,
      endLineNumber: to.lineNumber,
      endColumn: to.column,
    },
    text: after.slice(prefix, after.length - suffix),
  };
}

/** Finds a model by its URI (Monaco's IModelService). */
interface ModelLookup {
  getModel(resource: unknown): EditedModel | null;
}

/**
 * The service: formatting's edits narrowed on the main thread, and "cannot" or nothing for the features
 * that need a worker and are not in the build.
 *
 * @example await service.computeMoreMinimalEdits(model.uri, [{ range, text }])
 */
export class EditorWorkerService {
  constructor(private readonly models: ModelLookup) {}

  async computeMoreMinimalEdits(
    resource: unknown,
    edits: RangeEdit[] | null | undefined,
  ): Promise<RangeEdit[] | undefined> {
    if (!edits || edits.length === 0) return undefined;
    const model = this.models.getModel(resource);
    if (!model) return edits;
    return edits.flatMap((edit) => narrowEdit(model, edit) ?? []);
  }

  canComputeUnicodeHighlights(): boolean {
    return false;
  }
  async computedUnicodeHighlights() {
    return {
      ranges: [],
      hasMore: false,
      ambiguousCharacterCount: 0,
      invisibleCharacterCount: 0,
      nonBasicAsciiCharacterCount: 0,
    };
  }
  async computeDiff(): Promise<null> {
    return null;
  }
  canNavigateValueSet(): boolean {
    return false;
  }
  async navigateValueSet(): Promise<null> {
    return null;
  }
  canComputeWordRanges(): boolean {
    return false;
  }
  async computeWordRanges(): Promise<null> {
    return null;
  }
  async findSectionHeaders(): Promise<[]> {
    return [];
  }
  async computeDefaultDocumentColors(): Promise<null> {
    return null;
  }
  dispose(): void {}
}
