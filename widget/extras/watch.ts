/**
 * Starts the behaviour chunk's detectors when the rules use time on site, exit intent, scroll or idle
 * triggers: the extras chunk decides, so that the initial script carries none of this.
 */
import type { CompiledEvent, ContextEvent } from '@proactive/dsl/evaluator';
import { BEHAVIOUR_CHUNK, type Behaviour, type StartBehaviour } from '../behaviour/contract.ts';

/**
 * Whether some of the rules' events are ones the behaviour chunk detects (a custom event named "scroll"
 * also loads it; it then starts nothing).
 *
 * @example needsBehaviour([{ type: 'scroll', percent: 50 }]) // true
 */
export function needsBehaviour(events: readonly CompiledEvent[]): boolean {
  return /"(on_site|exit_intent|scroll|idle)"/.test(JSON.stringify(events));
}

/**
 * Loads the behaviour chunk if the events need it and starts its detectors; the handle works at once
 * (a reset before the chunk arrives does nothing; a stop keeps it from starting).
 *
 * @example const behaviour = watchBehaviour(events, check, load); behaviour?.stop();
 */
export function watchBehaviour(
  events: readonly CompiledEvent[],
  onCheck: (event: ContextEvent) => void,
  load: <T>(file: string) => Promise<T | null>,
): Behaviour | undefined {
  if (!needsBehaviour(events)) return undefined;
  let running: Behaviour | undefined;
  let stopped = false;
  void load<StartBehaviour>(BEHAVIOUR_CHUNK).then((start) => {
    if (start && !stopped) running = start(events, { onCheck });
  });
  return {
    reset: () => running?.reset(),
    stop() {
      stopped = true;
      running?.stop();
    },
  };
}
