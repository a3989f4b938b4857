/**
 * URLs: quoted text compared the way people read URLs (page URL, referrer). Both sides are percent-decoded, IDN
 * hosts decoded from punycode and folded like text, so `contains "/café"` and `contains "bücher.example"`
 * match what a real browser reports; `is` compares whole URLs without their fragment and trailing slash.
 */
import { z } from 'zod';
import { encodeString } from '../../syntax/strings.ts';
import type { MatchKind } from '../kind.ts';
import {
  completeText,
  emptyString,
  emptyValueCode,
  fitsStrings,
  listNote,
  validateText,
} from '../string-values.ts';
import { urlWithOperators } from '../extra-runtime.ts';
import { normalizeUrl } from './runtime.ts';

const code = (text: string) => `\`${text}\``;

export const urlKind: MatchKind<'url', string> = {
  name: 'url',
  operators: [
    'is',
    'is_not',
    'contains',
    'does_not_contain',
    'starts_with',
    'ends_with',
    'matches',
    'does_not_match',
  ],
  diagnosticCodes: emptyValueCode,
  runtime: urlWithOperators,
  contextValue: () => z.string(),
  validate: validateText,
  completeValue: completeText,
  hoverValue(value) {
    const normalized = normalizeUrl(value);
    return normalized === value
      ? undefined
      : `${encodeString(value)} is compared as ${encodeString(normalized)} (decoded and folded, as in the address bar).`;
  },
  compileValue: (value) => normalizeUrl(value as string),
  describeValues: (field) => `a URL or part of one in quotes, e.g. ${code(field.example)}${listNote(field)}`,
  documentValues: () =>
    [
      '- **URLs** (quoted, and in lists, as text below) are compared as the address bar shows them, whatever the browser reports: percent-encoded',
      '  characters are decoded (`%C3%A9` is `é`), international domain names are decoded from punycode',
      '  (`xn--bcher-kva.example` is `bücher.example`), and case is ignored as for text, so',
      '  `contains "/café"` and `contains "bücher.example"` match. `is` and `is not` compare whole URLs',
      '  without their fragment and a trailing slash: `is "https://acme.test"` matches `https://acme.test/`,',
      '  and `is "https://acme.test/a"` matches `https://acme.test/a#top`.',
    ].join('\n'),
  valueControl: (field) => ({ control: 'chips', allowsList: field.allowsList }),
  defaultValue: emptyString,
  fitsValue: fitsStrings,
  sampleControl: () => ({ control: 'text' }),
  sampleDefault: (field) => field.sample ?? '',
};
