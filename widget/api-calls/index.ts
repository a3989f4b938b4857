/**
 * Entry of the on-demand calls chunk (`widget-calls.js`): registers the handling of `identify`
 * attributes and `track` calls for the initial script.
 */
import { identifyAttributes, trackedEvent } from './calls.ts';
import { CALLS_GLOBAL, type SiteCalls } from './contract.ts';

const calls: SiteCalls = { identify: identifyAttributes, track: trackedEvent };

(window as unknown as Record<string, unknown>)[CALLS_GLOBAL] = calls;
