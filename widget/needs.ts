/**
 * What a channel's rules need beyond the seed language, so that the initial script loads only what is
 * used: the extras chunk (a field, kind, operator or trigger the seed runtime does not know), which
 * itself loads the behaviour chunk when a rule uses time on site, exit intent, scroll or idle.
 */
import type { CompiledRule } from '@proactive/dsl/evaluator';

/**
 * A field, match kind, operator or event type outside the seed language, as it appears in the compiled
 * JSON (JSON escapes every quote inside values, so a value never looks like a key here).
 */
const BEYOND_SEED =
  /"(field|match|op|type)":"(?!(visitor\.(page_url|page_title|visit_history)|device\.language|text|url|symbol|language|is(_not)?|contains|does_not_contain|page_load|on_page)")/;

/**
 * Whether a compiled rule needs the extras chunk.
 *
 * @example needsExtras(compile(parse('when visitor.referrer contains "google"').rule!)) // true
 */
export function needsExtras(rule: CompiledRule): boolean {
  return BEYOND_SEED.test(JSON.stringify(rule));
}
