/**
 * Entry of the on-demand index chunk (`widget-index.js`): registers the literal index of large channels.
 */
import { literalIndex } from '@proactive/dsl/evaluator';
import { registerChunk } from '../chunk-loader.ts';
import { INDEX_CHUNK } from './contract.ts';

registerChunk(INDEX_CHUNK, literalIndex);
