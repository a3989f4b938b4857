/**
 * Building catalogs: `createCatalog` checks a definition and indexes it; `extendCatalog` makes a new
 * catalog from an old one plus more objects, fields and kinds. Nothing is ever changed in place, so a
 * test can extend the catalog without touching what other tests see; the services built from a catalog
 * (`createLanguage`, `createEditor`) are cached per catalog object.
 */
import type { AnyMatchKind } from '../kinds/kind.ts';
import type { Frequency } from '../model/ast.ts';
import type {
  Catalog,
  EventEntry,
  FieldEntry,
  FrequencyEntry,
  KindsByName,
  ObjectEntry,
  OperatorEntry,
  TimeOfDayEntry,
} from './types.ts';

/** Everything a catalog is made of. `operators` are the core ones; kinds bring their own. */
export interface CatalogDefinition<
  Fields extends readonly FieldEntry[] = readonly FieldEntry[],
  Kinds extends KindsByName = KindsByName,
> {
  objects: readonly ObjectEntry[];
  operators: readonly OperatorEntry[];
  fields: Fields;
  kinds: Kinds;
  events: readonly EventEntry[];
  timesOfDay: readonly TimeOfDayEntry[];
  frequencies: readonly FrequencyEntry[];
  defaultFrequency: Frequency;
  onPageSeconds: { readonly min: number; readonly max: number };
  keywordDocs: Readonly<Record<string, string>>;
}

/** What `extendCatalog` adds: objects, fields (of any kind the result has) and kinds. */
export interface CatalogExtension<
  Fields extends readonly FieldEntry[] = readonly FieldEntry[],
  Kinds extends KindsByName = KindsByName,
> {
  objects?: readonly ObjectEntry[];
  fields?: Fields;
  kinds?: Kinds;
}

const definitions = new WeakMap<Catalog, CatalogDefinition>();

const WORDS = /^[a-z_]+( [a-z_]+)*$/;
/** Comparison signs an operator may be written as. */
const SIGNS = /^[<>]=?$/;
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;

function problem(message: string): Error {
  return new Error(`Invalid catalog: ${message}`);
}

function unique<T extends { name: string }>(entries: readonly T[], what: string): Map<string, T> {
  const byName = new Map<string, T>();
  for (const entry of entries) {
    if (byName.has(entry.name)) throw problem(`two ${what} are named "${entry.name}"; names must be unique.`);
    byName.set(entry.name, entry);
  }
  return byName;
}

function checkField(field: FieldEntry, catalog: Catalog): void {
  const where = `field "${field.name}"`;
  if (!FIELD_NAME.test(field.name)) {
    throw problem(`${where}: a field name is object.key, e.g. visitor.referrer.`);
  }
  if (field.name.split('.')[0] !== field.object || !catalog.objects.some((o) => o.name === field.object)) {
    throw problem(
      `${where}: its name must start with its object, one of ${catalog.objects.map((o) => o.name).join(', ')}.`,
    );
  }
  const kind = catalog.kinds[field.match];
  if (!kind || !Object.prototype.hasOwnProperty.call(catalog.kinds, field.match)) {
    throw problem(
      `${where}: unknown match kind "${field.match}"; kinds: ${Object.keys(catalog.kinds).join(', ')}.`,
    );
  }
  if (field.operators.length === 0) throw problem(`${where}: allow at least one operator.`);
  for (const operator of field.operators) {
    if (!catalog.operatorByName(operator)) {
      throw problem(`${where}: the catalog has no operator "${operator}".`);
    }
    if (!kind.operators.includes(operator)) {
      throw problem(
        `${where}: the ${kind.name} kind has no operator "${operator}" (it has ${kind.operators.join(', ')}).`,
      );
    }
  }
  if (field.symbols !== undefined) {
    if (field.symbols.length === 0)
      throw problem(`${where}: list at least one symbol, or leave symbols out.`);
    unique(field.symbols, `symbols of ${where}`);
  }
  const trouble = kind.checkField?.(field);
  if (trouble) throw problem(`${where}: ${trouble}`);
}

/**
 * Checks a catalog definition and builds the catalog: unique names, fields named `object.key` of a known
 * object, kinds that exist and allow the fields' operators, operators written as lower-case words. Throws
 * an error naming the entry and what to change.
 *
 * @example createCatalog({ ...definition, fields: [...definition.fields, referrer] }).fieldByName('visitor.referrer')
 */
export function createCatalog<const Fields extends readonly FieldEntry[], const Kinds extends KindsByName>(
  definition: CatalogDefinition<Fields, Kinds>,
): Catalog<Fields, Kinds> {
  for (const [name, kind] of Object.entries(definition.kinds)) {
    if (kind.name !== name) throw problem(`the kind registered as "${name}" is named "${kind.name}".`);
    for (const other of kind.compilesTo ?? []) {
      if (!Object.prototype.hasOwnProperty.call(definition.kinds, other)) {
        throw problem(`the kind "${name}" compiles to the kind "${other}", which the catalog does not have.`);
      }
    }
  }
  const kindOperators = Object.values(definition.kinds).flatMap((kind) => kind.newOperators ?? []);
  const operators = [...definition.operators, ...kindOperators];
  const operatorsByName = unique(operators, 'operators');
  unique(
    operators.map((operator) => ({ name: operator.keyword })),
    'operators\u2019 keywords',
  );
  for (const operator of operators) {
    if (!WORDS.test(operator.keyword) && !SIGNS.test(operator.keyword)) {
      throw problem(
        `operator "${operator.name}": its keyword "${operator.keyword}" must be lower-case words or one of <, <=, >, >=.`,
      );
    }
  }
  unique(definition.objects, 'objects');
  const fieldsByName = unique(definition.fields, 'fields');
  unique(definition.frequencies, 'frequencies');
  for (const frequency of definition.frequencies) {
    if (!WORDS.test(frequency.name) || frequency.name.includes(' ')) {
      throw problem(
        `frequency "${frequency.name}": its name is written in rules, so it must be one lower-case word.`,
      );
    }
  }
  if (!definition.frequencies.some((frequency) => frequency.name === definition.defaultFrequency)) {
    throw problem(`the default frequency "${definition.defaultFrequency}" is not one of the frequencies.`);
  }

  const catalog: Catalog<Fields, Kinds> = {
    objects: definition.objects,
    operators,
    fields: definition.fields,
    kinds: definition.kinds,
    events: definition.events,
    timesOfDay: definition.timesOfDay,
    frequencies: definition.frequencies,
    defaultFrequency: definition.defaultFrequency,
    onPageSeconds: definition.onPageSeconds,
    keywordDocs: definition.keywordDocs,
    fieldByName: (name) => fieldsByName.get(name),
    operatorByName: (name) => operatorsByName.get(name),
    kindOf: (field) => definition.kinds[field.match] as AnyMatchKind,
  };
  for (const field of definition.fields) checkField(field, catalog);
  definitions.set(catalog, definition);
  return Object.freeze(catalog);
}

/**
 * A new catalog: `base` plus the extension's objects, kinds and fields (appended, in order). `base` is
 * left as it is.
 *
 * @example
 * const extended = extendCatalog(catalog, { fields: [referrer] });
 * createLanguage(extended).check('when visitor.referrer contains "google"').diagnostics // []
 */
export function extendCatalog<
  BaseFields extends readonly FieldEntry[],
  BaseKinds extends KindsByName,
  const Fields extends readonly FieldEntry[] = readonly [],
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  const Kinds extends KindsByName = {},
>(
  base: Catalog<BaseFields, BaseKinds>,
  extension: CatalogExtension<Fields, Kinds>,
): Catalog<readonly [...BaseFields, ...Fields], BaseKinds & Kinds> {
  const definition = definitions.get(base as Catalog);
  if (!definition) throw problem('extend a catalog made by createCatalog or extendCatalog.');
  for (const name of Object.keys(extension.kinds ?? {})) {
    if (Object.prototype.hasOwnProperty.call(definition.kinds, name)) {
      throw problem(`the kind "${name}" already exists; give the new kind another name.`);
    }
  }
  return createCatalog({
    ...definition,
    objects: [...definition.objects, ...(extension.objects ?? [])],
    fields: [
      ...(definition.fields as BaseFields),
      ...(extension.fields ?? ([] as unknown as Fields)),
    ] as const,
    kinds: { ...(definition.kinds as BaseKinds), ...(extension.kinds ?? ({} as Kinds)) },
  });
}
