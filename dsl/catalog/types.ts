/**
 * The shapes of the catalog's entries, and of a catalog: the one table of everything a rule can say.
 */
import type { AnyMatchKind } from '../kinds/kind.ts';
import type { Frequency, OperatorName } from '../model/ast.ts';

export interface ObjectEntry {
  name: string;
  label: string;
  doc: string;
}

export interface OperatorEntry {
  name: OperatorName;
  /** The words in rule text: `is not`, `does not contain` (lower-case words, they become keywords). */
  keyword: string;
  label: string;
  doc: string;
}

export interface SymbolEntry {
  name: string;
  label: string;
  doc: string;
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
  /** Whether `[..]` lists are allowed as values. */
  allowsList: boolean;
  /** A sample value as written in rule text, for docs and completion. */
  example: string;
  /** The test panel's starting sample value (the kind's default when left out). */
  sample?: string;
}

export interface EventEntry {
  name: 'page_load' | 'on_page';
  label: string;
  doc: string;
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
