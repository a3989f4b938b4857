/**
 * The contract of a match kind: how the values of a field are written, checked, completed, documented,
 * compiled, tested at run time and edited in the admin app. Every field of the catalog names its kind
 * (`match: 'text'`); everything that depends on how values compare asks the kind, so adding a kind is one
 * module (`kinds/<name>/index.ts` plus its widget-safe `kinds/<name>/runtime.ts`) and one line in each
 * registry (`kinds/builtin.ts`, `kinds/builtin-runtime.ts`). docs/extending.md walks through it.
 *
 * The dsl package knows no React: a kind names a control from the small closed sets below, and the admin
 * app maps each control to one component (app/rules/ValueInput.tsx, app/rules/TestRulePanel.tsx).
 */
import type { z } from 'zod';
import type { AttributeDeclaration, FieldEntry, OperatorEntry, SymbolEntry } from '../catalog/types.ts';
import type { CompiledValue } from '../compile/compiled.ts';
import type { CompletionItem } from '../editor/complete.ts';
import type { OperatorName, SourceRange, Value } from '../model/ast.ts';
import type { Fix } from '../model/diagnostic.ts';
import type { AnyRuntimeKind } from './runtime.ts';

/** Where a kind reports problems with a value; `code` is one of the core codes or the kind's own. */
export interface ValueReport {
  error(code: string, range: SourceRange | undefined, message: string, fix?: Fix | null): void;
  warning(code: string, range: SourceRange | undefined, message: string, fix?: Fix | null): void;
}

/** The comparison a value is checked, completed or edited for. */
export interface ValueContext {
  operator?: OperatorName;
  /** The key of a keyed field (`plan` in `visitor.attributes["plan"]`). */
  key?: string;
  /** The declaration of that key, when the caller declares the field's keys and this key is one. */
  declared?: AttributeDeclaration;
}

/** An option of a select control. */
export type ControlOption = SymbolEntry;

/**
 * The visual builder's value editor for a field, by name. The app maps each `control` to one component.
 * - `chips`: free text, one chip per value (several chips = a list when the field allows one);
 * - `select`: one of the field's symbols;
 * - `language`: language tags, picked from suggestions (several = a list when the field allows one);
 * - `number`: a number input (a number value);
 * - `boolean`: true or false (a boolean value);
 * - `typed`: text chips, a number or true / false, as the admin picks (facts the site types per key).
 */
export type ValueControl =
  | { control: 'chips'; allowsList: boolean }
  | { control: 'select'; options: readonly ControlOption[] }
  | { control: 'language'; allowsList: boolean; suggestions: readonly string[] }
  | { control: 'number' }
  | { control: 'boolean' }
  | { control: 'typed'; allowsList: boolean };

/**
 * The test panel's input for a field's sample value (what the visitor's context would hold).
 * - `text`: a free text input;
 * - `select`: one of the field's symbols;
 * - `number`: a number input;
 * - `keyValues`: the facts of a keyed field as `key=value` pairs separated by `;` (`plan=pro; seats=12`).
 */
export type SampleControl =
  | { control: 'text' }
  | { control: 'select'; options: readonly ControlOption[] }
  | { control: 'number' }
  | { control: 'keyValues' };

/** What the admin's own browser knows, for sample defaults (e.g. its language). */
export interface SampleEnvironment {
  /** A BCP 47 tag, e.g. `navigator.language`. */
  language?: string;
}

/**
 * One kind of matching. `ContextValue` is the TypeScript type of a context value of this kind (it becomes
 * the field's type in `RuleContext`; fields with `symbols` narrow it to their names).
 */
export interface MatchKind<Name extends string = string, ContextValue = unknown> {
  /** Written into compiled rules (`match`), so it never changes once shipped. */
  readonly name: Name;
  /** The operators fields of this kind may allow, in the order pickers offer them. */
  readonly operators: readonly OperatorName[];
  /** Operators this kind brings to the language; their words become keywords. */
  readonly newOperators?: readonly OperatorEntry[];
  /** Diagnostic codes only this kind reports, with the one-line meaning docs/dsl.md lists. */
  readonly diagnosticCodes?: Readonly<Record<string, string>>;
  /** The widget-safe part: the kind's `runtime.ts`. */
  readonly runtime: AnyRuntimeKind;
  /**
   * Other kinds this kind's comparisons may compile to (their runtime halves then evaluate them): a
   * kind of facts typed per key compiles number values to `number`. They must be in the catalog.
   */
  readonly compilesTo?: readonly string[];

  /** What is wrong with a field of this kind in a catalog (e.g. symbols missing), or undefined. */
  checkField?(field: FieldEntry): string | undefined;
  /** The context JSON's value for a field of this kind (CLI `eval --context`, API `/dsl/explain`). */
  contextValue(field: FieldEntry): z.ZodType<ContextValue>;
  /**
   * Meaning checks of a comparison's value; the validator has already checked the field, its key and
   * that the field allows the operator.
   */
  validate(value: Value, field: FieldEntry, report: ValueReport, context?: ValueContext): void;
  /**
   * For kinds whose operators depend on the value (facts typed per key): what the comparison compares,
   * and the operators that compare it; the validator refuses the others.
   */
  operatorsFor?(
    value: Value,
    context: ValueContext,
  ): { type: string; operators: readonly OperatorName[] } | undefined;
  /** Completion items for a comparison's value. */
  completeValue(field: FieldEntry, context?: ValueContext): CompletionItem[];
  /** Hover Markdown for a value written for the field (decoded string or bare word), if there is any. */
  hoverValue(value: string, field: FieldEntry): string | undefined;
  /** The compile step: one rule value (a string, a list item, a number, ...) as the runtime compares it. */
  compileValue(value: string | number | boolean): CompiledValue;
  /** The kind a comparison with this value compiles to (default: this kind; see `compilesTo`). */
  compiledMatch?(value: Value): string;

  /** docs/dsl.md: the "Values" cell of the field's row. */
  describeValues(field: FieldEntry): string;
  /** docs/dsl.md: the bullet of the "Values" section for the fields of this kind. */
  documentValues(fields: readonly FieldEntry[]): string;

  /** The visual builder's value editor (for a keyed field, `context` has the key and its declaration). */
  valueControl(field: FieldEntry, context?: ValueContext): ValueControl;
  /** The value a condition row starts with when the field is picked. */
  defaultValue(field: FieldEntry): Value;
  /** Whether a value has the shape this kind's editor edits (otherwise the row is marked). */
  fitsValue(value: Value, field: FieldEntry): boolean;
  /** The test panel's sample input. */
  sampleControl(field: FieldEntry): SampleControl;
  /** The sample value the test panel starts with. */
  sampleDefault(field: FieldEntry, environment: SampleEnvironment): string;
  /** The context value of a sample as typed in the test panel (default: the text itself). */
  sampleValue?(text: string, field: FieldEntry): unknown;
}

/** Any kind, whatever its context value type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMatchKind = MatchKind<string, any>;
