/**
 * What the initial script and the on-demand extras chunk (`widget-extras.js`: what rules beyond the seed
 * language need) agree on. The chunk registers an {@link Extras} on `window[EXTRAS_GLOBAL]`.
 */
import type { AnyRuntimeKind, EventRuntime, RuleContext } from '@proactive/dsl/evaluator';
import type { Visit } from '../visit.ts';

export const EXTRAS_GLOBAL = '__proactiveExtras__';

/** The facts beyond the page URL, title, visit history and device language. */
export interface Facts {
  visitor: Partial<RuleContext['visitor']>;
  device: Partial<RuleContext['device']>;
}

export interface Extras {
  /** The seed runtime kinds with every operator and the kinds beyond them (number, boolean, attribute). */
  kinds(seed: Readonly<Record<string, AnyRuntimeKind>>): Record<string, AnyRuntimeKind>;
  /** The events of the triggers beyond page load and `for M:SS`. */
  events: Readonly<Record<string, EventRuntime>>;
  /** The facts of this page and visit. */
  facts(visit: Visit): Facts;
}
