/**
 * The built-in match kinds, by name. A new kind is one module in `kinds/<name>/` and one line here (and
 * its runtime half in `builtin-runtime.ts`).
 */
import { languageKind } from './language/index.ts';
import { symbolKind } from './symbol/index.ts';
import { textKind } from './text/index.ts';
import { urlKind } from './url/index.ts';

export const builtinKinds = {
  text: textKind,
  symbol: symbolKind,
  language: languageKind,
  url: urlKind,
} as const;
