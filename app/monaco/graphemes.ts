/**
 * Grapheme clusters (what the cursor steps over as one character: `é` written as e + U+0301, a family
 * emoji joined by ZWJs, a flag, CR LF) from the browser's `Intl.Segmenter`, in place of Monaco's own
 * Unicode break table (27 KB of the Monaco chunk: app/monaco/slim.ts puts this module into
 * `base/common/strings.js` instead of its GraphemeIterator). Monaco's GPU renderer segments lines the
 * same way (`editor/browser/gpu/contentSegmenter.js`); the browser's table also follows Unicode updates
 * and splits runs of flags into pairs, which Monaco's table joins into one.
 *
 * Same API as Monaco's `GraphemeIterator`, `nextCharLength` and `prevCharLength`: lengths in UTF-16 code
 * units. ASCII text (nearly all of a rule) is answered without the segmenter.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The last text segmented: Monaco asks about one line many times in a row (cursor columns, moves). */
let last: { text: string; segments: Intl.Segments } | undefined;
function segmentsOf(text: string): Intl.Segments {
  if (last?.text !== text) last = { text, segments: segmenter.segment(text) };
  return last.segments;
}

const carriageReturn = 13;
const lineFeed = 10;
/** Code units below this are ASCII characters that never join the next one, except CR before LF. */
const asciiEnd = 0x7f;

/**
 * The length of the grapheme cluster that starts at `offset` (0 at the end of the text).
 *
 * @example nextCharLength('e\u0301!', 0) // 2
 */
export function nextCharLength(text: string, offset: number): number {
  if (offset >= text.length) return 0;
  const code = text.charCodeAt(offset);
  if (code < asciiEnd) {
    if (offset + 1 === text.length) return 1;
    const next = text.charCodeAt(offset + 1);
    if (next < asciiEnd) return code === carriageReturn && next === lineFeed ? 2 : 1;
  }
  const segment = segmentsOf(text).containing(offset);
  return segment ? segment.index + segment.segment.length - offset : 0;
}

/**
 * The length of the grapheme cluster that ends at `offset` (0 at the start of the text).
 *
 * @example prevCharLength('a👍🏽', 5) // 4
 */
export function prevCharLength(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const code = text.charCodeAt(offset - 1);
  if (code < asciiEnd) {
    if (offset === 1) return 1;
    const before = text.charCodeAt(offset - 2);
    if (before < asciiEnd) return before === carriageReturn && code === lineFeed ? 2 : 1;
  }
  const segment = segmentsOf(text).containing(offset - 1);
  return segment ? offset - segment.index : 0;
}

/**
 * Steps through a text one grapheme cluster at a time, forwards or backwards, from `offset`.
 *
 * @example const it = new GraphemeIterator('a👍🏽'); it.nextGraphemeLength(); it.nextGraphemeLength(); // 1, then 4
 */
export class GraphemeIterator {
  #offset: number;
  constructor(
    private readonly text: string,
    offset = 0,
  ) {
    this.#offset = offset;
  }

  /** Where the iterator stands, in UTF-16 code units. */
  get offset(): number {
    return this.#offset;
  }

  /** Steps over the next cluster and returns its length. */
  nextGraphemeLength(): number {
    const length = nextCharLength(this.text, this.#offset);
    this.#offset += length;
    return length;
  }

  /** Steps back over the previous cluster and returns its length. */
  prevGraphemeLength(): number {
    const length = prevCharLength(this.text, this.#offset);
    this.#offset -= length;
    return length;
  }

  /** True at the end of the text. */
  eol(): boolean {
    return this.#offset >= this.text.length;
  }
}
