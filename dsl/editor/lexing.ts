/**
 * Lexing once per text: highlighting, diagnostics, completion and hover of one editor all ask about the
 * same text (Monaco asks once per model version), so the tokens of the last texts asked about are kept
 * and handed out again.
 */
import type { ILexingResult } from 'chevrotain';
import type { Vocabulary } from '../syntax/lexer.ts';

/** The tokens of a text (callers only read them). */
export type Lex = (text: string) => ILexingResult;

/**
 * A lexer that remembers its last `size` texts and their tokens.
 *
 * @example const lex = createLexing(language.syntax.vocabulary); lex(text) === lex(text) // true
 */
export function createLexing(vocabulary: Vocabulary, size = 2): Lex {
  const recent: { text: string; lexed: ILexingResult }[] = [];
  return (text) => {
    const found = recent.find((entry) => entry.text === text);
    if (found) return found.lexed;
    const lexed = vocabulary.lexer.tokenize(text);
    recent.unshift({ text, lexed });
    if (recent.length > size) recent.pop();
    return lexed;
  };
}
