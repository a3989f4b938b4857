/**
 * Entry of the on-demand behaviour chunk (`widget-behaviour.js`): registers {@link startBehaviour} for the
 * initial script.
 */
import { registerChunk } from '../chunk-loader.ts';
import { BEHAVIOUR_CHUNK } from './contract.ts';
import { startBehaviour } from './start.ts';

registerChunk(BEHAVIOUR_CHUNK, startBehaviour);
