/**
 * The built-in match kinds, by name. A new kind is one module in `kinds/<name>/` and one line here (and
 * its runtime half in `builtin-runtime.ts` when every widget needs it, else in `extra-runtime.ts`).
 */
import { attributeKind } from './attribute/index.ts';
import { booleanKind } from './boolean/index.ts';
import { languageKind } from './language/index.ts';
import { numberKind } from './number/index.ts';
import { symbolKind } from './symbol/index.ts';
import { textKind } from './text/index.ts';
import { urlKind } from './url/index.ts';

export const builtinKinds = {
  text: textKind,
  symbol: symbolKind,
  language: languageKind,
  url: urlKind,
  number: numberKind,
  boolean: booleanKind,
  attribute: attributeKind,
} as const;
