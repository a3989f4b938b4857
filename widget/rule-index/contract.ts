/**
 * What the initial script and the on-demand index chunk (`widget-index.js`) agree on: channels with more
 * rules than {@link INDEXED_RULES} load the literal index, so an event tests only the rules whose literals
 * the page holds (see `literalIndex` in @proactive/dsl/evaluator); smaller channels test every rule of the
 * event's type, which costs less than loading the chunk.
 */

/** The chunk's file (next to widget.js), under which it registers the index. */
export const INDEX_CHUNK = 'widget-index.js';

/** From how many rules a channel loads the index. */
export const INDEXED_RULES = 50;
