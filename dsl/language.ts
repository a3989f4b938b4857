/**
 * The composition root: `createLanguage(catalog)` wires a catalog's parser, printer, formatter,
 * validator, compiler and schemas into one object (as Langium builds its services from a module). The
 * functions exported here are those of the built-in catalog's language; a test or a deployment with more
 * fields or kinds builds its own with `createLanguage(extendCatalog(catalog, ...))`.
 */
import type { ILexingResult } from 'chevrotain';
import type { z } from 'zod';
import { catalog } from './catalog/catalog.ts';
import type { ContextOf } from './catalog/context.ts';
import { createContextSchemas, type ContextParseResult } from './catalog/context-schema.ts';
import type { Catalog } from './catalog/types.ts';
import { createCheck, type CheckResult } from './check/check.ts';
import { createValidator, diagnosticCodesOf, type ValidateOptions } from './check/validator.ts';
import { createCompiler } from './compile/compile.ts';
import type { CompiledCondition, CompiledRule } from './compile/compiled.ts';
import { createCompiledSchemas } from './compile/compiled-schema.ts';
import type { RuntimeKind } from './kinds/runtime.ts';
import type { Condition, Rule } from './model/ast.ts';
import type { Diagnostic } from './model/diagnostic.ts';
import { createFormatter, type FormatResult } from './syntax/format.ts';
import type { RuleGrammar } from './syntax/grammar.ts';
import type { Vocabulary } from './syntax/lexer.ts';
import { createParser, type ParseResult } from './syntax/parser.ts';
import { createPrinter } from './syntax/printer.ts';

/** Everything the rule language of one catalog does. Its functions need no `this`: destructure freely. */
export interface RuleLanguage<C extends Catalog = Catalog> {
  readonly catalog: C;
  /** The catalog's tokens, lexer and grammar (the editor services read them). */
  readonly syntax: { readonly vocabulary: Vocabulary; readonly grammar: RuleGrammar };
  /** `lexed`: the text's tokens, when the caller has them already (the editor lexes once per text). */
  parse(text: string, lexed?: ILexingResult): ParseResult;
  validate(rule: Rule, options?: ValidateOptions): Diagnostic[];
  check(text: string, options?: ValidateOptions, lexed?: ILexingResult): CheckResult;
  print(rule: Rule): string;
  printClauses(rule: Rule): string[];
  printConditionInline(condition: Condition): string;
  format(text: string): FormatResult;
  compile(rule: Rule, source?: string): CompiledRule;
  /** Every diagnostic code with its one-line meaning: the core ones, then the kinds'. */
  readonly diagnosticCodes: Readonly<Record<string, string>>;
  readonly contextSchema: z.ZodType<ContextOf<C>>;
  parseContext(value: unknown): ContextParseResult<ContextOf<C>>;
  readonly compiledRuleSchema: z.ZodType<CompiledRule>;
  readonly compiledConditionSchema: z.ZodType<CompiledCondition>;
  /** The runtime halves of the catalog's kinds, for `createEvaluator(compiled, { kinds })`. */
  readonly runtimeKinds: Readonly<Record<string, RuntimeKind>>;
}

const languages = new WeakMap<Catalog, RuleLanguage>();

/**
 * The rule language of a catalog, built once per catalog object (later calls answer the same object).
 *
 * @example
 * const language = createLanguage(extendCatalog(catalog, { fields: [referrer] }));
 * language.check('when visitor.referrer contains "google"').diagnostics // []
 */
export function createLanguage<C extends Catalog>(catalog: C): RuleLanguage<C> {
  const cached = languages.get(catalog);
  if (cached) return cached as unknown as RuleLanguage<C>;
  const { vocabulary, grammar, parse } = createParser(catalog);
  const printer = createPrinter(catalog);
  const validate = createValidator(catalog);
  const { contextSchema, parseContext } = createContextSchemas(catalog);
  const language: RuleLanguage<C> = {
    catalog,
    syntax: { vocabulary, grammar },
    parse,
    validate,
    check: createCheck(parse, validate),
    ...printer,
    format: createFormatter(parse, printer.print),
    compile: createCompiler(catalog, validate),
    diagnosticCodes: diagnosticCodesOf(catalog),
    contextSchema,
    parseContext,
    ...createCompiledSchemas(catalog),
    runtimeKinds: Object.fromEntries(
      Object.entries(catalog.kinds).map(([name, kind]) => [name, kind.runtime]),
    ),
  };
  languages.set(catalog, language as unknown as RuleLanguage);
  return language;
}

/** The language of the built-in catalog: what the functions below, the CLI, the server and the app use. */
export const language = createLanguage(catalog);

/**
 * Parses a rule text into the AST, with every syntax error found.
 *
 * @example parse('when visitor.page_url contains "pricing" for 0:30').rule?.timing // { kind: 'on_page', minutes: 0, seconds: 30, ... }
 */
export function parse(text: string): ParseResult {
  return language.parse(text);
}

/**
 * Checks a rule's meaning against the catalog and the channel's schedules.
 *
 * @example validate(parse('when visitor.page_ulr is "x"').rule!)[0]?.message // 'Unknown field `visitor.page_ulr`. Did you mean visitor.page_url?'
 */
export function validate(rule: Rule, options: ValidateOptions = {}): Diagnostic[] {
  return language.validate(rule, options);
}

/**
 * Parses and validates a rule text: everything an editor, the CLI or the server needs to know about it.
 *
 * @example check('when visitor.page_url contians "x"').diagnostics[0]?.code // 'syntax'
 */
export function check(text: string, options: ValidateOptions = {}): CheckResult {
  return language.check(text, options);
}

/**
 * The canonical text of a rule, ending with a newline.
 *
 * @example print(parse('when   visitor.page_url  contains "pricing"').rule!) // 'when visitor.page_url contains "pricing" once_per_visit\n'
 */
export function print(rule: Rule): string {
  return language.print(rule);
}

/**
 * The clauses after the condition, in canonical order (the frequency is always written).
 *
 * @example printClauses(rule) // ['for 0:30', 'during business_hours', 'once_per_visit']
 */
export function printClauses(rule: Rule): string[] {
  return language.printClauses(rule);
}

/**
 * One condition on one line, without comments.
 *
 * @example printConditionInline(rule.condition) // 'visitor.page_url contains "pricing" and not device.language is "fr"'
 */
export function printConditionInline(condition: Condition): string {
  return language.printConditionInline(condition);
}

/**
 * Formats a rule text into its canonical form; `format(format(x).text).text === format(x).text`.
 *
 * @example format('when visitor.page_url   contains "pricing"').text // 'when visitor.page_url contains "pricing" once_per_visit\n'
 */
export function format(text: string): FormatResult {
  return language.format(text);
}

/**
 * Compiles a valid rule to its wire form. Throws a `CompileError` listing the problems when the rule has
 * errors (warnings are fine). Pass the rule's source text to get line:column positions in the message.
 *
 * @example compile(parse('when visitor.page_url contains "Pricing"').rule!).when
 * // { t: 'cmp', field: 'visitor.page_url', match: 'text', op: 'contains', values: ['pricing'] }
 */
export function compile(rule: Rule, source?: string): CompiledRule {
  return language.compile(rule, source);
}

/** Every diagnostic code of the built-in catalog, with a one-line explanation (the docs page lists them). */
export const diagnosticCodes = language.diagnosticCodes;

/** The zod schema of a compiled rule of the built-in catalog (the server checks what it stores with it). */
export const compiledRuleSchema = language.compiledRuleSchema;

/** A compiled condition tree node of the built-in catalog. */
export const compiledConditionSchema = language.compiledConditionSchema;
