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
}

/**
 * Builds the evaluator of a channel's compiled rules (in the channel's order). Rules it cannot build (an
 * unknown compiled version, a malformed rule) never fire; `createEvaluator` on one says why.
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
  /** Per rule: built, null when it cannot be, undefined until an event first needs it. */
  const built: Array<BuiltRule | null | undefined> = [];
  /** Per event type: its rules, and (once its first event came) how to pick the ones worth testing. */
  const groups = new Map<string, { rules: number[]; candidates?: (values: Values) => readonly number[] }>();

  function ruleAt(index: number): BuiltRule | null {
    let rule = built[index];
    if (rule === undefined) {
      try {
        rule = buildRule(rules[index] as CompiledRule, options, scope);
      } catch {
        rule = null;
      }
      built[index] = rule;
    }
    return rule;
  }

  rules.forEach((compiled, index) => {
    // Optional chaining reads nothing from primitives: a malformed rule has no type and is built (refused) now.
    const type = ((compiled as unknown as AnyRecord | null)?.event as AnyRecord | undefined)?.type;
    if (typeof type !== 'string') return void ruleAt(index);
    const group = groups.get(type);
    if (group) group.rules.push(index);
    else groups.set(type, { rules: [index] });
  });

  return {
    firing(context) {
      // Groups are keyed by strings: any other event type finds none.
      const group = groups.get(
        ((context as unknown as AnyRecord | null)?.event as AnyRecord | undefined)?.type as string,
      );
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
