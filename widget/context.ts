/**
 * The visitor context a rule is evaluated against, read from the page at check time: one collector per
 * catalog field the widget knows (the context type comes from the catalog, so a field added there shows
 * up here as optional until the widget collects it).
 */
import type { ContextEvent, RuleContext, Schedule } from '@proactive/dsl/evaluator';

/** Whether the visitor has been here before (the catalog's visit history symbols). */
export type VisitHistory = NonNullable<RuleContext['visitor']['visit_history']>;

/**
 * Builds the context for one check: page URL and title as they are now, the visit history, the
 * device language and the current time (the extras chunk adds the facts beyond these when the
 * channel's rules use them).
 *
 * @example buildContext({ type: 'page_load' }, 'new_user', {}, Date.now())
 */
export function buildContext(
  event: ContextEvent,
  visitHistory: VisitHistory,
  schedules: Record<string, Schedule>,
  now: number,
): RuleContext {
  return {
    visitor: { page_url: location.href, page_title: document.title, visit_history: visitHistory },
    device: { language: navigator.language || 'en' },
    event,
    now: new Date(now).toISOString(),
    schedules,
  };
}
