/**
 * Page URLs at run time, as browsers report them (`location.href` is percent-encoded, IDN hosts are
 * punycode) compared with URLs as people write them: both sides percent-decoded, `xn--` labels decoded
 * to Unicode, then folded like text. `is` compares whole URLs without their fragment and trailing slash.
 * Dependency-free: the widget bundles it; the compiler normalises rule values with the same
 * {@link normalizeUrl}.
 */
import { containedFragment, readString, standardTest, type RuntimeKind } from '../runtime.ts';
import { foldCase } from '../text/runtime.ts';

const BASE = 36;
const floor = Math.floor;

/**
 * Decodes the punycode of one IDN label, without its `xn--` (RFC 3492), or returns null when it is not
 * valid punycode. Browsers only encode (`new URL` keeps hosts in punycode), so the widget decodes itself.
 *
 * @example decodePunycode('bcher-kva') // 'bücher'
 */
export function decodePunycode(label: string): string | null {
  const delimiter = label.lastIndexOf('-');
  const output = [...label.slice(0, Math.max(delimiter, 0))].map((char) => char.charCodeAt(0));
  let code = 128;
  let bias = 72;
  let index = 0;
  for (let at = delimiter + 1; at < label.length;) {
    const before = index;
    for (let weight = 1, k = BASE; ; k += BASE) {
      const char = label.charCodeAt(at++);
      const digit = char > 47 && char < 58 ? char - 22 : char > 96 && char < 123 ? char - 97 : BASE;
      if (digit >= BASE) return null;
      index += digit * weight;
      const threshold = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
      if (digit < threshold) break;
      weight *= BASE - threshold;
    }
    // RFC 3492's bias adaptation.
    let delta = before ? (index - before) >> 1 : floor((index - before) / 700);
    delta += floor(delta / (output.length + 1));
    for (bias = 0; delta > 455; bias += BASE) delta = floor(delta / 35);
    bias += floor((36 * delta) / (delta + 38));
    code += floor(index / (output.length + 1));
    index %= output.length + 1;
    if (code > 0x10ffff) return null;
    output.splice(index++, 0, code);
  }
  return String.fromCodePoint(...output);
}

/**
 * A URL, or a piece of one, in the form rules compare: percent-encoded UTF-8 decoded (except `%23`, so a
 * `#` still starts the fragment), folded like text, and every `xn--` label decoded to Unicode.
 *
 * @example normalizeUrl('https://XN--BCHER-KVA.example/Caf%C3%A9') // 'https://bücher.example/café'
 */
export function normalizeUrl(url: string): string {
  // One character at a time: a lead byte and its continuation bytes.
  const decoded = url.includes('%')
    ? url.replace(/%[\da-f]{2}(%[89ab][\da-f])*/gi, (bytes) => {
        try {
          return bytes === '%23' ? bytes : decodeURIComponent(bytes);
        } catch {
          return bytes;
        }
      })
    : url;
  const folded = foldCase(decoded);
  return folded.includes('xn--')
    ? folded.replace(/\bxn--([\da-z-]{1,59})\b/g, (label, code: string) => {
        const unicode = decodePunycode(code);
        return unicode === null ? label : foldCase(unicode);
      })
    : folded;
}

/** A normalised URL as `is` compares it: without its fragment, and without a slash ending its path. */
export function bareUrl(url: string): string {
  const hash = url.indexOf('#');
  return (hash < 0 ? url : url.slice(0, hash)).replace(/\/(?=\?|$)/, '');
}

const test = standardTest((actual, expected) => bareUrl(actual) === expected);

/** Normalised once per page; `is` and `is not` compare bare URLs, `contains` looks in the whole URL. */
export const urlRuntime: RuntimeKind = {
  read: readString,
  prepare: normalizeUrl,
  missing: '',
  test: (operator, expected) =>
    test(operator, operator === 'is' || operator === 'is_not' ? expected.map(bareUrl) : expected),
  // `is` compares bare URLs, which the whole URL need not contain (`/a/?x` is `/a?x`).
  fragment: /* @__PURE__ */ containedFragment(false),
};
