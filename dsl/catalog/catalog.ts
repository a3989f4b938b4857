/**
 * The catalog: the one table of everything a rule can say. The parser's keywords, the validator, editor
 * completion and hover, the docs page, the admin app's visual builder and the compiler all read it.
 * Adding a field is one entry in `fields` (plus, if it needs a new kind of matching, one matcher in the
 * evaluator).
 *
 * Labels use the words of Zendesk's Admin Center so admins recognise them.
 */
import type { Frequency, OperatorName } from '../model/ast.ts';

/** How a field's values are compared at run time. The evaluator has one matcher per kind. */
export type MatchKind = 'text' | 'symbol' | 'language';

export interface ObjectEntry {
  name: string;
  label: string;
  doc: string;
}

export interface OperatorEntry {
  name: OperatorName;
  /** The words in rule text: `is not`, `does not contain`. */
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
  operators: readonly OperatorName[];
  match: MatchKind;
  /** For `match: 'symbol'`: the bare words the value may be. */
  symbols?: readonly SymbolEntry[];
  /** Whether `[..]` lists are allowed as values. */
  allowsList: boolean;
  /** A sample value as written in rule text, for docs and completion. */
  example: string;
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

export const objects: readonly ObjectEntry[] = [
  {
    name: 'visitor',
    label: 'Visitor',
    doc: "The customer's visit: the current page and their visit history.",
  },
  { name: 'device', label: 'Device', doc: 'The device the customer is using.' },
];

export const operators: readonly OperatorEntry[] = [
  {
    name: 'is',
    keyword: 'is',
    label: 'Is',
    doc: 'Equals the value, or one of the values of a list.',
  },
  {
    name: 'is_not',
    keyword: 'is not',
    label: 'Is not',
    doc: 'Equals neither the value nor any value of a list.',
  },
  {
    name: 'contains',
    keyword: 'contains',
    label: 'Contains at least one of',
    doc: 'Contains the value, or at least one of the values of a list.',
  },
  {
    name: 'does_not_contain',
    keyword: 'does not contain',
    label: "Doesn't contain",
    doc: 'Contains none of the values.',
  },
];

const textOperators: readonly OperatorName[] = ['is', 'is_not', 'contains', 'does_not_contain'];

export const fields: readonly FieldEntry[] = [
  {
    name: 'visitor.page_url',
    object: 'visitor',
    label: 'Page URL',
    doc: "The full URL of the customer's current page. Compared without regard to case.",
    operators: textOperators,
    match: 'text',
    allowsList: true,
    example: '"pricing"',
  },
  {
    name: 'visitor.page_title',
    object: 'visitor',
    label: 'Page title',
    doc: "The title of the customer's current page. Compared without regard to case.",
    operators: textOperators,
    match: 'text',
    allowsList: true,
    example: '"Plans and pricing"',
  },
  {
    name: 'visitor.visit_history',
    object: 'visitor',
    label: 'Visit history',
    doc: 'Whether this is the customer’s first visit (new user) or they have visited before (returning user).',
    operators: ['is'],
    match: 'symbol',
    symbols: [
      { name: 'new_user', label: 'New user', doc: 'The customer’s first visit to the site.' },
      {
        name: 'returning_user',
        label: 'Returning user',
        doc: 'The customer has visited the site before (in this browser).',
      },
    ],
    allowsList: false,
    example: 'returning_user',
  },
  {
    name: 'device.language',
    object: 'device',
    label: 'Language',
    doc: 'The language set on the customer’s device, a BCP 47 tag. "fr" matches fr, fr-FR and fr-CA; "fr-CA" matches only fr-CA.',
    operators: ['is', 'is_not'],
    match: 'language',
    allowsList: true,
    example: '"fr"',
  },
];

export const events: readonly EventEntry[] = [
  {
    name: 'page_load',
    label: 'Visitor loads the page',
    doc: 'Conditions are checked when the customer loads a page. Written by leaving out `for`.',
  },
  {
    name: 'on_page',
    label: 'Visitor is on the page',
    doc: 'Conditions are checked once the customer has been on the page for the given time (`for M:SS`, from 0:01 to 60:00), counting only while the tab is visible.',
  },
];

export const timesOfDay: readonly TimeOfDayEntry[] = [
  {
    name: 'anytime',
    keyword: 'anytime',
    label: 'Any time conditions are met',
    doc: 'Sends the message whenever the customer meets the conditions, regardless of business hours. The default.',
  },
  {
    name: 'during',
    keyword: 'during business_hours',
    label: 'Only during business hours',
    doc: 'Sends the message only during the business-hours schedule: the channel’s own, or the one named after it. Only available when the channel has business hours.',
  },
  {
    name: 'outside',
    keyword: 'outside business_hours',
    label: 'Only outside of business hours',
    doc: 'Sends the message only outside the business-hours schedule: the channel’s own, or the one named after it. Only available when the channel has business hours.',
  },
];

export const frequencies: readonly FrequencyEntry[] = [
  {
    name: 'once_per_customer',
    label: 'Once per customer',
    doc: 'Message will only show the first time the customer meets the conditions. After clearing the browser’s cache, the customer will be treated as a new user at their next visit and will see the message again.',
  },
  {
    name: 'once_per_visit',
    label: 'Once per visit',
    doc: 'After the message is opened or dismissed, it won’t show again until the customer’s next visit. The default.',
  },
  {
    name: 'every_time',
    label: 'Every time the conditions are met',
    doc: 'Recommended only for critical or time-sensitive messages.',
  },
];

/** Languages offered by pickers (any valid BCP 47 tag is accepted in text). Labels come from `Intl.DisplayNames`. */
export const suggestedLanguages: readonly string[] = [
  'ar',
  'da',
  'de',
  'en',
  'en-GB',
  'en-US',
  'es',
  'es-419',
  'fi',
  'fr',
  'fr-CA',
  'he',
  'hi',
  'it',
  'ja',
  'ko',
  'nl',
  'no',
  'pl',
  'pt',
  'pt-BR',
  'ru',
  'sv',
  'th',
  'tr',
  'uk',
  'zh-CN',
  'zh-TW',
];

export const defaultFrequency: Frequency = 'once_per_visit';

/** Duration limits for `for M:SS`, in seconds. */
export const onPageSeconds = { min: 1, max: 3600 } as const;

/**
 * The catalog entry of a field, or undefined.
 *
 * @example fieldByName('device.language')?.operators // ['is', 'is_not']
 */
export function fieldByName(name: string): FieldEntry | undefined {
  return fields.find((field) => field.name === name);
}

/**
 * The catalog entry of an operator.
 *
 * @example operatorByName('is_not').keyword // 'is not'
 */
export function operatorByName(name: OperatorName): OperatorEntry {
  return operators.find((operator) => operator.name === name) as OperatorEntry;
}

/** What the structural keywords mean (clause keywords are documented by their entries above). */
export const keywordDocs: Readonly<Record<string, string>> = {
  when: 'Starts a rule: `when <conditions> [for M:SS] [time of day] [frequency] [tag "a", "b"]`.',
  and: 'Both sides must be true. `and` binds tighter than `or`: `a or b and c` means `a or (b and c)`.',
  or: 'At least one side must be true. Use parentheses to group: `(a or b) and c`.',
  not: 'Negates the condition or parenthesised group after it.',
  for: 'Checks the conditions once the visitor has been on the page this long: `for M:SS`, from 0:01 to 60:00.',
  business_hours: 'The channel’s business-hours schedule, or the schedule named after it in quotes.',
  tag: 'Tags added to tickets created from the conversation: `tag "vip", "sales"`. No spaces inside a tag; stored lower-case.',
};
