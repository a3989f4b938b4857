/** The few modules of Monaco's internals that the app's tests import (Monaco ships no types for them). */
declare module 'monaco-editor/base/common/strings' {
  /** Monaco's own grapheme cluster lengths (its break table), which app/monaco/graphemes.ts replaces. */
  export function nextCharLength(text: string, offset: number): number;
  export function prevCharLength(text: string, offset: number): number;
}

declare module 'monaco-editor/editor/common/core/range' {
  /** Monaco's Range (the class `monaco.Range` exposes). */
  export const Range: typeof import('monaco-editor/editor').Range;
}
