/**
 * All the rules of a channel evaluated together on each page event: what the widget uses. The rules share
 * one scope (every field is read and prepared once per event for all of them, every schedule checked
 * once) and are grouped by the type of event they wait for, so a scroll event never tests the page-load
 * rules. Given an index (`literalIndex`, loaded on demand by widgets with large channels), an event tests
 * only the rules of its group whose literals the page holds. Rules are built when an event first needs
 * them, so a page pays at load only for the rules its first event may fire.
 */
import type { RuleContext } from '../catalog/context.ts';
import type { CompiledRule } from '../compile/compiled.ts';
import { builtinRuntimeKinds } from '../kinds/builtin-runtime.ts';
import type { RuleIndex } from './literal-index.ts';
import {
  buildRule,
  createScope,
  firesFor,
  valuesFor,
  type AnyRecord,
  type BuiltRule,
  type EvaluatorOptions,
  type TimeOfDayCheck,
  type Values,
} from './rule.ts';
import { isRecord } from './schedule.ts';

export interface ChannelEvaluatorOptions extends EvaluatorOptions {
  /** Picks the rules worth testing in each event's group (`literalIndex`); without one, all of them. */
  index?: RuleIndex;
}

export interface ChannelEvaluator<Context = RuleContext> {
  /**
   * The indexes of the rules that fire for the context, in the channel's order.
   *
   * @example channel.firing({ visitor: { page_url: 'https://acme.test/pricing' }, device: {}, event: { type: 'page_load' } }) // [0, 3]
   */
  firing(context: Context): number[];
  /**
   * The rules that cannot be evaluated (an unknown compiled version, a malformed rule): they never fire.
   * Rules are built when an event first needs them; this builds the others to answer.
   *
   * @example channel.problems() // [{ index: 2, message: 'Malformed compiled rule at event: ...' }]
   */
  problems(): Array<{ index: number; message: string }>;
}

/**
 * Builds the evaluator of a channel's compiled rules (in the channel's order). Rules it cannot build never
 * fire and are listed by `problems()`.
 *
 * @example
 * const channel = createChannelEvaluator(messages.map((message) => message.rule), { index: literalIndex });
 * const first = channel.firing(context)[0]; // the first message whose rule fires, or undefined
 */
export function createChannelEvaluator<Context = RuleContext>(
  rules: readonly CompiledRule[],
  options: ChannelEvaluatorOptions = {},
): ChannelEvaluator<Context> {
  const kinds = options.kinds ?? builtinRuntimeKinds;
  const scope = createScope();
  const problems: Array<{ index: number; message: string }> = [];
  /** Per rule: built, null when it cannot be, undefined until an event first needs it. */
  const built: Array<BuiltRule | null | undefined> = [];
  /** Per event type: its rules, and (once its first event came) how to pick the ones worth testing. */
  const groups = new Map<string, { rules: number[]; candidates?: (values: Values) => readonly number[] }>();

  function ruleAt(index: number): BuiltRule | null {
    let rule = built[index];
    if (rule === undefined) {
      try {
        rule = buildRule(rules[index] as CompiledRule, options, scope);
      } catch (error) {
        problems.push({ index, message: (error as Error).message });
        rule = null;
      }
      built[index] = rule;
    }
    return rule;
  }

  rules.forEach((compiled, index) => {
    const event: unknown = isRecord(compiled) ? compiled.event : undefined;
    const type = isRecord(event) ? event.type : undefined;
    if (typeof type !== 'string') return void ruleAt(index);
    const group = groups.get(type);
    if (group) group.rules.push(index);
    else groups.set(type, { rules: [index] });
  });

  return {
    problems() {
      rules.forEach((_, index) => ruleAt(index));
      return [...problems].sort((a, b) => a.index - b.index);
    },
    firing(context) {
      const event = isRecord(context) ? (context as AnyRecord).event : undefined;
      const group = isRecord(event) && typeof event.type === 'string' ? groups.get(event.type) : undefined;
      const fired: number[] = [];
      if (!group) return fired;
      const values = valuesFor(scope, context);
      group.candidates ??= options.index
        ? options.index(group.rules, rules, scope, kinds)
        : () => group.rules;
      const times: Array<TimeOfDayCheck | undefined> = [];
      for (const index of group.candidates(values)) {
        const rule = ruleAt(index);
        if (!rule) continue;
        const time = (times[rule.time] ??= (scope.times[rule.time] as (context: unknown) => TimeOfDayCheck)(
          context,
        ));
        if (firesFor(rule, values, time)) fired.push(index);
      }
      return fired;
    },
  };
}
