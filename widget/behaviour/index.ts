/**
 * Entry of the on-demand behaviour chunk (`widget-behaviour.js`): registers {@link startBehaviour} for the
 * initial script.
 */
import { BEHAVIOUR_GLOBAL } from './contract.ts';
import { startBehaviour } from './start.ts';

(window as unknown as Record<string, unknown>)[BEHAVIOUR_GLOBAL] = startBehaviour;
