/**
 * What the initial script and the on-demand behaviour chunk (`widget-behaviour.js`: time on the site,
 * exit intent, scroll depth and idle time) agree on. The chunk registers a {@link StartBehaviour} on
 * its file name (BEHAVIOUR_CHUNK).
 */
import type { CompiledEvent, ContextEvent } from '@proactive/dsl/evaluator';

/** The chunk's file (next to widget.js), under which it registers. */
export const BEHAVIOUR_CHUNK = 'widget-behaviour.js';

export interface BehaviourOptions {
  onCheck(event: ContextEvent): void;
  /** Epoch ms the current visit started (default: read from the visit record). */
  visitStart?(): number;
  now?: () => number;
}

/** The running detectors. */
export interface Behaviour {
  /** A new page (single-page-app navigation): scroll depth, idle time and reached thresholds start again. */
  reset(): void;
  /** Removes every listener and timer. */
  stop(): void;
}

/** Starts the detectors the rules' events need, and only those (other events are ignored). */
export type StartBehaviour = (events: readonly CompiledEvent[], options: BehaviourOptions) => Behaviour;
