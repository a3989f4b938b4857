/**
 * Reading and writing double-quoted strings of the rule language. Escapes: `\"` `\\` `\n` `\t` and
 * `\u{1F44B}`; anything else, emoji included, is written as itself.
 */

export interface DecodeProblem {
  /** Offset of the problem inside the literal (0 = the opening quote). */
  offset: number;
  length: number;
  message: string;
}

export interface DecodedString {
  value: string;
  problems: readonly DecodeProblem[];
}

const noProblems: readonly DecodeProblem[] = Object.freeze([]);

const simpleEscapes: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };

/**
 * Decodes a string literal as written, quotes included (the closing quote may be missing).
 *
 * @example decodeString('"say \\"hi\\" \\u{1F44B}"').value // 'say "hi" 👋'
 */
export function decodeString(literal: string): DecodedString {
  const problems: DecodeProblem[] = [];
  const closed = literal.length >= 2 && literal.endsWith('"') && !isEscapedAt(literal, literal.length - 1);
  const body = literal.slice(1, closed ? -1 : undefined);
  // Most strings have no escape: their value is what is written.
  if (!body.includes('\\')) return { value: body, problems: noProblems };
  let value = '';
  for (let index = 0; index < body.length; index++) {
    const char = body[index] as string;
    if (char !== '\\') {
      value += char;
      continue;
    }
    const next = body[index + 1];
    const simple = next === undefined ? undefined : simpleEscapes[next];
    if (simple !== undefined) {
      value += simple;
      index++;
      continue;
    }
    const unicode = /^u\{([0-9a-fA-F]{1,6})\}/.exec(body.slice(index + 1));
    const codePoint = unicode ? Number.parseInt(unicode[1] as string, 16) : NaN;
    if (unicode && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff)) {
      value += String.fromCodePoint(codePoint);
      index += unicode[0].length;
      continue;
    }
    const length = unicode ? unicode[0].length + 1 : next === undefined ? 1 : 2;
    problems.push({
      offset: index + 1,
      length,
      message: unicode
        ? `\`${body.slice(index, index + length)}\` is not a Unicode character. Use a code point from 0 to 10FFFF, e.g. \\u{1F44B}.`
        : `Unknown escape \`${body.slice(index, index + length)}\`. Use \\" \\\\ \\n \\t or \\u{...}; write a backslash as \\\\.`,
    });
    value += next ?? '';
    index++;
  }
  return { value, problems };
}

function isEscapedAt(text: string, index: number): boolean {
  let backslashes = 0;
  for (let at = index - 1; at >= 0 && text[at] === '\\'; at--) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * Writes a value as a string literal that {@link decodeString} reads back unchanged.
 *
 * @example encodeString('a "b"\n') // '"a \\"b\\"\\n"'
 */
export function encodeString(value: string): string {
  let out = '"';
  for (const char of value) {
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(char)) {
      out += `\\u{${(char.codePointAt(0) as number).toString(16).toUpperCase()}}`;
    } else out += char;
  }
  return out + '"';
}

/**
 * A finite number as the rule language writes it: plain decimal notation, never an exponent, so that it
 * reads back as the same number (`1e21` is `1000000000000000000000`, `1e-7` is `0.0000001`).
 *
 * @example encodeNumber(12.5) // '12.5'
 */
export function encodeNumber(value: number): string {
  const shortest = String(value);
  const exponent = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!exponent) return shortest;
  const [, sign, first, rest = '', power] = exponent as unknown as [string, string, string, string, string];
  const digits = first + rest;
  const point = 1 + Number(power);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
}
