/**
 * The visitor context a rule is evaluated against: the same JSON the CLI's `eval --context` reads, the
 * API's `/dsl/explain` takes and the widget builds on the visitor's page. Types only, all derived: a
 * field's type comes from its catalog entry and kind, and `RuleContext` is `z.infer` of the built-in
 * catalog's context schema (catalog/context-schema.ts).
 */
import type { z } from 'zod';
import type { MatchKind } from '../kinds/kind.ts';
import type { contextSchema, scheduleSchema } from './context-schema.ts';
import type { Catalog, FieldEntry, KindsByName } from './types.ts';

/** A business-hours schedule: IANA time zone, weekly intervals (local `HH:MM`; `24:00` ends the day), holidays. */
export type Schedule = z.infer<typeof scheduleSchema>;
/** Opening hours on one weekday; `close < open` crosses midnight. */
export type ScheduleInterval = Schedule['intervals'][number];
/** A whole local day (`YYYY-MM-DD`) the schedule is closed. */
export type Holiday = Schedule['holidays'][number];
export type Weekday = ScheduleInterval['day'];

/** A fact the site types itself: a visitor attribute, a custom event's property. */
export type TypedFact = string | number | boolean;

/**
 * The moment of the check: the page loaded, the visitor has been on the page (tab visible) or on the
 * site `seconds`, seems about to leave, has scrolled `percent` of the page, has been idle `seconds`, or
 * the site tracked the custom event `name` (with its properties).
 */
export type ContextEvent =
  | { type: 'page_load' }
  | { type: 'on_page'; seconds: number }
  | { type: 'on_site'; seconds: number }
  | { type: 'exit_intent' }
  | { type: 'scroll'; percent: number }
  | { type: 'idle'; seconds: number }
  | { type: 'custom'; name: string; properties?: Record<string, TypedFact> };

type FieldKey<Name extends string> = Name extends `${string}.${infer Key}` ? Key : never;
type SymbolNames<Field> = Field extends { readonly symbols: readonly (infer Symbol)[] }
  ? Symbol extends { readonly name: infer Name }
    ? Name
    : never
  : never;
type KindValue<Kind> = Kind extends MatchKind<string, infer Value> ? Value : unknown;

/** One value's type: the names of the field's symbols, or its kind's context value type. */
type OneValue<Field extends FieldEntry, Kinds extends KindsByName> = [SymbolNames<Field>] extends [never]
  ? KindValue<Kinds[Field['match']]>
  : SymbolNames<Field>;

/** A field's context type: one value, or one value per key for a keyed field. */
export type FieldValue<Field extends FieldEntry, Kinds extends KindsByName> = Field extends {
  readonly key: object;
}
  ? Record<string, OneValue<Field, Kinds>>
  : OneValue<Field, Kinds>;

/**
 * The catalog's objects, each holding its fields (by the part of their name after the dot), all optional.
 * The `event` object's fields live in the context's event instead.
 */
export type FieldsContext<Fields extends readonly FieldEntry[], Kinds extends KindsByName> = {
  [Object in Exclude<Fields[number]['object'], 'event'>]: {
    [
      Field in Fields[number] as Field['object'] extends Object ? FieldKey<Field['name']> : never
    ]?: FieldValue<Field, Kinds>;
  };
};

type Simplify<T> = { [Key in keyof T]: T[Key] } & {};

/** The context of a catalog's rules. */
export type ContextOf<C extends Catalog> =
  C extends Catalog<infer Fields, infer Kinds>
    ? Simplify<
        FieldsContext<Fields, Kinds> & {
          event: ContextEvent;
          /** ISO 8601 instant; the current time when left out. */
          now?: string;
          /** `default` is the channel's business-hours schedule; other keys are named schedules. */
          schedules?: Record<string, Schedule>;
        }
      >
    : never;

/** The context of the built-in catalog's rules. */
export type RuleContext = z.infer<typeof contextSchema>;
