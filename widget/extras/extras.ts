/**
 * What the on-demand extras chunk (`widget-extras.js`) offers, loaded only by channels whose rules go beyond
 * the seed language: the text operators (starts with, ends with, matches), the number, boolean and
 * attribute kinds, the events of the new triggers, and the facts beyond the seed ones.
 */
import {
  attributeRuntime,
  booleanRuntime,
  foldCase,
  numberRuntime,
  triggerEvents,
  withStringOperators,
} from '@proactive/dsl/evaluator';
import type { Extras } from './contract.ts';
import { addFacts } from './facts.ts';
import { watchBehaviour } from './watch.ts';

/** What the chunk offers. */
export const extras: Extras = {
  options: (seed) => ({
    kinds: {
      ...seed,
      text: withStringOperators(seed.text!, foldCase),
      url: withStringOperators(seed.url!),
      number: numberRuntime,
      boolean: booleanRuntime,
      attribute: attributeRuntime,
    },
    events: triggerEvents,
  }),
  addFacts,
  watch: watchBehaviour,
};
