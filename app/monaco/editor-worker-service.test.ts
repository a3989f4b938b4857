import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  EditorWorkerService,
  narrowEdit,
  type EditedModel,
  type RangeEdit,
} from './editor-worker-service.ts';

/** A text model over a string (lines split at \n; a \r stays part of its line, as offsets go). */
function textModel(text: string): EditedModel & { apply(edit: RangeEdit): string } {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offsetAt = ({ lineNumber, column }: { lineNumber: number; column: number }) =>
    (lineStarts[lineNumber - 1] as number) + column - 1;
  const model = {
    getOffsetAt: offsetAt,
    getPositionAt(offset: number) {
      let line = lineStarts.length;
      while ((lineStarts[line - 1] as number) > offset) line--;
      return { lineNumber: line, column: offset - (lineStarts[line - 1] as number) + 1 };
    },
    getValueInRange: (range: RangeEdit['range']) =>
      text.slice(
        offsetAt({ lineNumber: range.startLineNumber, column: range.startColumn }),
        offsetAt({ lineNumber: range.endLineNumber, column: range.endColumn }),
      ),
    apply(edit: RangeEdit) {
      const start = offsetAt({ lineNumber: edit.range.startLineNumber, column: edit.range.startColumn });
      const end = offsetAt({ lineNumber: edit.range.endLineNumber, column: edit.range.endColumn });
      return text.slice(0, start) + edit.text + text.slice(end);
    },
  };
  return model;
}

function wholeText(model: EditedModel, length: number): RangeEdit['range'] {
  const end = model.getPositionAt(length);
  return { startLineNumber: 1, startColumn: 1, endLineNumber: end.lineNumber, endColumn: end.column };
}

describe('narrowEdit', () => {
  it('keeps only the part of a whole-text replacement that formatting changed', () => {
    const text = 'when  visitor.page_url contains "pricing"\nfor 0:30';
    const model = textModel(text);
    const edit = narrowEdit(model, {
      range: wholeText(model, text.length),
      text: 'when visitor.page_url contains "pricing"\nfor 0:30',
    });
    expect(edit).toEqual({
      range: { startLineNumber: 1, startColumn: 6, endLineNumber: 1, endColumn: 7 },
      text: '',
    });
  });

  it('answers null when the edit changes nothing, and never splits a CR LF or a surrogate pair', () => {
    const model = textModel('a\r\nb👍c');
    const all = wholeText(model, 7);
    expect(narrowEdit(model, { range: all, text: 'a\r\nb👍c' })).toBeNull();
    expect(narrowEdit(model, { range: all, text: 'a\nb👍c' })?.text).toBe('\n');
    expect(narrowEdit(model, { range: all, text: 'a\r\nb👎c' })?.text).toBe('👎');
  });

  it('gives the same text as the edit it narrows, within its range', () => {
    const texts = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '👍', '"'), maxLength: 30 });
    fc.assert(
      fc.property(texts, texts, (before, after) => {
        const model = textModel(before);
        const edit = { range: wholeText(model, before.length), text: after };
        const narrowed = narrowEdit(model, edit);
        if (before === after) {
          expect(narrowed).toBeNull();
          return;
        }
        expect(narrowed).not.toBeNull();
        expect(model.apply(narrowed as RangeEdit)).toBe(model.apply(edit));
        expect((narrowed as RangeEdit).text.length).toBeLessThanOrEqual(after.length);
      }),
      { seed: 20261206, numRuns: 500 },
    );
  });
});

describe('EditorWorkerService (main thread)', () => {
  it("narrows formatting's edits of a known model, passes others through, and needs no worker", async () => {
    const model = textModel('when  a');
    const service = new EditorWorkerService({ getModel: (uri) => (uri === 'known' ? model : null) });
    const edit = { range: wholeText(model, 7), text: 'when a' };
    expect(await service.computeMoreMinimalEdits('known', [edit])).toEqual([
      { range: { startLineNumber: 1, startColumn: 6, endLineNumber: 1, endColumn: 7 }, text: '' },
    ]);
    expect(
      await service.computeMoreMinimalEdits('known', [{ range: wholeText(model, 7), text: 'when  a' }]),
    ).toEqual([]);
    expect(await service.computeMoreMinimalEdits('unknown', [edit])).toEqual([edit]);
    expect(await service.computeMoreMinimalEdits('known', [])).toBeUndefined();
    expect(service.canComputeUnicodeHighlights()).toBe(false);
    expect(service.canComputeWordRanges()).toBe(false);
    expect(service.canNavigateValueSet()).toBe(false);
    expect(await service.computeDiff()).toBeNull();
    expect(await service.computeWordRanges()).toBeNull();
    expect(await service.navigateValueSet()).toBeNull();
    expect(await service.findSectionHeaders()).toEqual([]);
    expect(await service.computeDefaultDocumentColors()).toBeNull();
    expect((await service.computedUnicodeHighlights()).ranges).toEqual([]);
  });
});
