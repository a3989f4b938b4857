/**
 * What the initial script and the on-demand calls chunk (`widget-calls.js`, loaded the first time the
 * site calls `identify` with attributes or `track`) agree on. The chunk registers {@link SiteCalls} on
 * `window[CALLS_GLOBAL]`.
 */
import type { ContextEvent } from '@proactive/dsl/evaluator';

export const CALLS_GLOBAL = '__proactiveCalls__';

export interface SiteCalls {
  /** `identify({attributes})`: stores them (warning once about a value it cannot use); whether they changed. */
  identify(attributes: unknown): boolean;
  /** `track(name, properties)`: the event to check, or null (after a warning) when the call cannot be used. */
  track(name: unknown, properties?: unknown): ContextEvent | null;
}
