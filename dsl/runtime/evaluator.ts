/**
 * The rule evaluator: turns a compiled rule (see compiled.ts) into closures once, then answers visitor
 * contexts quickly, with an explanation of every condition on demand. How rules become closures is in
 * rule.ts; a channel's rules evaluated together are in channel.ts.
 *
 * The widget bundles this file, so it is dependency-free and small: it imports no parser, no zod and no
 * catalog, and never uses `eval`/`new Function` (customer sites run strict CSPs). {@link createMatcher}
 * knows the seed kinds and events by default; the others (kinds/extra-runtime.ts, runtime/triggers.ts)
 * are given to it, so a widget downloads them only for rules that need them.
 * It never throws on a malformed context: missing values are `null` (explained as such) and compare as
 * the kind's `missing` value (text: the empty text), or false whatever the operator; so do values the
 * kind cannot read, and a value the kind reads but cannot use (a number where text is compared) is false.
 */
import type { ContextEvent, RuleContext } from '../catalog/context.ts';
import type { CompiledRule, CompiledValue } from '../compile/compiled.ts';
import { builtinRuntimeKinds } from '../kinds/builtin-runtime.ts';
import { extraRuntimeKinds } from '../kinds/extra-runtime.ts';
import type { OperatorName } from '../model/ast.ts';
import type {
  Evaluation,
  EvaluationError,
  EventExplain,
  ExplainNode,
  Explanation,
  TimeOfDayExplain,
} from './explain.ts';
import { describeRuleProblem, describeScheduleProblem } from './problems.ts';
import {
  isMalformedRule,
  buildRule,
  preparedAt,
  createScope,
  eventMatches,
  firesFor,
  hasOwn,
  valuesFor,
  type BuiltRule,
  type Explain,
  type Explainers,
  type EvaluatorOptions,
  type Test,
  type TimeOfDayCheck,
  type Values,
} from './rule.ts';
import { isRecord, localTimeOf } from './schedule.ts';
import { triggerEvents } from './triggers.ts';

export type {
  Evaluation,
  EvaluationError,
  EventExplain,
  ExplainNode,
  Explanation,
  TimeOfDayExplain,
} from './explain.ts';
export type { EvaluatorOptions } from './rule.ts';

/** A function from a visitor context (of the built-in catalog unless said otherwise) to an evaluation, built once per compiled rule. */
export type Evaluator<Context = RuleContext> = (context: Context) => Evaluation;

/**
 * How the explanation tree is built. Only {@link createEvaluator} passes them, so a bundle that uses
 * {@link createMatcher} alone (the widget) leaves them out.
 */
const explainers: Explainers = {
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
        actual: values[preparedAt(slot) - 1] as CompiledValue | null,
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
    if (code === 'invalid-schedule') return `${where}: ${describeScheduleProblem(detail as string)}.`;
    if (code === 'invalid-now')
      return `now must be an ISO 8601 instant such as "2026-11-27T15:04:05Z", got ${JSON.stringify(detail)}.`;
    const which = key === 'default' ? "the channel's business hours" : `business hours "${key}"`;
    return `The rule sends only ${mode} ${which}, but the context has no ${where}. Add that schedule to the context's "schedules", or make the rule "anytime".`;
  },
};

/**
 * Builds a rule's matcher: whether it fires for a context, and nothing else (no explanation), so its
 * bundle stays small. Throws for the same rules as {@link createEvaluator}, with a shorter message (a
 * `MalformedRule` naming the place and a problem code; `describeRuleProblem` words it); a context
 * that cannot answer the rule (a missing schedule) does not fire.
 *
 * @example createMatcher(compile(parse('when visitor.page_url contains "pricing"').rule!))(context) // true
 */
export function createMatcher<Context = RuleContext>(
  compiled: CompiledRule,
  options: EvaluatorOptions = {},
): (context: Context) => boolean {
  const scope = createScope();
  const rule = buildRule(compiled, options, scope);
  const time = scope.times[rule.time] as (context: unknown) => TimeOfDayCheck;
  return (context) => firesFor(rule, valuesFor(scope, context), time(context));
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
  const scope = createScope();
  let rule: BuiltRule;
  try {
    rule = buildRule(compiled, { ...everything, ...options }, scope, explainers);
  } catch (error) {
    throw isMalformedRule(error) ? new Error(describeRuleProblem(error)) : error;
  }
  const timeOfDay = scope.times[rule.time] as (context: unknown) => TimeOfDayCheck;
  const Evaluation = (RuleEvaluation ??= evaluationClass());
  const explainAll = (values: Values, time: TimeOfDayCheck): Explanation => ({
    conditions: (rule.root.explain as Explain)(values),
    event: explainEvent(rule, values[0]),
    time_of_day: explainTime(time),
    frequency: rule.frequency as Explanation['frequency'],
  });
  return (context) => {
    const values = valuesFor(scope, context);
    const time = timeOfDay(context);
    return new Evaluation(firesFor(rule, values, time), explainAll, values, time);
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
  const VALUES: unique symbol = Symbol();
  const TIME: unique symbol = Symbol();
  const EXPLAIN: unique symbol = Symbol();
  return class RuleEvaluation implements Evaluation {
    readonly fires: boolean;
    declare error?: EvaluationError;
    [BUILD]: (values: Values, time: TimeOfDayCheck) => Explanation;
    [VALUES]: Values;
    [TIME]: TimeOfDayCheck;
    [EXPLAIN]: Explanation | undefined;

    /** `build` makes the explanation from the evaluation's values and time of day, on first access. */
    constructor(
      fires: boolean,
      build: (values: Values, time: TimeOfDayCheck) => Explanation,
      values: Values,
      time: TimeOfDayCheck,
    ) {
      this.fires = fires;
      this[BUILD] = build;
      this[VALUES] = values;
      this[TIME] = time;
      this[EXPLAIN] = undefined;
      if (time.error) this.error = time.error;
    }

    get explain(): Explanation {
      return (this[EXPLAIN] ??= this[BUILD](this[VALUES], this[TIME]));
    }

    toJSON(): Evaluation {
      return this.error
        ? { fires: this.fires, explain: this.explain, error: this.error }
        : { fires: this.fires, explain: this.explain };
    }
  };
}

let RuleEvaluation: ReturnType<typeof evaluationClass> | undefined;

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

/** The time of day as explanations show it, with the local time written out. */
function explainTime(time: TimeOfDayCheck): TimeOfDayExplain {
  if (!time.moment) return { ...time.explain };
  const { mode, schedule, time_zone, ...rest } = time.explain;
  return { mode, schedule, time_zone, local_time: localTimeOf(time.moment), ...rest };
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
