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
