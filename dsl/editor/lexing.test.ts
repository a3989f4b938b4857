import { describe, expect, it, vi } from 'vitest';
import { language } from '../language.ts';
import { createEditor } from './index.ts';
import { createLexing } from './lexing.ts';

describe('lexing once per text', () => {
  it('hands out the tokens of the last texts again, and lexes a new text once', () => {
    const vocabulary = language.syntax.vocabulary;
    const tokenize = vi.spyOn(vocabulary.lexer, 'tokenize');
    try {
      const lex = createLexing(vocabulary, 2);
      const first = lex('when a.b is "x"');
      expect(lex('when a.b is "x"')).toBe(first);
      lex('when a.b is "y"');
      expect(lex('when a.b is "x"')).toBe(first);
      expect(tokenize).toHaveBeenCalledTimes(2);
      lex('when a.b is "z"');
      lex('when a.b is "y"');
      expect(lex('when a.b is "x"')).not.toBe(first);
      expect(tokenize).toHaveBeenCalledTimes(4);
    } finally {
      tokenize.mockRestore();
    }
  });

  it('gives the parser the tokens it would have lexed', () => {
    const text = 'when visitor.page_url contains "pricing" # note\nfor 0:30';
    const lexed = language.syntax.vocabulary.lexer.tokenize(text);
    expect(language.check(text, {}, lexed)).toEqual(language.check(text));
  });

  it('is shared by the editor services: one text, one lexing', () => {
    const editor = createEditor(language);
    const tokenize = vi.spyOn(language.syntax.vocabulary.lexer, 'tokenize');
    try {
      const text = 'when visitor.page_url contains "shared lexing" and device.language is ';
      editor.diagnostics(text);
      editor.tokens(text);
      editor.hover(text, 8);
      expect(editor.complete(text, text.length).items.map((item) => item.label)).toContain('"fr"');
      expect(tokenize).toHaveBeenCalledTimes(1);
    } finally {
      tokenize.mockRestore();
    }
  });
});
