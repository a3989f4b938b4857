/**
 * The built-in catalog: the one table of everything a rule can say. The parser's keywords, the validator,
 * editor completion and hover, the docs page, the admin app's visual builder and test panel, the
 * translations, the context schema and type, and the compiler all read it. Adding a field of an existing
 * kind is one entry in `builtinFields`; a new kind of matching is one module in `kinds/` (see
 * docs/extending.md).
 *
 * Labels use the words of Zendesk's Admin Center so admins recognise them.
 */
import { builtinKinds } from '../kinds/builtin.ts';
import { createCatalog } from './create.ts';
import type {
  EventEntry,
  FieldEntry,
  FrequencyEntry,
  ObjectEntry,
  OperatorEntry,
  TimeOfDayEntry,
} from './types.ts';

const builtinObjects = [
  {
    name: 'visitor',
    label: 'Visitor',
    doc: "The customer's visit: the current page and their visit history.",
  },
  { name: 'device', label: 'Device', doc: 'The device the customer is using.' },
] as const satisfies readonly ObjectEntry[];

/** The core operators; a kind may bring more (`MatchKind.newOperators`). */
export const builtinOperators = [
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
] as const satisfies readonly (Omit<OperatorEntry, 'name'> & { name: string })[];

const textOperators = ['is', 'is_not', 'contains', 'does_not_contain'] as const;

const builtinFields = [
  {
    name: 'visitor.page_url',
    object: 'visitor',
    label: 'Page URL',
    doc: "The full URL of the customer's current page, compared as the address bar shows it: decoded, without regard to case; `is` ignores the fragment and a trailing slash.",
    operators: textOperators,
    match: 'url',
    allowsList: true,
    example: '"pricing"',
    sample: 'https://example.com/pricing',
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
    sample: 'Pricing',
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
] as const satisfies readonly FieldEntry[];

const builtinEvents: readonly EventEntry[] = [
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

const builtinTimesOfDay: readonly TimeOfDayEntry[] = [
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

/** How often a message may show; `Frequency` (the AST type) is their names. */
export const builtinFrequencies = [
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
] as const satisfies readonly (Omit<FrequencyEntry, 'name'> & { name: string })[];

/** What the structural keywords mean (clause keywords are documented by their entries above). */
const builtinKeywordDocs: Readonly<Record<string, string>> = {
  when: 'Starts a rule: `when <conditions> [for M:SS] [time of day] [frequency] [tag "a", "b"]`.',
  and: 'Both sides must be true. `and` binds tighter than `or`: `a or b and c` means `a or (b and c)`.',
  or: 'At least one side must be true. Use parentheses to group: `(a or b) and c`.',
  not: 'Negates the condition or parenthesised group after it.',
  for: 'Checks the conditions once the visitor has been on the page this long: `for M:SS`, from 0:01 to 60:00.',
  business_hours: 'The channel’s business-hours schedule, or the schedule named after it in quotes.',
  tag: 'Tags added to tickets created from the conversation: `tag "vip", "sales"`. No spaces inside a tag; stored lower-case.',
};

/**
 * The built-in catalog. Extend it (for a test, or a deployment with more facts) with `extendCatalog`;
 * it is never changed in place.
 *
 * @example catalog.fieldByName('device.language')?.match // 'language'
 */
export const catalog = createCatalog({
  objects: builtinObjects,
  operators: builtinOperators,
  fields: builtinFields,
  kinds: builtinKinds,
  events: builtinEvents,
  timesOfDay: builtinTimesOfDay,
  frequencies: builtinFrequencies,
  defaultFrequency: 'once_per_visit',
  onPageSeconds: { min: 1, max: 3600 },
  keywordDocs: builtinKeywordDocs,
});

export const objects: readonly ObjectEntry[] = catalog.objects;
export const operators: readonly OperatorEntry[] = catalog.operators;
export const fields: readonly FieldEntry[] = catalog.fields;
export const events: readonly EventEntry[] = catalog.events;
export const timesOfDay: readonly TimeOfDayEntry[] = catalog.timesOfDay;
export const frequencies: readonly FrequencyEntry[] = catalog.frequencies;
export const defaultFrequency = catalog.defaultFrequency;
/** Duration limits for `for M:SS`, in seconds. */
export const onPageSeconds = catalog.onPageSeconds;
export const keywordDocs = catalog.keywordDocs;

/**
 * The catalog entry of a field, or undefined.
 *
 * @example fieldByName('device.language')?.operators // ['is', 'is_not']
 */
export function fieldByName(name: string): FieldEntry | undefined {
  return catalog.fieldByName(name);
}

/**
 * The catalog entry of an operator; throws for a name the catalog does not have.
 *
 * @example operatorByName('is_not').keyword // 'is not'
 */
export function operatorByName(name: string): OperatorEntry {
  const operator = catalog.operatorByName(name);
  if (!operator)
    throw new Error(
      `Unknown operator "${name}": the catalog has ${operators.map((entry) => entry.name).join(', ')}.`,
    );
  return operator;
}
