/**
 * Entry of the on-demand extras chunk (`widget-extras.js`): registers {@link extras} for the initial script.
 */
import { EXTRAS_GLOBAL } from './contract.ts';
import { extras } from './extras.ts';

(window as unknown as Record<string, unknown>)[EXTRAS_GLOBAL] = extras;
