/**
 * Diagnostics: what the parser and validator say about a rule text. Every diagnostic has a range inside
 * the text, a severity, a stable code (documented in docs/dsl.md) and a message that says what is wrong
 * and how to fix it; `fix` is a ready edit when there is one.
 */
import type { SourceRange } from './ast.ts';

export type Severity = 'error' | 'warning';

export interface TextEdit {
  range: SourceRange;
  text: string;
}

export interface Fix {
  /** What applying it does, e.g. `Change to visitor.page_url`. */
  title: string;
  edits: TextEdit[];
}

export interface Diagnostic {
  range: SourceRange;
  severity: Severity;
  /** Stable, e.g. `syntax`, `unknown-field`, `operator-not-allowed`. */
  code: string;
  message: string;
  fix?: Fix;
}

/**
 * The fix that replaces `range` with `text`, or null when the node has no range (ASTs built by the visual
 * builder have none).
 *
 * @example replaceFix({ start: 5, end: 21 }, 'visitor.page_url')?.title // 'Change to visitor.page_url'
 */
export function replaceFix(
  range: SourceRange | undefined,
  text: string,
  title = `Change to ${text}`,
): Fix | null {
  return range ? { title, edits: [{ range, text }] } : null;
}

/** Diagnostics in text order, the way editors and the CLI list them. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

/** 1-based line and column of an offset. */
export interface LineColumn {
  line: number;
  column: number;
}

/**
 * Converts an offset in `text` into a 1-based line and column (columns count UTF-16 code units, as editors do).
 *
 * @example lineColumnAt('a\nbc', 3) // { line: 2, column: 2 }
 */
export function lineColumnAt(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let index = 0; index < end; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Line and column lookups for many offsets of one text: the line starts are found once, then each lookup
 * is a binary search (use it instead of {@link lineColumnAt} in loops over diagnostics or tokens).
 *
 * @example createLineIndex('a\nbc')(3) // { line: 2, column: 2 }
 */
export function createLineIndex(text: string): (offset: number) => LineColumn {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1))
    starts.push(index + 1);
  return (offset) => {
    const at = Math.min(Math.max(offset, 0), text.length);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: at - (starts[low] as number) + 1 };
  };
}
