/**
 * What the initial script and the on-demand extras chunk (`widget-extras.js`: what rules beyond the seed
 * language need, and the handling of `identify` attributes and `track`) agree on. The chunk registers an {@link Extras} on `window[EXTRAS_GLOBAL]`.
 */
import type { AnyRuntimeKind, ContextEvent, EventRuntime, RuleContext } from '@proactive/dsl/evaluator';
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
  /** `identify({attributes})`: stores them (warning once about a value it cannot use); whether they changed. */
  identify(attributes: unknown): boolean;
  /** `track(name, properties)`: the event to check, or null (after a warning) when the call cannot be used. */
  track(name: unknown, properties?: unknown): ContextEvent | null;
}
