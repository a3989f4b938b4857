/**
 * What the initial script and the on-demand calls chunk (`widget-calls.js`, loaded the first time the
 * site calls `identify` with attributes or `track`) agree on. The chunk registers {@link SiteCalls} on
 * its file name (CALLS_CHUNK).
 */
import type { ContextEvent } from '@proactive/dsl/evaluator';

/** The chunk's file (next to widget.js), under which it registers. */
/** The controller's check. */
type Check = (event: ContextEvent) => void;

export const CALLS_CHUNK = 'widget-calls.js';

export interface SiteCalls {
  /**
   * `identify(details)`: stores its attributes (warning once about details or a value it cannot use) and,
   * when they changed, checks the page again (`check({type: 'page_load'})`).
   */
  identify(details: unknown, check: Check): void;
  /** `track(name, properties)`: checks the event (or warns once, saying what to fix). */
  track(check: Check, name: unknown, properties?: unknown): void;
}
