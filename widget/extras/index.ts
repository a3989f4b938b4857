/**
 * Entry of the on-demand extras chunk (`widget-extras.js`): registers {@link extras} for the initial script.
 */
import { registerChunk } from '../chunk-loader.ts';
import { EXTRAS_CHUNK } from './contract.ts';
import { extras } from './extras.ts';

registerChunk(EXTRAS_CHUNK, extras);
