/**
 * The "Test this rule" panel's model: a sample visitor with one value per catalog field (each field's
 * kind names its input and starting value), the seconds on the page and a date and time; the evaluation
 * context built from it, at the moment the rule's trigger happens; and the evaluation, by the same
 * compiler and evaluator as the widget.
 */
import {
  catalog as builtinCatalog,
  createEvaluator,
  createLanguage,
  sampleControlOf,
  sampleFactOf,
  type AttributeDeclaration,
  type Catalog,
  type ContextEvent,
  type Evaluation,
  type FieldEntry,
  type RuleContext,
  type Rule,
  type SampleControl,
  type SampleEnvironment,
  type Schedule,
  type Timing,
  type TypedFact,
} from '@proactive/dsl';

export interface SampleVisitor {
  /** The sample value of each field, by field name (`visitor.page_url`). */
  values: Record<string, string>;
  /** Seconds on the page (on the site, idle, for those triggers): 0 is the page-load check. */
  seconds: number;
  /** `YYYY-MM-DDTHH:MM` in the admin's local time. */
  dateTime: string;
}

/** One input of the sample form. */
export interface SampleInput {
  field: FieldEntry;
  control: SampleControl;
}

/**
 * The sample form's field inputs, in catalog order, each with the control its kind names.
 *
 * @example sampleInputs().map((input) => input.control.control) // ['text', 'text', 'select', 'text']
 */
export function sampleInputs(catalog: Catalog = builtinCatalog): SampleInput[] {
  return catalog.fields.map((field) => ({ field, control: sampleControlOf(field, catalog) }));
}

/**
 * The event of the check: the moment the rule's trigger happens. Timed triggers happen after the
 * sample's seconds (0 seconds on the page is the page load), the others as the rule says; a custom event
 * carries the sample's event properties.
 *
 * @example sampleEvent({ kind: 'scroll', percent: 50 }, 0, {}) // { type: 'scroll', percent: 50 }
 */
export function sampleEvent(
  timing: Timing | undefined,
  seconds: number,
  properties: Record<string, TypedFact>,
): ContextEvent {
  switch (timing?.kind) {
    case 'on_site':
    case 'idle':
      return { type: timing.kind, seconds };
    case 'exit_intent':
      return { type: 'exit_intent' };
    case 'scroll':
      return { type: 'scroll', percent: timing.percent };
    case 'custom':
      return { type: 'custom', name: timing.name, properties };
    default:
      return seconds > 0 ? { type: 'on_page', seconds } : { type: 'page_load' };
  }
}

function localDateTime(now: Date): string {
  const local = new Date(now);
  local.setMinutes(local.getMinutes() - local.getTimezoneOffset());
  return local.toISOString().slice(0, 16);
}

/**
 * The sample the panel starts with: each field's kind gives its starting value (the language of the
 * admin's browser for languages), 30 seconds on the page, now.
 *
 * @example initialSample(catalog, { language: navigator.language }).values['visitor.visit_history'] // 'new_user'
 */
export function initialSample(
  catalog: Catalog = builtinCatalog,
  environment: SampleEnvironment = {},
  now: Date = new Date(),
): SampleVisitor {
  const values = Object.fromEntries(
    catalog.fields.map((field) => [field.name, catalog.kindOf(field).sampleDefault(field, environment)]),
  );
  return { values, seconds: 30, dateTime: localDateTime(now) };
}

/**
 * The evaluation context of a sample visitor: each field's value at its place (`visitor.page_url` is
 * `context.visitor.page_url`), as its kind reads samples (numbers for numbers, one fact per key for a
 * keyed field); the `event` object's facts go with the event of the rule's trigger (`timing`).
 *
 * @example sampleContext(initialSample(), {}).visitor.page_url // 'https://example.com/pricing'
 */
export function sampleContext(
  sample: SampleVisitor,
  schedules: Record<string, Schedule>,
  catalog: Catalog = builtinCatalog,
  timing?: Timing,
  attributes?: readonly AttributeDeclaration[],
): RuleContext {
  const objects: Record<string, Record<string, unknown>> = Object.fromEntries(
    catalog.objects.map((object) => [object.name, {}]),
  );
  for (const field of catalog.fields) {
    const text = sample.values[field.name];
    const read = text === undefined ? undefined : sampleFactOf(field, text, catalog);
    const fact = field.key?.declarations === 'attributes' ? asDeclared(read, attributes) : read;
    if (fact === undefined) continue;
    (objects[field.object] as Record<string, unknown>)[field.name.slice(field.object.length + 1)] = fact;
  }
  const { event: eventFacts, ...rest } = objects;
  const properties = (eventFacts?.properties ?? {}) as Record<string, TypedFact>;
  const when = new Date(sample.dateTime);
  return {
    ...rest,
    event: sampleEvent(timing, sample.seconds, properties),
    now: Number.isNaN(when.getTime()) ? new Date().toISOString() : when.toISOString(),
    schedules,
  } as RuleContext;
}

/**
 * Evaluates a rule against a sample visitor; an error string when the rule cannot be compiled.
 *
 * @example testRule(rule, initialSample(), {}).evaluation?.fires
 */
export function testRule(
  rule: Rule,
  sample: SampleVisitor,
  schedules: Record<string, Schedule>,
  catalog: Catalog = builtinCatalog,
  attributes?: readonly AttributeDeclaration[],
): { evaluation?: Evaluation; error?: string } {
  const language = createLanguage(catalog);
  try {
    const evaluate = createEvaluator(language.compile(rule), { kinds: language.runtimeKinds });
    return { evaluation: evaluate(sampleContext(sample, schedules, catalog, rule.timing, attributes)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A keyed sample's facts as the site would send its declared attributes: `plan=12` for a text `plan` is
 * the text "12", `seats=12` for a number `seats` the number 12 (what cannot be one stays as written).
 *
 * @example asDeclared({ plan: 12 }, [{ key: 'plan', type: 'text' }]) // { plan: '12' }
 */
export function asDeclared(facts: unknown, attributes: readonly AttributeDeclaration[] | undefined): unknown {
  if (!attributes || !facts || typeof facts !== 'object') return facts;
  const typed: Record<string, TypedFact> = { ...(facts as Record<string, TypedFact>) };
  for (const { key, type } of attributes) {
    const fact = typed[key];
    if (fact === undefined) continue;
    const text = String(fact);
    if (type === 'text') typed[key] = text;
    else if (type === 'number' && /^\s*-?\d+(\.\d+)?\s*$/.test(text)) typed[key] = Number(text);
    else if (type === 'boolean' && (text === 'true' || text === 'false')) typed[key] = text === 'true';
  }
  return typed;
}
