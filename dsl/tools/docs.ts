/**
 * Generates docs/dsl.md, the rule language reference for admins, from the catalog (its fields, and what
 * each field's kind says about its values), the diagnostic codes and the CLI's usage text, so the page
 * can never drift from the product.
 * `npx tsx dsl/tools/docs.ts --write` regenerates it; a test checks the file equals the generated text and
 * runs every example in it.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RuleContext } from '../catalog/context.ts';
import type { FieldEntry, ObjectEntry, OperatorEntry } from '../catalog/types.ts';
import { languageRegistry } from '#language-registry';
import type { LanguageRegistry } from '../kinds/language/registry.ts';
import { language as builtinLanguage, type RuleLanguage } from '../language.ts';
import { MAX_NESTING } from '../model/ast.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { usage } from './cli.ts';

/** A rule example; with a context, the page shows (and the test checks) whether it fires. */
export interface DocExample {
  rule: string;
  context?: RuleContext;
  fires?: boolean;
}

const NOW = '2026-11-27T15:04:05Z';

const visitorOn = (page_url: string, extra: Partial<RuleContext> = {}): RuleContext => ({
  visitor: { page_url, page_title: 'Plans and pricing', visit_history: 'returning_user' },
  device: { language: 'fr-CA' },
  event: { type: 'page_load' },
  now: NOW,
  ...extra,
});

/** A visitor on `page_url` with more visitor facts (referrer, UTM, attributes, ...). */
const visitorWith = (
  page_url: string,
  visitor: Partial<RuleContext['visitor']>,
  extra: Partial<RuleContext> = {},
): RuleContext => ({
  ...visitorOn(page_url, extra),
  visitor: { page_url, page_title: 'Plans and pricing', visit_history: 'returning_user', ...visitor },
});

const newYorkHours = {
  time_zone: 'America/New_York',
  intervals: [
    { day: 'mon' as const, open: '09:00', close: '17:00' },
    { day: 'tue' as const, open: '09:00', close: '17:00' },
    { day: 'wed' as const, open: '09:00', close: '17:00' },
    { day: 'thu' as const, open: '09:00', close: '17:00' },
    { day: 'fri' as const, open: '09:00', close: '17:00' },
  ],
  holidays: [{ name: 'Christmas', date: '2026-12-25' }],
};

const fence = '```';

function ruleBlock(example: DocExample): string {
  const parts = [`${fence}rule\n${example.rule.trimEnd()}\n${fence}`];
  if (example.context) {
    parts.push(
      `With this context it ${example.fires ? '**fires**' : '**does not fire**'}:`,
      `${fence}json context fires=${String(example.fires)}\n${compactJson(example.context)}\n${fence}`,
    );
  }
  return parts.join('\n\n');
}

const code = (text: string) => `\`${text}\``;

/**
 * JSON with small objects and lists kept on one line, so examples stay readable.
 *
 * @example compactJson({ a: [1, 2] }) // '{ "a": [1, 2] }'
 */
export function compactJson(value: unknown, indent = ''): string {
  const flat = JSON.stringify(value, null, 1)
    .replace(/\n\s*/g, ' ')
    .replace(/\[ /g, '[')
    .replace(/ \]/g, ']');
  if (flat.length + indent.length <= 100 || typeof value !== 'object' || value === null) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value))
    return `[\n${value.map((item) => inner + compactJson(item, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value).map(
    ([key, item]) => `${inner}${JSON.stringify(key)}: ${compactJson(item, inner)}`,
  );
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

function fieldsTable(language: RuleLanguage): string {
  const { catalog } = language;
  const rows = catalog.fields.map((field) => {
    const object = catalog.objects.find((entry) => entry.name === field.object) as ObjectEntry;
    const operatorsText = field.operators
      .map((name) => code((catalog.operatorByName(name) as OperatorEntry).keyword))
      .join(', ');
    const values = catalog.kindOf(field).describeValues(field);
    const key = field.key
      ? ` with the ${field.key.label} in brackets: ${code(`[${field.key.example}]`)}`
      : '';
    return `| ${code(field.name)}${key} | ${object.label} › ${field.label} | ${operatorsText} | ${values} | ${field.doc} |`;
  });
  return [
    '| Field | In the admin app | Operators | Values | Meaning |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function operatorsTable(language: RuleLanguage): string {
  const { catalog } = language;
  const rows = catalog.fields
    .flatMap((field) => field.operators)
    .filter((name, index, all) => all.indexOf(name) === index)
    .map((name) => catalog.operatorByName(name) as OperatorEntry)
    .map((operator) => `| ${code(operator.keyword)} | ${operator.label} | ${operator.doc} |`);
  return ['| Operator | In the admin app | Meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

/** One bullet (or more) per kind the catalog's fields use, in the order fields first use them. */
function valuesSection(language: RuleLanguage): string {
  const { catalog } = language;
  const used = [...new Set(catalog.fields.map((field) => field.match))];
  return used
    .map((name) => {
      const fields: FieldEntry[] = catalog.fields.filter((field) => field.match === name);
      return catalog.kindOf(fields[0] as FieldEntry).documentValues(fields);
    })
    .join('\n');
}

/** Languages as admins mistype them, each with what the editor reports and the fix it offers. */
const languageMistakes = [
  '"french"',
  '"English"',
  '"fre"',
  '"zz"',
  '"en-UK"',
  '"en_US"',
  '"Portuguese (Brazil)"',
  '"brazilian portuguese"',
  '"iw"',
  '"art-lojban"',
  'french',
];

/**
 * The table of language mistakes: what `check` reports for each, and its fix (so the page shows what the
 * editor does, not what it was meant to do).
 */
function languageChecksTable(language: RuleLanguage): string {
  const rows = languageMistakes.map((written) => {
    const problem = language.check(`when device.language is ${written}`).diagnostics[0] as Diagnostic;
    const fix = problem.fix?.edits[0]?.text;
    return `| ${code(written)} | ${code(problem.code)} (${problem.severity}) | ${fix ? code(fix) : 'none'} |`;
  });
  return ['| Written | Reported | One-click fix |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The triggers: how each is written, its name in the admin app, what it means. */
function triggersTable(language: RuleLanguage): string {
  const rows = language.catalog.events.map(
    (event) => `| ${event.syntax ? code(event.syntax) : 'nothing'} | ${event.label} | ${event.doc} |`,
  );
  return ['| In the rule | Event in the admin app | Meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

function diagnosticsTable(language: RuleLanguage): string {
  const rows = Object.entries(language.diagnosticCodes).map(
    ([name, meaning]) => `| ${code(name)} | ${meaning.replaceAll('|', '\\|')} |`,
  );
  return ['| Code | Meaning |', '| --- | --- |', ...rows].join('\n');
}

/** Every example of the page, in order (the test runs them all). */
export const examples = {
  userExample: {
    rule: 'when visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit',
    context: {
      ...visitorOn('https://acme.test/pricing'),
      event: { type: 'on_page', seconds: 31 },
      schedules: { default: newYorkHours },
    },
    fires: true,
  },
  simplest: {
    rule: 'when visitor.page_url contains "pricing"',
    context: visitorOn('https://acme.test/Pricing'),
    fires: true,
  },
  list: {
    rule: 'when visitor.page_url contains ["pricing", "plans"]',
    context: visitorOn('https://acme.test/plans/team'),
    fires: true,
  },
  noneOf: {
    rule: 'when visitor.page_url does not contain ["checkout", "cart"]',
    context: visitorOn('https://acme.test/cart'),
    fires: false,
  },
  combined: {
    rule: `# Pricing visitors who speak French, or anyone who has been here before
when visitor.page_url contains "pricing"
  and (device.language is "fr" or visitor.visit_history is returning_user)
  and not visitor.page_title contains "internal"
tag "pricing", "vip"`,
    context: visitorOn('https://acme.test/pricing', {
      visitor: { page_url: 'https://acme.test/pricing', page_title: 'Plans', visit_history: 'new_user' },
    }),
    fires: true,
  },
  language: {
    rule: 'when device.language is "fr"',
    context: visitorOn('https://acme.test/', { device: { language: 'fr-CA' } }),
    fires: true,
  },
  languageRegion: {
    rule: 'when device.language is "fr-CA"',
    context: visitorOn('https://acme.test/', { device: { language: 'fr-FR' } }),
    fires: false,
  },
  languageScript: {
    rule: 'when device.language is "zh-TW"',
    context: visitorOn('https://acme.test/', { device: { language: 'zh-Hant-TW' } }),
    fires: false,
  },
  languageBoth: {
    rule: 'when device.language is ["zh-TW", "zh-Hant"]',
    context: visitorOn('https://acme.test/', { device: { language: 'zh-Hant-TW' } }),
    fires: true,
  },
  newUser: { rule: 'when visitor.visit_history is new_user every_time' },
  timing: {
    rule: 'when visitor.page_title contains "pricing" for 1:30',
    context: { ...visitorOn('https://acme.test/pricing'), event: { type: 'on_page', seconds: 60 } },
    fires: false,
  },
  outside: {
    rule: 'when visitor.page_url contains "support" outside business_hours "EMEA support" once_per_customer',
    context: {
      ...visitorOn('https://acme.test/support'),
      now: '2026-11-28T11:00:00Z',
      schedules: {
        'EMEA support': {
          time_zone: 'Europe/Paris',
          intervals: [{ day: 'sat', open: '22:00', close: '02:00' }],
          holidays: [],
        },
      },
    },
    fires: true,
  },
  strings: {
    rule: 'when visitor.page_title contains "Say \\"hello\\" \\u{1F44B}" or visitor.page_title is "Prix été ☀️"',
  },
  startsWith: {
    rule: 'when visitor.page_url starts with "https://acme.test/docs" or visitor.page_title ends with "| Help"',
    context: visitorWith('https://acme.test/support', { page_title: 'Billing | HELP' }),
    fires: true,
  },
  matches: {
    rule: 'when visitor.page_url matches "https://*.acme.test/blog/*"',
    context: visitorOn('https://news.acme.test/blog/launch'),
    fires: true,
  },
  matchesNone: {
    rule: 'when visitor.page_url does not match ["*/checkout*", "*/cart"]',
    context: visitorOn('https://acme.test/shop/cart'),
    fires: false,
  },
  referrer: {
    rule: 'when visitor.referrer contains "google." and visitor.query["ref"] is not "partner"',
    context: visitorWith('https://acme.test/?utm_source=ads', {
      referrer: 'https://www.google.com/',
      query: { utm_source: 'ads' },
    }),
    fires: true,
  },
  utm: {
    rule: 'when visitor.utm_source is "newsletter" and visitor.utm_campaign starts with "spring"',
    context: visitorWith('https://acme.test/pricing', {
      utm_source: 'Newsletter',
      utm_medium: 'email',
      utm_campaign: 'spring_sale',
    }),
    fires: true,
  },
  counts: {
    rule: 'when visitor.pages_viewed >= 3 and visitor.visit_count > 1',
    context: visitorWith('https://acme.test/pricing', { pages_viewed: 3, visit_count: 1 }),
    fires: false,
  },
  deviceType: {
    rule: 'when device.type is mobile',
    context: visitorOn('https://acme.test/', { device: { language: 'en', type: 'mobile' } }),
    fires: true,
  },
  attributes: {
    rule: 'when visitor.attributes["seats"] > 10 and visitor.attributes["trial"] is true',
    context: visitorWith('https://acme.test/pricing', {
      attributes: { plan: 'pro', seats: 12, trial: true },
    }),
    fires: true,
  },
  attributeType: {
    rule: 'when visitor.attributes["balance"] < -0.5 or visitor.attributes["seats"] > 10',
    context: visitorWith('https://acme.test/pricing', { attributes: { balance: '-3', seats: '12' } }),
    fires: false,
  },
  issue: {
    rule: 'when visitor.utm_source is "newsletter" and visitor.attributes["plan"] is not "enterprise" and visitor.pages_viewed >= 2 on scroll 50% during business_hours once_per_customer tag "upsell"',
    context: {
      ...visitorWith('https://acme.test/pricing', {
        utm_source: 'newsletter',
        pages_viewed: 2,
        attributes: { plan: 'pro' },
      }),
      event: { type: 'scroll', percent: 60 },
      schedules: { default: newYorkHours },
    },
    fires: true,
  },
  onSite: {
    rule: 'when visitor.page_url contains "pricing" for 2:00 on_site',
    context: { ...visitorOn('https://acme.test/pricing'), event: { type: 'on_site', seconds: 120 } },
    fires: true,
  },
  exitIntent: {
    rule: 'when visitor.page_url contains "checkout" on exit_intent once_per_visit',
    context: { ...visitorOn('https://acme.test/checkout'), event: { type: 'exit_intent' } },
    fires: true,
  },
  scroll: {
    rule: 'when visitor.page_url contains "blog" on scroll 75%',
    context: { ...visitorOn('https://acme.test/blog/launch'), event: { type: 'scroll', percent: 60 } },
    fires: false,
  },
  idle: {
    rule: 'when visitor.page_url contains "pricing" on idle 0:30',
    context: { ...visitorOn('https://acme.test/pricing'), event: { type: 'idle', seconds: 31 } },
    fires: true,
  },
  custom: {
    rule: 'when event.properties["value"] >= 40 and device.type is not mobile on event "added_to_cart"',
    context: {
      ...visitorOn('https://acme.test/shop', { device: { language: 'en', type: 'desktop' } }),
      event: { type: 'custom', name: 'added_to_cart', properties: { value: 42, sku: 'A-1' } },
    },
    fires: true,
  },
} satisfies Record<string, DocExample>;

const issueContext = {
  visitor: {
    page_url: 'https://acme.test/pricing?ref=partner',
    page_title: 'Pricing',
    visit_history: 'returning_user',
    referrer: 'https://www.google.com/',
    utm_source: 'newsletter',
    query: { ref: 'partner' },
    attributes: { plan: 'pro', seats: 12, trial: true },
    pages_viewed: 3,
    visit_count: 2,
  },
  device: { language: 'fr-CA', type: 'mobile' },
  event: { type: 'page_load' },
  now: '2026-11-27T15:04:05Z',
  schedules: {
    default: {
      time_zone: 'America/New_York',
      intervals: [{ day: 'mon', open: '09:00', close: '17:00' }],
      holidays: [{ name: 'Christmas', date: '2026-12-25' }],
    },
  },
};

/**
 * The whole reference page of a language (the built-in one by default), in Markdown.
 *
 * @example renderDslReference().startsWith('# The rule language') // true
 */
export function renderDslReference(language: RuleLanguage = builtinLanguage as RuleLanguage): string {
  const e = examples;
  const { objects, events, timesOfDay, frequencies, defaultFrequency, onPageSeconds } = language.catalog;
  const canonical = language.format('when visitor.page_url   contains "pricing"').text.trimEnd();
  const triggers = events
    .filter((event) => event.syntax !== '')
    .map((event) => event.syntax)
    .join(' | ');
  const objectCount = ['no', 'one', 'two', 'three', 'four', 'five'][objects.length] ?? String(objects.length);
  const issueFormatted = language.format(e.issue.rule).text.trimEnd();
  return `# The rule language

<!-- Generated by \`npx tsx dsl/tools/docs.ts --write\` from the catalog (dsl/catalog/catalog.ts) and its kinds (dsl/kinds/), dsl/check/validator.ts and dsl/tools/cli.ts. Do not edit by hand. -->

A proactive message starts a conversation with a visitor of your site when a **rule** says so. A rule
says which visitors (the *conditions*), when to check them (the *timing*), at which *time of day* the
message may be sent, how often (the *frequency*), and which *tags* to add to the tickets it creates.

Here is a complete rule. It sends the message to visitors who have spent 30 seconds on a page whose URL
contains "pricing", during business hours, at most once per visit:

${ruleBlock(e.userExample)}

Rules can also target where visitors come from (referrer, UTM parameters, query parameters), what the
site knows about them (attributes), how much they have seen, their device, and wait for other moments
than time on the page (time on the site, exit intent, scroll depth, idle time, events the site tracks).
This one asks for newsletter readers who are not on the enterprise plan and have seen two pages or more,
once they have scrolled half of the page, during business hours, once per customer:

${ruleBlock(e.issue)}

You can write rules as text (the **Text** view of "Set the rules" in the admin app) or build them with
the visual builder (the **Visual** view); both edit the same rule, so you can switch at any time.

## Contents

- [Writing a rule](#writing-a-rule)
- [Conditions](#conditions): [fields](#fields), [operators](#operators), [values](#values), [combining conditions](#combining-conditions)
- [When to check the conditions](#when-to-check-the-conditions): the triggers
- [Time of day](#time-of-day)
- [Frequency](#frequency)
- [Tags](#tags)
- [Comments and layout](#comments-and-layout)
- [Problems the editor reports](#problems-the-editor-reports)
- [Testing a rule](#testing-a-rule): the command line and the context JSON

## Writing a rule

A rule always reads:

${fence}text
when <condition> [${triggers}] [anytime | during business_hours ["Schedule"] | outside business_hours ["Schedule"]] [once_per_customer | once_per_visit | every_time] [tag "a", "b"]
${fence}

Only \`when\` and a condition are required; everything in brackets is optional and may come in any
order after the condition. The simplest rule is one condition:

${ruleBlock(e.simplest)}

Keywords are lower-case. Spaces and line breaks are free, so long rules can be spread over several lines.
The editor's **Format document** (or \`proactive fmt\`) rewrites a rule in its canonical layout, for
example \`when visitor.page_url   contains "pricing"\` becomes:

${fence}rule
${canonical}
${fence}

(The canonical text always names the frequency, even when it is the default.) Formatting only changes
line breaks and spaces, never the order of the words: the second rule above is formatted as

${fence}rule
${issueFormatted}
${fence}

## Conditions

A condition reads \`field operator value\`: the *field* is what to look at, the *operator* how to
compare, and the *value* what to compare with. Fields belong to ${objectCount} objects, as in the admin app:
${objects.map((object) => `**${object.label}** (${object.doc.charAt(0).toLowerCase()}${object.doc.slice(1).replace(/\.$/, '')})`).join(', ')}.
Some fields hold one fact per key, written in brackets after the field: \`visitor.query["ref"]\` is the
page's \`ref\` query parameter, \`visitor.attributes["plan"]\` the attribute \`plan\` the site set.

### Fields

${fieldsTable(language)}

### Operators

${operatorsTable(language)}

Each field allows only the operators listed for it in the table of fields; the editor's completion
offers exactly those.

### Values

${valuesSection(language)}

Page URL and page title comparisons ignore upper and lower case in every script: \`"PRICING"\`,
\`"Pricing"\` and \`"pricing"\` are the same, and so are \`"ÉTÉ"\` and \`"été"\`, \`"STRASSE"\` and
\`"straße"\`, \`"istanbul"\` and \`"İSTANBUL"\`, \`"ὈΔΥΣΣΕΎΣ"\` and \`"ὀδυσσεύς"\`. Both sides are put in
Unicode compatibility form first (NFKC), so full-width \`"ｐｒｉｃｉｎｇ"\` is \`"pricing"\`, the ligature
\`"ﬁ"\` is \`"fi"\` and an \`é\` typed as \`e\` plus an accent is \`é\`; then every letter is folded by
Unicode's full case mappings (the rule's values once, when the rule is published; the visitor's page
once per page event).

${ruleBlock(e.list)}

${ruleBlock(e.noneOf)}

${ruleBlock(e.strings)}

**Languages**: a language without a region matches all its regions, so \`device.language is "fr"\`
matches devices set to fr, fr-FR and fr-CA. A language with a region matches only that region.
Case does not matter (\`"pt-BR"\` and \`"pt-br"\` are the same), and tags are put in canonical form.

${ruleBlock(e.language)}

${ruleBlock(e.languageRegion)}

Matching is RFC 4647 *basic filtering*: a rule's tag matches a device's tag that is the same or that
starts with it followed by \`-\`, subtag by subtag, whatever the subtags mean. So \`"zh-TW"\` does **not**
match a device set to \`zh-Hant-TW\` (Chinese in traditional characters, Taiwan): that tag's second
subtag is the script \`Hant\`, not the region \`TW\`. Browsers usually report \`zh-TW\`, but some systems
report the script too; to reach both, list both tags, or use \`"zh-Hant"\` for every device that
names the traditional script:

${ruleBlock(e.languageScript)}

${ruleBlock(e.languageBoth)}

**Which tags are accepted**: a BCP 47 tag whose language, script, region and variant subtags are all in
the IANA Language Subtag Registry (the \`language-subtag-registry\` package; registry of
${(languageRegistry() as LanguageRegistry).date}): \`"fr"\`, \`"yue"\`, \`"zh-Hant-TW"\`, \`"es-419"\`, \`"de-CH-1901"\`. Extensions
(\`-u-...\`) and private use (\`-x-...\`) are not looked up. The editor says what is wrong, and offers the
tag meant with a one-click fix when one is likely:

${languageChecksTable(language)}

A deprecated tag is only a warning: tags are compared in canonical form (\`"iw"\` as \`"he"\`), so it
still matches. Hovering a language shows its name, or what is wrong with it.

**Beginnings, ends and patterns**: \`starts with\` and \`ends with\` compare one end of the text;
\`matches\` takes a wildcard pattern, where \`*\` is any run of characters (even none) and everything
else is literal, compared without regard to case like the rest of the text: the pattern must match the
whole text, so \`"https://*.acme.test/blog/*"\` matches every page under /blog/ of any subdomain. With a
list, \`matches\` is "matches at least one" and \`does not match\` "matches none". Patterns are checked in
time proportional to the text, whatever the pattern.

${ruleBlock(e.startsWith)}

${ruleBlock(e.matches)}

${ruleBlock(e.matchesNone)}

**Where the visitor comes from**: the referrer is the page's \`document.referrer\` (the empty text when
there is none); the UTM parameters are read from the first page of the visit and kept for the whole
visit (a new visit starts without them); \`visitor.query["name"]\` is a query parameter of the current
page. A missing text is the empty text, so \`is not\` and \`does not contain\` are true for it.

${ruleBlock(e.referrer)}

${ruleBlock(e.utm)}

**Numbers** are compared with \`is\`, \`is not\`, \`>\`, \`>=\`, \`<\` and \`<=\`: pages seen in the visit
(the current one included) and visits so far (this one included).

${ruleBlock(e.counts)}

**Device type** is \`mobile\`, \`tablet\` or \`desktop\`.

${ruleBlock(e.deviceType)}

**Attributes** are what the site tells the widget about the visitor:

${fence}js
proactive('identify', { attributes: { plan: 'pro', seats: 12, trial: true } });
// or proactive.identify({ attributes: { ... } }); a null value removes the key
${fence}

They are kept across pages and visits until the site changes them. Each is text, a number or true /
false; a comparison compares what its value is: text with the text operators, numbers with \`>\` and
the like, \`true\` and \`false\` with \`is\`. A fact of another type than the value written never
matches, whatever the operator (\`"12"\` set as text is not \`> 10\`), while a missing one is the empty
text. The admin app's settings declare the keys of each brand with their type and label: the editor
then offers them, warns about keys that are not declared (\`unknown-attribute\`) and refuses a value of
another type than the declared one (\`type-mismatch\`).

${ruleBlock(e.attributes)}

${ruleBlock(e.attributeType)}

### Combining conditions

Join conditions with \`and\` (all must hold) and \`or\` (at least one must hold); put \`not\` before a
condition or a group to turn it around. \`and\` binds tighter than \`or\`, so
\`a or b and c\` means \`a or (b and c)\`; use parentheses to say otherwise. These are the "nested
conditions" of the visual builder. Conditions may nest up to ${MAX_NESTING} levels deep, each \`(\` and each
\`not\` counting as a level; a deeper rule is refused (\`too-deep\`), in text and in the AST the API accepts.

${ruleBlock(e.combined)}

## When to check the conditions

A rule waits for one *trigger*, written after the condition (none: the page load):

${triggersTable(language)}

Minutes go from 0 to 60 and seconds are always two digits from 00 to 59: \`for 0:30\`, \`for 2:05\`,
\`for 60:00\`. The time must be between ${onPageSeconds.min} second and ${onPageSeconds.max / 60} minutes, for
\`for\`, \`for ... on_site\` and \`on idle\` alike; a scroll depth goes from 1% to 100%.

${ruleBlock(e.timing)}

${ruleBlock(e.onSite)}

${ruleBlock(e.exitIntent)}

${ruleBlock(e.scroll)}

${ruleBlock(e.idle)}

A custom event is what the site reports with \`proactive('track', 'added_to_cart', { value: 42 })\`; its
properties are the fields \`event.properties["key"]\`, typed like attributes:

${ruleBlock(e.custom)}

## Time of day

${timesOfDay.map((entry) => `- ${code(entry.keyword)}: **${entry.label}**. ${entry.doc}`).join('\n')}

Follow \`business_hours\` with a schedule's name in quotes to use that schedule instead of the channel's:
\`during business_hours "EMEA support"\`. Schedules are kept in their own time zone (daylight saving
included); their intervals may run past midnight (\`22:00\` to \`02:00\`) and \`24:00\` is the end of the day.
An interval that opens and closes at the same time is refused when the schedule is saved (it could mean
nothing or 24 hours): write a whole day as \`00:00\` to \`24:00\`, and 24 hours from a time as two
intervals split at midnight (\`mon 09:00-24:00\` and \`tue 00:00-09:00\`). A holiday closes its whole local
date, midnight to midnight in the schedule's time zone: that includes the hours after midnight of the
previous day's overnight interval (with Friday \`22:00\` to \`02:00\` and a holiday on Saturday, Friday
23:30 is open and Saturday 01:00 is closed).

${ruleBlock(e.outside)}

## Frequency

${frequencies.map((entry) => `- ${code(entry.name)}: **${entry.label}**. ${entry.doc}`).join('\n')}

Without a frequency a rule is ${code(defaultFrequency)}.

${ruleBlock(e.newUser)}

## Tags

\`tag "a", "b"\` adds tags to the tickets created from the conversation the message starts. A tag is one
word without spaces (use \`_\` or \`-\` to join words); tags are stored in lower case, so \`"VIP"\` and
\`"vip"\` are the same tag.

## Comments and layout

\`#\` starts a comment that runs to the end of the line. Comments are kept when the rule is formatted or
edited in the visual builder: a comment on its own line belongs to the condition below it, a comment at
the end of a line to the condition on that line.

## Problems the editor reports

The editor underlines problems as you type, and the admin app will not publish a rule with an error
(warnings are fine). Each problem has a stable code, shown by \`proactive check\` too; many come with a
one-click fix, such as "Did you mean visitor.page_url?".

${diagnosticsTable(language)}

## Testing a rule

The admin app's **Test this rule** panel and the \`proactive\` command line answer whether a rule would
fire for a visitor, and why: every condition with the value it saw and its result.

${fence}text
${usage.trimEnd()}
${fence}

For example:

${fence}sh
npx proactive check rules/*.rule
npx proactive fmt --write rules/pricing.rule
npx proactive eval rules/pricing.rule --context visitor.json
${fence}

\`proactive eval\` exits 0 and prints \`{"fires": true|false, "explain": ...}\`; it exits 1 with a message
when the rule has errors, the context is not valid, or the rule needs a schedule the context lacks.

### The context JSON

The context describes one visitor at one moment, as the widget sees it:

${fence}json
${compactJson(issueContext)}
${fence}

- \`visitor\` and \`device\` hold the fields of the table above (their names after the dot); a keyed
  field is an object by key (\`"query": {"ref": "x"}\`, \`"attributes": {"plan": "pro", "seats": 12}\`).
  A missing text (page URL, title, referrer, UTM and query parameters, text attributes) is the empty
  text: \`does not contain\` and \`is not\` are true for it, so \`not visitor.page_title contains "a"\` and
  \`visitor.page_title does not contain "a"\` agree. Any other missing field compares as false, whatever
  the operator; a fact that the context lacks is never an error.
- \`event\` is the moment of the check, one of \`{"type": "page_load"}\`, \`{"type": "on_page", "seconds": 31}\`,
  \`{"type": "on_site", "seconds": 120}\`, \`{"type": "exit_intent"}\`, \`{"type": "scroll", "percent": 60}\`,
  \`{"type": "idle", "seconds": 31}\` and \`{"type": "custom", "name": "added_to_cart", "properties": {"value": 42}}\`.
  A rule fires on its trigger's event only: a rule without trigger on \`page_load\`, \`for 0:30\` on an
  \`on_page\` event of at least 30 seconds, \`for 2:00 on_site\` on an \`on_site\` event of at least 120
  seconds, \`on scroll 50%\` on a \`scroll\` event of at least 50 percent, \`on idle 0:30\` on an \`idle\`
  event of at least 30 seconds, \`on exit_intent\` on an \`exit_intent\` event and \`on event "x"\` on a
  \`custom\` event named exactly x, whose \`properties\` are the \`event.properties\` fields.
- \`now\` is an ISO 8601 instant (the current time when left out).
- \`schedules.default\` is the channel's business hours; other keys are schedules named in rules. Each has
  a \`time_zone\` (IANA name), weekly \`intervals\` (\`day\` mon to sun, \`open\` and \`close\` as \`HH:MM\`; a
  \`close\` before \`open\` runs past midnight) and \`holidays\` (\`name\`, \`date\` as \`YYYY-MM-DD\`).

Fields the context format does not know (a typo such as \`page_ulr\`) are reported as warnings and
ignored; wrong types and missing required values (\`event\`) are errors that say where they are, for example
\`context.event.seconds: expected a number, got "40"\`.

The frequency is reported in the explanation but not applied: it depends on the visitor's history, which
the widget keeps in the browser.
`;
}

/**
 * The script entry: `--write` regenerates docs/dsl.md (or `path`), otherwise the page goes to `print`.
 *
 * @example runDocsScript(['--write'])
 */
export function runDocsScript(
  argv: readonly string[],
  path = fileURLToPath(new URL('../../docs/dsl.md', import.meta.url)),
  print: (text: string) => void = (text) => process.stdout.write(text),
): void {
  if (argv.includes('--write')) {
    writeFileSync(path, renderDslReference());
    print(`wrote ${path}\n`);
  } else {
    print(renderDslReference());
  }
}

/* v8 ignore next */
if (import.meta.url === `file://${process.argv[1]}`) runDocsScript(process.argv.slice(2));
