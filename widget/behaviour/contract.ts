/**
 * What the initial script and the on-demand behaviour chunk (`widget-behaviour.js`: time on the site,
 * exit intent, scroll depth and idle time) agree on. The chunk registers a {@link StartBehaviour} on
 * `window[BEHAVIOUR_GLOBAL]`.
 */
import type { CompiledEvent, ContextEvent } from '@proactive/dsl/evaluator';

export const BEHAVIOUR_GLOBAL = '__proactiveBehaviour__';

export interface BehaviourOptions {
  onCheck(event: ContextEvent): void;
  /** Epoch ms the visit started (read again on each reset: a new page may be a new visit). */
  visitStart(): number;
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
