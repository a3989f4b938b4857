/**
 * How a compiled rule becomes closures (the evaluator's internals, shared by the one-rule evaluators in
 * evaluator.ts and the channel evaluator in channel.ts). Each comparison is read, prepared and tested by
 * the runtime half of its match kind (kinds/<name>/runtime.ts).
 *
 * Widget-safe: no parser, no zod, no catalog, no `eval`/`new Function`.
 */
import type { CompiledEvent, CompiledRule, CompiledValue } from '../compile/compiled.ts';
import { COMPILED_VERSION } from '../compile/compiled.ts';
import { builtinRuntimeKinds } from '../kinds/builtin-runtime.ts';
import type { AnyRuntimeKind, ValueTest } from '../kinds/runtime.ts';
import type { EvaluationError, ExplainNode, TimeOfDayExplain } from './explain.ts';
import { createScheduleService, isRecord, type LocalMoment } from './schedule.ts';
import type { EventRuntime } from './triggers.ts';

export interface EvaluatorOptions {
  /**
   * The runtime kinds by name; an extended catalog's language has them (`language.runtimeKinds`).
   * Default: the seed kinds for `createMatcher` and `createChannelEvaluator`, every built-in kind for
   * `createEvaluator`.
   */
  kinds?: Readonly<Record<string, AnyRuntimeKind>>;
  /**
   * The events of triggers beyond page load and `for M:SS`, by compiled event type (runtime/triggers.ts).
   * Default: none for `createMatcher` and `createChannelEvaluator`, every built-in trigger for
   * `createEvaluator`.
   */
  events?: Readonly<Record<string, EventRuntime>>;
}

/**
 * Per evaluation: the context at 0, then for each field its raw value and its prepared value, both filled
 * on first use (most contexts are decided before every field is needed).
 */
export type Values = unknown[];

export type Test = (values: Values) => boolean;
export type Explain = (values: Values) => ExplainNode;

export interface Node {
  test: Test;
  /** Only when the rule is built with explanations (`createEvaluator`). */
  explain?: Explain;
}

export type AnyRecord = Record<string, unknown>;

export const hasOwn = (record: AnyRecord, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(record, key);

/**
 * A compiled rule this evaluator cannot run: where, and a problem code with its detail. The message names
 * only the place and the code; `createEvaluator` (CLI, server, admin app) words it fully
 * (runtime/problems.ts), so that the widget's bundle carries no problem texts.
 */
export interface MalformedRule extends Error {
  path: string;
  problem: string;
  detail?: unknown;
}

/** Whether an error is a {@link MalformedRule}. */
export const isMalformedRule = (error: unknown): error is MalformedRule =>
  error instanceof Error && typeof (error as Partial<MalformedRule>).problem === 'string';

/**
 * A {@link MalformedRule} (a plain Error with its place, problem code and detail: no class, for the
 * widget's size).
 *
 * @example malformed('when.of[1]', 'kind', 'regex').message // 'Malformed compiled rule at when.of[1] (kind). Recompile the rule.'
 */
export const malformed = (path: string, problem: string, detail?: unknown): MalformedRule =>
  Object.assign(new Error(`Malformed compiled rule at ${path} (${problem}). Recompile the rule.`), {
    path,
    problem,
    detail,
  });

export interface TimeOfDayCheck {
  /** Without `local_time`, which only explanations write. */
  explain: TimeOfDayExplain;
  error?: EvaluationError;
  moment?: LocalMoment;
}

/** How explanation nodes are built: given only by `createEvaluator`, so a matcher's bundle leaves them out. */
export interface Explainers {
  comparison(
    field: string,
    key: string | undefined,
    operator: string,
    expected: readonly CompiledValue[],
    slot: number,
    test: Test,
  ): Explain;
  not(child: Explain): Explain;
  group(kind: 'and' | 'or', children: readonly Explain[]): Explain;
  /** The message of a time-of-day problem (the matcher only needs its code). */
  timeOfDayProblem(code: string, mode: string, key: string, detail: unknown): string;
}

/**
 * What the rules built in one scope share: one slot per field (read and prepared once per evaluation for
 * all of them), one schedule service and one time-of-day check per schedule and mode. A one-rule
 * evaluator has a scope of its own; a channel evaluator one for all its rules.
 */
export interface RuleScope {
  /** Per slot: how to read the field from the context, and its kind. */
  readers: Array<(context: unknown) => unknown>;
  kinds: AnyRuntimeKind[];
  slots: Map<string, number>;
  /** Per time-of-day id: the check, its id by `mode schedule`. */
  times: Array<(context: unknown) => TimeOfDayCheck>;
  timeIds: Map<string, number>;
  schedules: ReturnType<typeof createScheduleService> | undefined;
}

/** A scope for rules built together. */
export function createScope(): RuleScope {
  return { readers: [], kinds: [], slots: new Map(), times: [], timeIds: new Map(), schedules: undefined };
}

/** The index in the values array of the prepared value of a slot (its raw value is just before it). */
export const preparedAt = (slot: number): number => slot * 2 + 2;

/**
 * How a slot's prepared value is found in an evaluation's values: read from the context and prepared on
 * first use in the evaluation, then taken from the values.
 *
 * @example const pageUrl = slotValue(scope, slot); pageUrl(values) // 'https://acme.test/pricing'
 */
export function slotValue(scope: RuleScope, slot: number): (values: Values) => CompiledValue | null {
  const at = preparedAt(slot);
  const read = scope.readers[slot] as (context: unknown) => unknown;
  const kind = scope.kinds[slot] as AnyRuntimeKind;
  return (values) => {
    const cached = values[at];
    if (cached !== undefined) return cached as CompiledValue | null;
    const actual = read(values[0]);
    values[at - 1] = actual;
    return (values[at] = actual === null ? (kind.missing ?? null) : kind.prepare(actual));
  };
}

/**
 * Reads a field from the context (`visitor.page_url`: an object of the context, then its property), then
 * the key of a keyed field (`visitor.attributes["plan"]`), as the kind accepts it (else null). Written
 * out, not looped: each level's property read has its own place in the code, which keeps V8's caches
 * of them small on the evaluator's hottest path.
 */
function readerFor(
  [object, name, key]: readonly string[],
  accept: (raw: unknown) => unknown,
): (context: unknown) => unknown {
  return (context) => {
    const record = isRecord(context) ? context[object as string] : null;
    const value = isRecord(record) ? record[name as string] : null;
    return accept(key === undefined ? value : isRecord(value) ? value[key] : null);
  };
}

/** The slot of a field read by a kind, shared by every rule of the scope. */
export function slotFor(
  scope: RuleScope,
  keys: readonly string[],
  match: string,
  kind: AnyRuntimeKind,
): number {
  const id = `${match} ${keys.join('\0')}`;
  let slot = scope.slots.get(id);
  if (slot === undefined) {
    slot = scope.readers.length;
    scope.slots.set(id, slot);
    scope.readers.push(readerFor(keys, kind.read));
    scope.kinds.push(kind);
  }
  return slot;
}

/** A compiled rule turned into closures: its condition, event, time of day and frequency. */
export interface BuiltRule {
  root: Node;
  event: CompiledEvent;
  /** Whether the context's event (a JSON object) is the one the rule waits for. */
  eventTest: (event: AnyRecord) => boolean;
  /** The id of its time-of-day check in the scope. */
  time: number;
  frequency: string;
}

/** The size of the values array of an evaluation in the scope. */
export const valuesSize = (scope: RuleScope): number => scope.readers.length * 2 + 1;

/**
 * Turns a compiled rule into closures in a scope; throws a clear error for a version or shape it does not
 * know.
 */
export function buildRule(
  compiled: CompiledRule,
  options: EvaluatorOptions,
  scope: RuleScope,
  explaining?: Explainers,
): BuiltRule {
  const kinds = options.kinds ?? builtinRuntimeKinds;
  const rule: unknown = compiled;
  if (!isRecord(rule)) throw malformed('the top', 'not-object');
  if (rule.v !== COMPILED_VERSION) throw malformed('v', 'version', rule.v);

  function comparison(node: AnyRecord, path: string): Node {
    const { field, key, match, op, values } = node;
    if (typeof field !== 'string' || !/^[^.]+\.[^.]+$/.test(field)) throw malformed(path, 'field');
    if (key !== undefined && typeof key !== 'string') throw malformed(path, 'key');
    if (typeof match !== 'string' || !hasOwn(kinds, match)) {
      throw malformed(path, 'kind', match);
    }
    const kind = kinds[match] as AnyRuntimeKind;
    const type = kind.type ?? 'string';
    if (!Array.isArray(values) || values.length === 0 || values.some((value) => typeof value !== type)) {
      throw malformed(path, 'values', type);
    }
    const expected = values as CompiledValue[];
    const valueTest: ValueTest<CompiledValue> | undefined =
      typeof op === 'string' ? kind.test(op, expected) : undefined;
    if (!valueTest) throw malformed(path, 'operator', [op, match]);
    const keys = field.split('.');
    if (key !== undefined) keys.push(key);
    const slot = slotFor(scope, keys, match, kind);
    const valueOf = slotValue(scope, slot);
    const test: Test = (values) => {
      const actual = valueOf(values);
      return actual !== null && valueTest(actual);
    };
    return { test, explain: explaining?.comparison(field, key, op as string, expected, slot, test) };
  }

  function condition(node: unknown, path: string): Node {
    if (!isRecord(node)) throw malformed(path, 'condition');
    const kind = node.t;
    if (kind === 'cmp') return comparison(node, path);
    if (kind === 'not') {
      const child = condition(node.of, `${path}.of`);
      return {
        test: (prepared) => !child.test(prepared),
        explain: explaining?.not(child.explain as Explain),
      };
    }
    if (kind !== 'and' && kind !== 'or') throw malformed(path, 'condition-type', kind);
    if (!Array.isArray(node.of) || node.of.length === 0) {
      throw malformed(path, 'operands', kind);
    }
    const children = node.of.map((child, index) => condition(child, `${path}.of[${index}]`));
    const tests = children.map((child) => child.test);
    return {
      test: groupTest(kind === 'and', tests),
      explain: explaining?.group(
        kind,
        children.map((child) => child.explain as Explain),
      ),
    };
  }

  const root = condition(rule.when, 'when');
  const eventTest = compileEvent(rule.event, options.events ?? {});
  const time = timeOfDayIn(scope, rule.time_of_day, explaining?.timeOfDayProblem);
  const frequency = rule.frequency;
  if (typeof frequency !== 'string') throw malformed('frequency', 'frequency');
  return { root, event: rule.event as CompiledEvent, eventTest, time, frequency };
}

/** Whether the rule fires: time of day, event, then the condition over the values of one evaluation. */
export function firesFor(rule: BuiltRule, values: Values, time: TimeOfDayCheck): boolean {
  return (
    time.error === undefined &&
    time.explain.result &&
    eventMatches(rule.eventTest, values[0]) &&
    rule.root.test(values)
  );
}

/** The values array of one evaluation in the scope, holding the context. */
export function valuesFor(scope: RuleScope, context: unknown): Values {
  const values: Values = new Array(valuesSize(scope));
  values[0] = context;
  return values;
}

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
  throw malformed('event', 'event', event);
}

export function eventMatches(test: (event: AnyRecord) => boolean, context: unknown): boolean {
  // Optional chaining reads nothing from null or undefined; an array or a primitive has no event type.
  const event = (context as AnyRecord | null | undefined)?.event;
  return typeof event === 'object' && event !== null && test(event as AnyRecord);
}

const anytime: TimeOfDayCheck = { explain: { mode: 'anytime', result: true } };

/** The id of the rule's time-of-day check in the scope: one per schedule and mode, shared. */
function timeOfDayIn(
  scope: RuleScope,
  timeOfDay: unknown,
  describe?: (code: string, mode: string, key: string, detail: unknown) => string,
): number {
  const isAnytime = isRecord(timeOfDay) && timeOfDay.mode === 'anytime';
  if (
    !isAnytime &&
    (!isRecord(timeOfDay) ||
      (timeOfDay.mode !== 'during' && timeOfDay.mode !== 'outside') ||
      typeof timeOfDay.schedule !== 'string')
  ) {
    throw malformed('time_of_day', 'time-of-day');
  }
  const id = isAnytime ? 'anytime' : `${timeOfDay.mode as string} ${timeOfDay.schedule as string}`;
  let index = scope.timeIds.get(id);
  if (index === undefined) {
    index = scope.times.length;
    scope.timeIds.set(id, index);
    scope.times.push(
      isAnytime
        ? () => anytime
        : createTimeOfDay(
            scope,
            timeOfDay.mode as 'during' | 'outside',
            timeOfDay.schedule as string,
            describe,
          ),
    );
  }
  return index;
}

function createTimeOfDay(
  scope: RuleScope,
  mode: 'during' | 'outside',
  key: string,
  describe?: (code: string, mode: string, key: string, detail: unknown) => string,
): (context: unknown) => TimeOfDayCheck {
  const schedules = (scope.schedules ??= createScheduleService());
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

/**
 * The test of an `and` group (every child passes) or an `or` group (one does), children in order. The
 * children of an `and` of up to eight, and of an `or` of two, are each called from a place of their own
 * rather than from a loop: V8 inlines a call that always reaches the same function, not one that reaches
 * every child in turn (bench/README.md has the measurements; written out, a longer `or` measured slower).
 *
 * @example groupTest(true, [isPricing, isReturning])(values) // isPricing(values) && isReturning(values)
 */
export function groupTest(isAnd: boolean, tests: readonly Test[]): Test {
  const [a, b, c, d, e, f, g, h] = tests as [Test, Test, Test, Test, Test, Test, Test, Test];
  const n = tests.length;
  if (n === 2 && !isAnd) return (v) => a(v) || b(v);
  if (n > 8 || !isAnd)
    // and: no child fails; or: one child passes.
    return (v) => tests.some((test) => test(v) !== isAnd) !== isAnd;
  return (v) =>
    a(v) &&
    (n < 2 || b(v)) &&
    (n < 3 || c(v)) &&
    (n < 4 || d(v)) &&
    (n < 5 || e(v)) &&
    (n < 6 || f(v)) &&
    (n < 7 || g(v)) &&
    (n < 8 || h(v));
}
