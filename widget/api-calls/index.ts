/**
 * Entry of the on-demand calls chunk (`widget-calls.js`): registers the handling of `identify`
 * attributes and `track` calls for the initial script.
 */
import { registerChunk } from '../chunk-loader.ts';
import { siteCalls } from './calls.ts';
import { CALLS_CHUNK } from './contract.ts';

registerChunk(CALLS_CHUNK, siteCalls);
