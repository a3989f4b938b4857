/** The few modules of Monaco's internals that the app's tests import (Monaco ships no types for them). */
declare module 'monaco-editor/base/common/strings' {
  /** Monaco's own grapheme cluster lengths (its break table), which app/monaco/graphemes.ts replaces. */
  export function nextCharLength(text: string, offset: number): number;
  export function prevCharLength(text: string, offset: number): number;
}
