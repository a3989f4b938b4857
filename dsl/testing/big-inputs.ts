/**
 * Hostile inputs by shape, built to any length: what the robustness tests and bench/fuzz.ts feed the
 * front end to show it never throws and stays linear up to the API's 100,000 characters.
 */
import fc from 'fast-check';

const comparison = 'visitor.page_url contains "x"';

/** Copies of `unit` (each `@` replaced by the copy's number) joined by `glue`, about `length` characters. */
function repeated(length: number, unit: string, glue: string, head = '', tail = ''): string {
  const parts: string[] = [];
  let size = head.length + tail.length;
  for (let index = 0; size < length; index++) {
    const part = unit.replaceAll('@', String(index));
    parts.push(part);
    size += part.length + glue.length;
  }
  return head + parts.join(glue) + tail;
}

/** Each shape of big input, by name: `(length) => text` of about that many characters. */
export const bigInputs: Readonly<Record<string, (length: number) => string>> = {
  'unknown fields': (length) => repeated(length, 'shoe.size@ is "x"', ' and ', 'when '),
  'known fields': (length) => repeated(length, 'visitor.page_url contains "p@"', ' or ', 'when '),
  'comment per line': (length) => repeated(length, `${comparison} # note @`, '\n  and ', 'when '),
  'syntax error per line': (length) => repeated(length, `${comparison} @ oops`, '\n and ', 'when '),
  'unclosed parentheses': (length) => repeated(length, '(', '', 'when '),
  'closed parentheses': (length) =>
    `when ${'('.repeat(Math.floor(length / 2))}${comparison}${')'.repeat(Math.floor(length / 2))}`,
  'not chain': (length) => repeated(length, 'not', ' ', 'when ', ` ${comparison}`),
  'not groups': (length) => repeated(length, `not (${comparison} or ${comparison})`, ' and ', 'when '),
  'nested groups at the cap': (length) =>
    repeated(length, `${'('.repeat(64)}${comparison}${')'.repeat(64)}`, ' or ', 'when '),
  tags: (length) => repeated(length, '"t@"', ',', `when ${comparison} tag `),
  'empty tags': (length) => repeated(length, '""', ',', `when ${comparison} tag `),
  'duplicate clauses': (length) => repeated(length, 'once_per_visit', ' ', `when ${comparison} `),
  'bad escapes': (length) => `when ${comparison.slice(0, -1)}${'\\q'.repeat(Math.floor(length / 2))}"`,
  'long list': (length) => repeated(length, '"v@"', ', ', 'when visitor.page_title is [', ']'),
  'token soup': (length) => repeated(length, 'is ( ] "x" , tag not', ' '),
  'unterminated strings': (length) => repeated(length, `visitor.page_title is "open`, '\n and ', 'when '),
};

const nestingWords = ['(', ')', 'not', comparison, 'and', 'or', 'is not', '"x"'];

/** Texts of up to a few hundred `(`, `)`, `not`, connectives and comparisons: nesting around the cap. */
export const nestedText: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...nestingWords), { maxLength: 400 })
  .map((words) => `when ${words.join(' ')}`);
