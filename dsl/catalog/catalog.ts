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
  {
    name: 'event',
    label: 'Event',
    doc: 'The custom event the rule waits for (`on event "name"`): the properties the site sent with it.',
  },
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
  {
    name: 'starts_with',
    keyword: 'starts with',
    label: 'Starts with',
    doc: 'Begins with the value, or with one of the values of a list.',
  },
  {
    name: 'ends_with',
    keyword: 'ends with',
    label: 'Ends with',
    doc: 'Ends with the value, or with one of the values of a list.',
  },
  {
    name: 'matches',
    keyword: 'matches',
    label: 'Matches',
    doc: 'Matches the wildcard pattern, or at least one pattern of a list: `*` is any run of characters, everything else is literal.',
  },
  {
    name: 'does_not_match',
    keyword: 'does not match',
    label: "Doesn't match",
    doc: 'Matches none of the wildcard patterns.',
  },
  { name: 'greater_than', keyword: '>', label: 'Greater than', doc: 'Greater than the number.' },
  {
    name: 'greater_or_equal',
    keyword: '>=',
    label: 'Greater than or equal to',
    doc: 'Greater than or equal to the number.',
  },
  { name: 'less_than', keyword: '<', label: 'Less than', doc: 'Less than the number.' },
  {
    name: 'less_or_equal',
    keyword: '<=',
    label: 'Less than or equal to',
    doc: 'Less than or equal to the number.',
  },
] as const satisfies readonly (Omit<OperatorEntry, 'name'> & { name: string })[];

const textOperators = [
  'is',
  'is_not',
  'contains',
  'does_not_contain',
  'starts_with',
  'ends_with',
  'matches',
  'does_not_match',
] as const;
const numberOperators = [
  'is',
  'is_not',
  'greater_than',
  'greater_or_equal',
  'less_than',
  'less_or_equal',
] as const;
/** Facts the site types per key: text, number and boolean operators (the value written picks which). */
const typedOperators = [...textOperators, ...numberOperators.slice(2)] as const;

/** One text field per UTM parameter of the visit's landing page. */
const utmField = <const Name extends string>(name: Name, label: string, example: string) =>
  ({
    name: `visitor.utm_${name}`,
    object: 'visitor',
    label,
    doc: `The \`utm_${name}\` parameter of the visit's landing page, kept for the whole visit; missing (the empty text) when the visit had none. Compared without regard to case.`,
    operators: textOperators,
    match: 'text',
    allowsList: true,
    example,
  }) as const;

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
    name: 'visitor.referrer',
    object: 'visitor',
    label: 'Referrer',
    doc: 'The page the customer came from (the page’s `document.referrer`), compared like the page URL; the empty text when there is none.',
    operators: textOperators,
    match: 'url',
    allowsList: true,
    example: '"google."',
    sample: 'https://www.google.com/',
  },
  {
    name: 'visitor.query',
    object: 'visitor',
    label: 'Query parameter',
    doc: 'A query parameter of the current page, by name: its first occurrence, decoded; missing (the empty text) when the page has none. Compared without regard to case.',
    operators: textOperators,
    match: 'text',
    key: { label: 'query parameter', example: '"ref"' },
    allowsList: true,
    example: '"partner"',
    sample: 'ref=partner',
  },
  utmField('source', 'UTM source', '"newsletter"'),
  utmField('medium', 'UTM medium', '"email"'),
  utmField('campaign', 'UTM campaign', '"spring_sale"'),
  utmField('term', 'UTM term', '"running shoes"'),
  utmField('content', 'UTM content', '"banner"'),
  {
    name: 'visitor.pages_viewed',
    object: 'visitor',
    label: 'Pages viewed',
    doc: 'How many pages the customer has seen in this visit, the current one included.',
    operators: numberOperators,
    match: 'number',
    allowsList: false,
    example: '3',
    sample: '1',
  },
  {
    name: 'visitor.visit_count',
    object: 'visitor',
    label: 'Visit count',
    doc: 'How many visits the customer has made so far (in this browser), this one included.',
    operators: numberOperators,
    match: 'number',
    allowsList: false,
    example: '2',
    sample: '1',
  },
  {
    name: 'visitor.attributes',
    object: 'visitor',
    label: 'Attribute',
    doc: 'What the site says about the customer, by key: `proactive(\'identify\', {attributes: {plan: "pro", seats: 12}})`. Text, a number or true / false, kept across pages and visits until the site changes it (null removes it). Compared as text, a number or a boolean after the value written, or the type declared in the settings.',
    operators: typedOperators,
    match: 'attribute',
    key: { label: 'attribute', example: '"plan"', declarations: 'attributes' },
    allowsList: true,
    example: '"pro"',
    sample: 'plan=pro; seats=12',
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
  {
    name: 'device.type',
    object: 'device',
    label: 'Device type',
    doc: 'The kind of device: from User-Agent Client Hints where the browser has them, else from the user agent.',
    operators: ['is', 'is_not'],
    match: 'symbol',
    symbols: [
      { name: 'mobile', label: 'Mobile', doc: 'A phone.' },
      { name: 'tablet', label: 'Tablet', doc: 'A tablet.' },
      { name: 'desktop', label: 'Desktop', doc: 'A desktop or laptop computer.' },
    ],
    allowsList: false,
    example: 'mobile',
    sample: 'desktop',
  },
  {
    name: 'event.properties',
    object: 'event',
    label: 'Event property',
    doc: "A property of the custom event the rule waits for, by key: `proactive('track', 'added_to_cart', {value: 42})`. Text, a number or true / false, compared after the value written.",
    operators: typedOperators,
    match: 'attribute',
    key: { label: 'property', example: '"value"' },
    allowsList: true,
    example: '42',
    sample: 'value=42',
  },
] as const satisfies readonly FieldEntry[];

/** Time limits of the triggers that wait: from 1 second to 60 minutes. */
const waitSeconds = { min: 1, max: 3600 } as const;

const builtinEvents: readonly EventEntry[] = [
  {
    name: 'page_load',
    syntax: '',
    example: '',
    label: 'Visitor loads the page',
    doc: 'Conditions are checked when the customer loads a page. Written by leaving out the trigger.',
  },
  {
    name: 'on_page',
    syntax: 'for M:SS',
    example: 'for 0:30',
    label: 'Visitor is on the page',
    doc: 'Conditions are checked once the customer has been on the page for the given time (`for M:SS`, from 0:01 to 60:00), counting only while the tab is visible.',
    seconds: waitSeconds,
  },
  {
    name: 'on_site',
    syntax: 'for M:SS on_site',
    example: 'for 2:00 on_site',
    label: 'Visitor is on the site',
    doc: 'Conditions are checked once the customer’s visit has lasted the given time (`for M:SS on_site`, from 0:01 to 60:00), across the pages of the visit.',
    seconds: waitSeconds,
  },
  {
    name: 'exit_intent',
    syntax: 'on exit_intent',
    example: 'on exit_intent',
    label: 'Visitor is about to leave',
    doc: 'Conditions are checked when the customer seems about to leave: on a desktop the pointer leaves the page through its top edge; on a touch device a fast upward scroll after scrolling at least 30% of the page.',
  },
  {
    name: 'scroll',
    syntax: 'on scroll N%',
    example: 'on scroll 50%',
    label: 'Visitor scrolls the page',
    doc: 'Conditions are checked once the customer has scrolled the given share of the page (`on scroll N%`, from 1% to 100%).',
  },
  {
    name: 'idle',
    syntax: 'on idle M:SS',
    example: 'on idle 0:30',
    label: 'Visitor is idle',
    doc: 'Conditions are checked once the customer has not moved the pointer, typed, scrolled or touched the page for the given time (`on idle M:SS`, from 0:01 to 60:00).',
    seconds: waitSeconds,
  },
  {
    name: 'custom',
    syntax: 'on event "name"',
    example: 'on event "added_to_cart"',
    label: 'Site tracks an event',
    doc: "Conditions are checked when the site calls `proactive('track', 'name', {properties})` with exactly that name; the rule’s conditions may use the event’s properties (`event.properties[\"key\"]`).",
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
  when: 'Starts a rule: `when <conditions> [trigger] [time of day] [frequency] [tag "a", "b"]`.',
  and: 'Both sides must be true. `and` binds tighter than `or`: `a or b and c` means `a or (b and c)`.',
  or: 'At least one side must be true. Use parentheses to group: `(a or b) and c`.',
  not: 'Negates the condition or parenthesised group after it.',
  for: 'Checks the conditions once the visitor has been on the page this long: `for M:SS`, from 0:01 to 60:00 (`for M:SS on_site`: on the site).',
  on: 'Starts a trigger: `on exit_intent`, `on scroll N%`, `on idle M:SS` or `on event "name"`.',
  on_site: 'After `for M:SS`: the time counts across the pages of the visit, not on this page alone.',
  exit_intent:
    'When the visitor seems about to leave the page (pointer out through the top; fast upward scroll on touch devices).',
  scroll: 'Once the visitor has scrolled this share of the page: `on scroll 50%`, from 1% to 100%.',
  idle: 'Once the visitor has done nothing on the page (pointer, keys, scroll, touch) this long: `on idle 0:30`.',
  event:
    "When the site tracks the event of this name: `on event \"added_to_cart\"`, sent by `proactive('track', 'added_to_cart', {...})`.",
  true: 'The boolean value true: `visitor.attributes["trial"] is true`.',
  false: 'The boolean value false: `visitor.attributes["trial"] is false`.',
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
  onPageSeconds: waitSeconds,
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
