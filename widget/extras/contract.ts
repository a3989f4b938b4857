/**
 * What the initial script and the on-demand extras chunk (`widget-extras.js`: what rules beyond the seed
 * language need) agree on. The chunk registers an {@link Extras} on its file name (EXTRAS_CHUNK).
 */
import type {
  AnyRuntimeKind,
  CompiledEvent,
  ContextEvent,
  EvaluatorOptions,
  RuleContext,
} from '@proactive/dsl/evaluator';
import type { Behaviour } from '../behaviour/contract.ts';
import type { Visit } from '../visit.ts';

/** The chunk's file (next to widget.js), under which it registers. */
export const EXTRAS_CHUNK = 'widget-extras.js';

export interface Extras {
  /**
   * The matcher options of rules beyond the seed: the seed runtime kinds with every operator, the kinds
   * beyond them (number, boolean, attribute) and the events of the triggers beyond page load and `for M:SS`.
   */
  options(seed: Readonly<Record<string, AnyRuntimeKind>>): EvaluatorOptions;
  /** Adds the facts of this page and visit to a context of the seed's facts. */
  addFacts(context: RuleContext, visit: Visit): void;
  /** Starts the behaviour chunk's detectors the rules' events need (loading it), if any. */
  watch(
    events: readonly CompiledEvent[],
    onCheck: (event: ContextEvent) => void,
    load: <T>(file: string) => Promise<T | null>,
  ): Behaviour | undefined;
}
