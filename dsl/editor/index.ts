/**
 * Editor services for the rule language as pure functions (no Monaco import): the admin app wires
 * them into Monaco; tests call them directly. `createEditor(language)` builds them for any catalog's
 * language; the functions exported here are the built-in catalog's.
 */
import { catalog } from '../catalog/catalog.ts';
import { language as builtinLanguage, type RuleLanguage } from '../language.ts';
import type { ValidateOptions } from '../check/validator.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { FormatResult } from '../syntax/format.ts';
import {
  createCompletion,
  objectLabel as labelOfObject,
  type CompletionResult,
  type EditorOptions,
} from './complete.ts';
import { createHover, type HoverOptions, type HoverResult } from './hover.ts';
import { createLexing } from './lexing.ts';
import { createHighlighting, type HighlightToken, type MonarchLanguage } from './tokens.ts';

export type {
  CompletionItem,
  CompletionKind,
  CompletionResult,
  CompletionSetup,
  EditorOptions,
} from './complete.ts';
export { createCompletion } from './complete.ts';
export type { HoverOptions, HoverResult } from './hover.ts';
export type { HighlightToken, MonarchLanguage } from './tokens.ts';
export { languageName } from '../kinds/language/index.ts';

/**
 * What an editor needs from a language. `options` carry what the site declares (attribute keys, see
 * `ValidateOptions.attributes`): completion and hover offer declared keys with their labels.
 */
export interface EditorServices {
  complete(text: string, offset: number, options?: EditorOptions): CompletionResult;
  hover(text: string, offset: number, options?: HoverOptions): HoverResult | null;
  tokens(text: string): HighlightToken[];
  diagnostics(text: string, options?: ValidateOptions): Diagnostic[];
  format(text: string): FormatResult;
  monarchLanguage: MonarchLanguage;
}

const editors = new WeakMap<RuleLanguage, EditorServices>();

/**
 * The editor services of a language, built once per language. They share one lexer that keeps the last
 * texts' tokens, so a text is lexed once however many services ask about it.
 *
 * @example createEditor(createLanguage(extended)).complete('when visitor.', 13).items
 */
export function createEditor(language: RuleLanguage): EditorServices {
  let services = editors.get(language);
  if (!services) {
    // One lexer for every service: a text is lexed once, whichever service asks first.
    const lex = createLexing(language.syntax.vocabulary);
    services = {
      complete: createCompletion(language, { lex }),
      hover: createHover(language, lex),
      ...createHighlighting(language, lex),
      diagnostics: (text, options = {}) => language.check(text, options, lex(text)).diagnostics,
      format: language.format,
    };
    editors.set(language, services);
  }
  return services;
}

const editor = createEditor(builtinLanguage as RuleLanguage);

/**
 * Completion items at `offset` in `text`, filtered by what is typed (the word, or the string the cursor is
 * in); `options.attributes` are the declared attribute keys to offer, `options.schedules` the channel's
 * schedule names. Clauses the rule already says are not offered.
 *
 * @example complete('when visitor.page_url ', 22).items.map((item) => item.label) // ['is', 'is not', 'contains', ...]
 */
export function complete(text: string, offset: number, options: EditorOptions = {}): CompletionResult {
  return editor.complete(text, offset, options);
}

/**
 * Documentation for the token at `offset`, or null when there is none. `options` are the validator's: the
 * schedules that exist (so that hover can say a schedule name is unknown) and the declared attribute keys
 * (their labels and types).
 *
 * @example hover('when device.language is "fr"', 8)?.contents // '**device.language** — Device › Language ...'
 */
export function hover(text: string, offset: number, options: HoverOptions = {}): HoverResult | null {
  return editor.hover(text, offset, options);
}

/**
 * The highlighted tokens of a text, comments included, in text order; characters the lexer rejects are `invalid`.
 *
 * @example tokens('when visitor.page_url is "x"').map((token) => token.category) // ['keyword', 'field', 'operator', 'string']
 */
export function tokens(text: string): HighlightToken[] {
  return editor.tokens(text);
}

/**
 * Syntax and meaning problems of a rule text, in text order (what the editor shows as squiggles).
 *
 * @example diagnostics('when visitor.page_ulr is "x"')[0]?.code // 'unknown-field'
 */
export function diagnostics(text: string, options: ValidateOptions = {}): Diagnostic[] {
  return editor.diagnostics(text, options);
}

/**
 * Formats a rule text into its canonical form (Format document).
 *
 * @example format('when  a.b is "x"').text // 'when a.b is "x" once_per_visit\n'
 */
export function format(text: string): FormatResult {
  return editor.format(text);
}

/**
 * The Monarch definition of the language, generated from the token table and the catalog's fields.
 *
 * @example monaco.languages.setMonarchTokensProvider('proactive', monarchLanguage)
 */
export const monarchLanguage: MonarchLanguage = editor.monarchLanguage;

/**
 * The label of a built-in catalog object, e.g. "Visitor".
 *
 * @example objectLabel('device') // 'Device'
 */
export function objectLabel(name: string): string {
  return labelOfObject(catalog, name);
}
