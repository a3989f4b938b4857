/**
 * What a channel's rules need beyond the seed language, so that the initial script loads only what is
 * used: the extras chunk (a field, kind, operator or trigger the seed runtime does not know) and the
 * behaviour chunk (the events of `for M:SS on_site`, exit intent, scroll and idle).
 */
import type { CompiledEvent, CompiledRule } from '@proactive/dsl/evaluator';
import { BEHAVIOUR_EVENTS } from './behaviour/contract.ts';

/**
 * A field, match kind, operator or event type outside the seed language, as it appears in the compiled
 * JSON (JSON escapes every quote inside values, so a value never looks like a key here).
 */
const BEYOND_SEED =
  /"(?:field|match|op|type)":"(?!(?:visitor\.(?:page_url|page_title|visit_history)|device\.language|text|url|symbol|language|is|is_not|contains|does_not_contain|page_load|on_page)")/;

/**
 * Whether a compiled rule needs the extras chunk.
 *
 * @example needsExtras(compile(parse('when visitor.referrer contains "google"').rule!)) // true
 */
export function needsExtras(rule: CompiledRule): boolean {
  return BEYOND_SEED.test(JSON.stringify(rule));
}

/**
 * The events, among the rules' events, that the behaviour chunk detects.
 *
 * @example behaviourEvents([{ type: 'page_load' }, { type: 'scroll', percent: 50 }]) // [{ type: 'scroll', percent: 50 }]
 */
export function behaviourEvents(events: readonly CompiledEvent[]): CompiledEvent[] {
  return events.filter((event) => BEHAVIOUR_EVENTS.includes(event.type));
}
