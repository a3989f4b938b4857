/**
 * Entry of the on-demand calls chunk (`widget-calls.js`): registers the handling of `identify`
 * attributes and `track` calls for the initial script.
 */
import { registerChunk } from '../chunk-loader.ts';
import { identify, trackedEvent } from './calls.ts';
import { CALLS_CHUNK, type SiteCalls } from './contract.ts';

const calls: SiteCalls = {
  identify(details, check) {
    if (identify(details)) check({ type: 'page_load' });
  },
  track(check, name, properties) {
    const event = trackedEvent(name, properties);
    if (event) check(event);
  },
};

registerChunk(CALLS_CHUNK, calls);
