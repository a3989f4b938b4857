/**
 * The rule evaluator: turns a compiled rule (see compiled.ts) into closures once, then answers visitor
 * contexts quickly, with an explanation of every condition on demand. Each comparison is read, prepared
 * and tested by the runtime half of its match kind (kinds/<name>/runtime.ts).
 *
 * The widget bundles this file, so it is dependency-free and small: it imports no parser, no zod and no
 * catalog, and never uses `eval`/`new Function` (customer sites run strict CSPs). {@link createMatcher}
 * (what the widget uses) knows the seed kinds and events by default; the others (kinds/extra-runtime.ts,
 * runtime/triggers.ts) are given to it, so a widget downloads them only for rules that need them.
 * It never throws on a malformed context: missing values are `null` (explained as such) and compare as
 * the kind's `missing` value (text: the empty text), or false whatever the operator; so do values the
 * kind cannot read, and a value the kind reads but cannot use (a number where text is compared) is false.
 */
import type { ContextEvent, RuleContext } from '../catalog/context.ts';
import type { CompiledEvent, CompiledRule, CompiledValue } from '../compile/compiled.ts';
import { COMPILED_VERSION } from '../compile/compiled.ts';
import { builtinRuntimeKinds } from '../kinds/builtin-runtime.ts';
import { extraRuntimeKinds } from '../kinds/extra-runtime.ts';
import type { AnyRuntimeKind, ValueTest } from '../kinds/runtime.ts';
import type { OperatorName } from '../model/ast.ts';
import type {
  Evaluation,
  EvaluationError,
  EventExplain,
  ExplainNode,
  Explanation,
  TimeOfDayExplain,
} from './explain.ts';
import { createScheduleService, isRecord, localTimeOf, type LocalMoment } from './schedule.ts';
import { triggerEvents, type EventRuntime } from './triggers.ts';

export type {
  Evaluation,
  EvaluationError,
  EventExplain,
  ExplainNode,
  Explanation,
  TimeOfDayExplain,
} from './explain.ts';

/** A function from a visitor context (of the built-in catalog unless said otherwise) to an evaluation, built once per compiled rule. */
export type Evaluator<Context = RuleContext> = (context: Context) => Evaluation;

export interface EvaluatorOptions {
  /**
   * The runtime kinds by name; an extended catalog's language has them (`language.runtimeKinds`).
   * Default: the seed kinds for {@link createMatcher}, every built-in kind for {@link createEvaluator}.
   */
  kinds?: Readonly<Record<string, AnyRuntimeKind>>;
  /**
   * The events of triggers beyond page load and `for M:SS`, by compiled event type (runtime/triggers.ts).
   * Default: none for {@link createMatcher}, every built-in trigger for {@link createEvaluator}.
   */
  events?: Readonly<Record<string, EventRuntime>>;
}

/**
 * Per evaluation: the context at 0, then for each field its raw value and its prepared value, both filled
 * on first use (most contexts are decided before every field is needed).
 */
type Values = unknown[];

/** The prepared value at `slot`, reading and preparing the field on first use. */
function preparedValue(
  values: Values,
  slot: number,
  read: (context: unknown) => unknown,
  kind: AnyRuntimeKind,
): CompiledValue | null {
  const cached = values[slot];
  if (cached !== undefined) return cached as CompiledValue | null;
  const actual = read(values[0]);
  values[slot - 1] = actual;
  return (values[slot] = actual === null ? (kind.missing ?? null) : kind.prepare(actual));
}

type Test = (values: Values) => boolean;
type Explain = (values: Values) => ExplainNode;

interface Node {
  test: Test;
  /** Only when the rule is built with explanations ({@link createEvaluator}). */
  explain?: Explain;
}

type AnyRecord = Record<string, unknown>;

const hasOwn = (record: AnyRecord, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

function malformed(path: string, problem: string): Error {
  return new Error(`Malformed compiled rule at ${path}: ${problem}. Recompile the rule.`);
}

/**
 * Reads a dotted path (`visitor.page_url`) from the context, then the key of a keyed field
 * (`visitor.attributes["plan"]`), as the kind accepts it (else null).
 */
function readerFor(
  keys: readonly string[],
  accept: (raw: unknown) => unknown,
): (context: unknown) => unknown {
  return (context) => {
    let value = context;
    for (const key of keys) {
      if (typeof value !== 'object' || value === null) return null;
      value = (value as AnyRecord)[key];
    }
    return accept(value);
  };
}

/** The test of one comparison: the kind's test, and false for a missing value the kind gives no value. */
function comparisonTest(
  slot: number,
  read: (context: unknown) => unknown,
  kind: AnyRuntimeKind,
  match: ValueTest<CompiledValue>,
): Test {
  return (values) => {
    const actual = preparedValue(values, slot, read, kind);
    return actual !== null && match(actual);
  };
}

/** A compiled rule turned into closures: its condition, event, time of day and frequency. */
interface BuiltRule {
  root: Node;
  /** Slots of the per-evaluation values array. */
  size: number;
  event: CompiledEvent;
  /** Whether the context's event (a JSON object) is the one the rule waits for. */
  eventTest: (event: AnyRecord) => boolean;
  timeOfDay: (context: unknown) => TimeOfDayCheck;
  frequency: string;
}

/**
 * How the explanation tree is built. Only {@link createEvaluator} passes them, so a bundle that uses
 * {@link createMatcher} alone (the widget) leaves them out.
 */
const explainers = {
  comparison:
    (
      field: string,
      key: string | undefined,
      operator: string,
      expected: readonly CompiledValue[],
      slot: number,
      test: Test,
    ): Explain =>
    (values) => {
      const result = test(values);
      const node: ExplainNode = {
        kind: 'comparison',
        field,
        operator: operator as OperatorName,
        expected: [...expected],
        actual: values[slot * 2 + 1] as CompiledValue | null,
        result,
      };
      if (key !== undefined) node.key = key;
      return node;
    },
  not:
    (child: Explain): Explain =>
    (values) => {
      const inner = child(values);
      return { kind: 'not', result: !inner.result, children: [inner] };
    },
  group:
    (kind: 'and' | 'or', children: readonly Explain[]): Explain =>
    (values) => {
      const explained = children.map((child) => child(values));
      const result =
        kind === 'and' ? explained.every((node) => node.result) : explained.some((node) => node.result);
      return { kind, result, children: explained };
    },
  /** The message of a time-of-day problem (the matcher only needs its code). */
  timeOfDayProblem(code: string, mode: string, key: string, detail: unknown): string {
    const where = key === 'default' ? 'schedules.default' : `schedules[${JSON.stringify(key)}]`;
    if (code === 'invalid-schedule') return `${where}: ${detail as string}.`;
    if (code === 'invalid-now')
      return `now must be an ISO 8601 instant such as "2026-11-27T15:04:05Z", got ${JSON.stringify(detail)}.`;
    const which = key === 'default' ? "the channel's business hours" : `business hours "${key}"`;
    return `The rule sends only ${mode} ${which}, but the context has no ${where}. Add that schedule to the context's "schedules", or make the rule "anytime".`;
  },
};

/** Turns a compiled rule into closures; throws a clear error for a version or shape it does not know. */
function buildRule(
  compiled: CompiledRule,
  options: EvaluatorOptions,
  explaining?: typeof explainers,
): BuiltRule {
  const kinds = options.kinds ?? builtinRuntimeKinds;
  const rule: unknown = compiled;
  if (!isRecord(rule)) throw malformed('the top', 'expected a JSON object');
  if (rule.v !== COMPILED_VERSION) {
    throw new Error(
      `Cannot evaluate a compiled rule of version ${JSON.stringify(rule.v)}: this evaluator understands version ${COMPILED_VERSION}.`,
    );
  }

  const readers: Array<(context: unknown) => unknown> = [];
  const slots = new Map<string, number>();

  /** One slot per path and kind: every rule of a page reads and prepares a field once. */
  function slotFor(keys: string[], match: string, kind: AnyRuntimeKind): number {
    const id = JSON.stringify([match, keys]);
    let slot = slots.get(id);
    if (slot === undefined) {
      slot = readers.length;
      slots.set(id, slot);
      readers.push(readerFor(keys, kind.read));
    }
    return slot;
  }

  function comparison(node: AnyRecord, path: string): Node {
    const { field, key, match, op, values } = node;
    if (typeof field !== 'string' || field === '') throw malformed(path, 'field must be a dotted name');
    if (key !== undefined && typeof key !== 'string') throw malformed(path, 'key must be a string');
    if (typeof match !== 'string' || !hasOwn(kinds, match)) {
      throw malformed(path, `unknown match kind ${JSON.stringify(match)}`);
    }
    const kind = kinds[match] as AnyRuntimeKind;
    const type = kind.type ?? 'string';
    if (!Array.isArray(values) || values.length === 0 || values.some((value) => typeof value !== type)) {
      throw malformed(path, `values must be a non-empty list of ${type}s`);
    }
    const expected = values as CompiledValue[];
    const valueTest = typeof op === 'string' ? kind.test(op, expected) : undefined;
    if (!valueTest) throw malformed(path, `unknown operator ${JSON.stringify(op)} for match kind "${match}"`);
    const keys = field.split('.');
    if (key !== undefined) keys.push(key);
    const slot = slotFor(keys, match, kind);
    const test = comparisonTest(
      slot * 2 + 2,
      readers[slot] as (context: unknown) => unknown,
      kind,
      valueTest,
    );
    return { test, explain: explaining?.comparison(field, key, op as string, expected, slot, test) };
  }

  function condition(node: unknown, path: string): Node {
    if (!isRecord(node)) throw malformed(path, 'expected a condition object');
    const kind = node.t;
    if (kind === 'cmp') return comparison(node, path);
    if (kind === 'not') {
      const child = condition(node.of, `${path}.of`);
      return {
        test: (prepared) => !child.test(prepared),
        explain: explaining?.not(child.explain as Explain),
      };
    }
    if (kind !== 'and' && kind !== 'or')
      throw malformed(path, `unknown condition type ${JSON.stringify(kind)}`);
    if (!Array.isArray(node.of) || node.of.length === 0) {
      throw malformed(path, `"${kind}" needs a non-empty list of conditions`);
    }
    const children = node.of.map((child, index) => condition(child, `${path}.of[${index}]`));
    const tests = children.map((child) => child.test);
    const isAnd = kind === 'and';
    const [first, second] = tests as [Test, Test];
    return {
      test:
        tests.length === 2
          ? isAnd
            ? (prepared) => first(prepared) && second(prepared)
            : (prepared) => first(prepared) || second(prepared)
          : isAnd
            ? (prepared) => {
                for (let index = 0; index < tests.length; index++)
                  if (!(tests[index] as Test)(prepared)) return false;
                return true;
              }
            : (prepared) => {
                for (let index = 0; index < tests.length; index++)
                  if ((tests[index] as Test)(prepared)) return true;
                return false;
              },
      explain: explaining?.group(
        kind,
        children.map((child) => child.explain as Explain),
      ),
    };
  }

  const root = condition(rule.when, 'when');
  const eventTest = compileEvent(rule.event, options.events ?? {});
  const timeOfDay = createTimeOfDay(rule.time_of_day, explaining?.timeOfDayProblem);
  const frequency = rule.frequency;
  if (typeof frequency !== 'string') throw malformed('frequency', 'expected a frequency name');
  return {
    root,
    size: readers.length * 2 + 1,
    event: rule.event as CompiledEvent,
    eventTest,
    timeOfDay,
    frequency,
  };
}

/** Whether the rule fires: time of day, event, then the condition over the values of one evaluation. */
function firesFor(rule: BuiltRule, values: Values, time: TimeOfDayCheck): boolean {
  return (
    time.error === undefined &&
    time.explain.result &&
    eventMatches(rule.eventTest, values[0]) &&
    rule.root.test(values)
  );
}

/** The per-evaluation values array of a rule, holding the context. */
function valuesFor(rule: BuiltRule, context: unknown): Values {
  const values: Values = new Array(rule.size);
  values[0] = context;
  return values;
}

/**
 * Builds a rule's matcher: whether it fires for a context, and nothing else (no explanation), so its
 * bundle stays small: what the widget uses. Throws like {@link createEvaluator}; a context that cannot
 * answer the rule (a missing schedule) does not fire.
 *
 * @example createMatcher(compile(parse('when visitor.page_url contains "pricing"').rule!))(context) // true
 */
export function createMatcher<Context = RuleContext>(
  compiled: CompiledRule,
  options: EvaluatorOptions = {},
): (context: Context) => boolean {
  const rule = buildRule(compiled, options);
  return (context) => firesFor(rule, valuesFor(rule, context), rule.timeOfDay(context));
}

/**
 * Builds the evaluator of a compiled rule. Throws a clear error for a compiled version it does not know
 * or a malformed compiled rule (the widget catches it and shows nothing).
 *
 * @example
 * const evaluate = createEvaluator(compile(parse('when visitor.page_url contains "pricing"').rule!));
 * evaluate({ visitor: { page_url: 'https://acme.test/Pricing' }, device: {}, event: { type: 'page_load' }, now: '2026-11-27T15:04:05Z' }).fires // true
 */
export function createEvaluator<Context = RuleContext>(
  compiled: CompiledRule,
  options: EvaluatorOptions = {},
): Evaluator<Context> {
  const everything = { kinds: { ...builtinRuntimeKinds, ...extraRuntimeKinds }, events: triggerEvents };
  const rule = buildRule(compiled, { ...everything, ...options }, explainers);
  const Evaluation = (RuleEvaluation ??= evaluationClass());
  const explainAll = (values: Values, time: TimeOfDayCheck): Explanation => ({
    conditions: (rule.root.explain as Explain)(values),
    event: explainEvent(rule, values[0]),
    time_of_day: explainTime(time),
    frequency: rule.frequency as Explanation['frequency'],
  });
  return (context) => {
    const values = valuesFor(rule, context);
    const time = rule.timeOfDay(context);
    return new Evaluation(firesFor(rule, values, time), () => explainAll(values, time), time.error);
  };
}

/**
 * The class of evaluations whose explanation is built on first access (most callers only need
 * `fires`). Its keys are `fires` (and `error`); it serialises to `{fires, explain, error?}` with
 * JSON.stringify. Created by the first {@link createEvaluator}, so that a bundle with only
 * {@link createMatcher} (the widget) leaves it out.
 */
function evaluationClass() {
  // Symbol keys keep the lazy state out of Object.keys and JSON (and need no private-field helpers in
  // the widget's ES2020 bundle).
  const BUILD: unique symbol = Symbol();
  const EXPLAIN: unique symbol = Symbol();
  return class RuleEvaluation implements Evaluation {
    readonly fires: boolean;
    declare error?: EvaluationError;
    [BUILD]: () => Explanation;
    [EXPLAIN]: Explanation | undefined;

    constructor(fires: boolean, build: () => Explanation, error: EvaluationError | undefined) {
      this.fires = fires;
      this[BUILD] = build;
      this[EXPLAIN] = undefined;
      if (error) this.error = error;
    }

    get explain(): Explanation {
      return (this[EXPLAIN] ??= this[BUILD]());
    }

    toJSON(): Evaluation {
      return this.error
        ? { fires: this.fires, explain: this.explain, error: this.error }
        : { fires: this.fires, explain: this.explain };
    }
  };
}

let RuleEvaluation: ReturnType<typeof evaluationClass> | undefined;

/**
 * The test of the context's event for the rule's compiled event: page load and `for M:SS` are known
 * here; other triggers' events are given (`options.events`).
 */
function compileEvent(
  event: unknown,
  events: Readonly<Record<string, EventRuntime>>,
): (event: AnyRecord) => boolean {
  if (isRecord(event)) {
    const { type, seconds } = event;
    if (type === 'page_load') return (actual) => actual.type === type;
    if (type === 'on_page' && typeof seconds === 'number') {
      return (actual) =>
        actual.type === type && typeof actual.seconds === 'number' && actual.seconds >= seconds;
    }
    const test = typeof type === 'string' && hasOwn(events, type) ? events[type]?.(event) : undefined;
    if (test) return test;
  }
  throw malformed(
    'event',
    `expected {"type": "page_load"}, {"type": "on_page", "seconds": N} or an event of a trigger this evaluator is given, got ${JSON.stringify(event)}`,
  );
}

function eventMatches(test: (event: AnyRecord) => boolean, context: unknown): boolean {
  const event = isRecord(context) ? context.event : undefined;
  return isRecord(event) && test(event);
}

/** What each event type carries besides its type: a number of seconds or percent, a name, or nothing. */
const eventParameters: Readonly<Record<string, readonly [string, 'number' | 'string'] | null>> = {
  page_load: null,
  exit_intent: null,
  on_page: ['seconds', 'number'],
  on_site: ['seconds', 'number'],
  idle: ['seconds', 'number'],
  scroll: ['percent', 'number'],
  custom: ['name', 'string'],
};

/**
 * The context's event as explanations show it: its type and parameter, or null when it is malformed or
 * of a type no trigger waits for.
 */
function explainedEvent(context: unknown): ContextEvent | null {
  const event = isRecord(context) ? context.event : undefined;
  if (!isRecord(event) || typeof event.type !== 'string' || !hasOwn(eventParameters, event.type)) return null;
  const parameter = eventParameters[event.type];
  if (!parameter) return { type: event.type } as ContextEvent;
  const [name, type] = parameter;
  const value = event[name];
  // NaN is a number, but no event has NaN seconds.
  if (typeof value !== type || value !== value) return null;
  return { type: event.type, [name]: value } as ContextEvent;
}

function explainEvent(rule: BuiltRule, context: unknown): EventExplain {
  return {
    expected: { ...rule.event },
    actual: explainedEvent(context),
    result: eventMatches(rule.eventTest, context),
  };
}

interface TimeOfDayCheck {
  /** Without `local_time`, which only explanations write (see {@link explainTime}). */
  explain: TimeOfDayExplain;
  error?: EvaluationError;
  moment?: LocalMoment;
}

/** The time of day as explanations show it, with the local time written out. */
function explainTime(time: TimeOfDayCheck): TimeOfDayExplain {
  if (!time.moment) return { ...time.explain };
  const { mode, schedule, time_zone, ...rest } = time.explain;
  return { mode, schedule, time_zone, local_time: localTimeOf(time.moment), ...rest };
}

function createTimeOfDay(
  timeOfDay: unknown,
  describe?: (code: string, mode: string, key: string, detail: unknown) => string,
): (context: unknown) => TimeOfDayCheck {
  if (isRecord(timeOfDay) && timeOfDay.mode === 'anytime') {
    const anytime: TimeOfDayCheck = { explain: { mode: 'anytime', result: true } };
    return () => anytime;
  }
  if (
    !isRecord(timeOfDay) ||
    (timeOfDay.mode !== 'during' && timeOfDay.mode !== 'outside') ||
    typeof timeOfDay.schedule !== 'string'
  ) {
    throw malformed(
      'time_of_day',
      'expected {"mode": "anytime"} or {"mode": "during"|"outside", "schedule": name}',
    );
  }
  const mode = timeOfDay.mode;
  const key = timeOfDay.schedule;
  const schedules = createScheduleService();

  return (context) => {
    const failed = (code: string, detail?: unknown): TimeOfDayCheck => ({
      explain: { mode, schedule: key, result: false },
      error: { code, message: describe ? describe(code, mode, key, detail) : code },
    });
    const all = isRecord(context) ? context.schedules : undefined;
    const raw = isRecord(all) && hasOwn(all, key) ? all[key] : undefined;
    if (raw === undefined) return failed('missing-schedule');
    const schedule = schedules.prepare(raw);
    if (typeof schedule === 'string') return failed('invalid-schedule', schedule);
    const now = (context as AnyRecord).now;
    const instant = now === undefined ? Date.now() : typeof now === 'string' ? Date.parse(now) : Number.NaN;
    if (Number.isNaN(instant)) return failed('invalid-now', now);
    const state = schedules.openAt(schedule, instant);
    const explain: TimeOfDayExplain = {
      mode,
      schedule: key,
      time_zone: schedule.timeZone,
      open: state.open,
      result: mode === 'during' ? state.open : !state.open,
    };
    if (state.holiday !== undefined) explain.holiday = state.holiday;
    return { explain, moment: state.moment };
  };
}

const cache = new WeakMap<object, Evaluator>();

/**
 * Evaluates a compiled rule against one context, reusing the evaluator built for that compiled object.
 *
 * @example evaluate(compiled, context).explain.conditions.result
 */
export function evaluate(compiled: CompiledRule, context: RuleContext): Evaluation {
  let evaluator = cache.get(compiled);
  if (!evaluator) {
    evaluator = createEvaluator(compiled);
    cache.set(compiled, evaluator);
  }
  return evaluator(context);
}
