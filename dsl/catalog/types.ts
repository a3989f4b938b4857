/**
 * The shapes of the catalog's entries, and of a catalog: the one table of everything a rule can say.
 */
import type { CompiledEvent } from '../compile/compiled.ts';
import type { AnyMatchKind } from '../kinds/kind.ts';
import type { Frequency, OperatorName } from '../model/ast.ts';

export interface ObjectEntry {
  name: string;
  label: string;
  doc: string;
}

export interface OperatorEntry {
  name: OperatorName;
  /**
   * The words in rule text: `is not`, `does not contain` (lower-case words, they become keywords), or a
   * comparison sign: `>`, `>=`, `<`, `<=`.
   */
  keyword: string;
  label: string;
  doc: string;
}

export interface SymbolEntry {
  name: string;
  label: string;
  doc: string;
}

/** What the key of a keyed field is (`visitor.attributes["plan"]`: an attribute). */
export interface KeyEntry {
  /** What one key names, in lower case: `attribute`, `query parameter`. */
  label: string;
  /** A key as written in rule text, in quotes: `"plan"`. */
  example: string;
  /**
   * The validation option that declares this field's keys, when the site declares them: with
   * `attributes` given, a key not among them is a warning and a value of another type than the
   * declared one an error.
   */
  declarations?: 'attributes';
}

/**
 * A key of `visitor.attributes` the site declares (in the admin app's settings, per brand): its type, and
 * the label completion and hover show. Given to the validator and the editor services as `attributes`.
 */
export interface AttributeDeclaration {
  key: string;
  type: 'text' | 'number' | 'boolean';
  label?: string;
}

export interface FieldEntry {
  /** Dotted name in rule text and in the context JSON: `visitor.page_url` is `context.visitor.page_url`. */
  name: string;
  object: string;
  label: string;
  doc: string;
  /** The name of the field's match kind (`kinds/<name>/`): how its values are written and compared. */
  match: string;
  /** The operators the field allows (some or all of its kind's), in the order pickers offer them. */
  operators: readonly OperatorName[];
  /** For symbol fields: the bare words the value may be. */
  symbols?: readonly SymbolEntry[];
  /** For a keyed field (`visitor.query["ref"]`: one fact per key, the key written in brackets). */
  key?: KeyEntry;
  /** Whether `[..]` lists are allowed as values. */
  allowsList: boolean;
  /** A sample value as written in rule text, for docs and completion. */
  example: string;
  /** The test panel's starting sample value (the kind's default when left out). */
  sample?: string;
}

/** A trigger: the event a rule waits for before its conditions are checked. */
export interface EventEntry {
  /** The compiled event's type (and the AST timing's kind). */
  name: CompiledEvent['type'];
  /** How the trigger is written, with placeholders: `for M:SS`, `on scroll N%` (empty: nothing is written). */
  syntax: string;
  /** An instance as completion inserts it and docs show it: `on scroll 50%` (empty for page load). */
  example: string;
  label: string;
  doc: string;
  /** For a trigger that waits some time: its limits, in seconds. */
  seconds?: { readonly min: number; readonly max: number };
}

export interface TimeOfDayEntry {
  name: 'anytime' | 'during' | 'outside';
  /** The words in rule text. */
  keyword: string;
  label: string;
  doc: string;
}

export interface FrequencyEntry {
  name: Frequency;
  label: string;
  doc: string;
}

/** Match kinds by name. */
export type KindsByName = Readonly<Record<string, AnyMatchKind>>;

/**
 * A catalog: its tables, indexed. Built by `createCatalog` (checked for consistency) or `extendCatalog`.
 * `Fields` and `Kinds` keep their literal types so that the context type can be derived from them.
 */
export interface Catalog<
  Fields extends readonly FieldEntry[] = readonly FieldEntry[],
  Kinds extends KindsByName = KindsByName,
> {
  readonly objects: readonly ObjectEntry[];
  /** Every operator: the core ones and those the kinds bring. */
  readonly operators: readonly OperatorEntry[];
  readonly fields: Fields;
  readonly kinds: Kinds;
  readonly events: readonly EventEntry[];
  readonly timesOfDay: readonly TimeOfDayEntry[];
  readonly frequencies: readonly FrequencyEntry[];
  readonly defaultFrequency: Frequency;
  /** Duration limits for `for M:SS`, in seconds. */
  readonly onPageSeconds: { readonly min: number; readonly max: number };
  /** What the structural keywords mean (clause keywords are documented by their entries). */
  readonly keywordDocs: Readonly<Record<string, string>>;
  /** The field of that name, or undefined. */
  fieldByName(name: string): FieldEntry | undefined;
  /** The operator of that name, or undefined. */
  operatorByName(name: string): OperatorEntry | undefined;
  /** The kind a field names (the catalog guarantees it exists). */
  kindOf(field: FieldEntry): AnyMatchKind;
}
