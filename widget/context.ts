/**
 * The visitor context a rule is evaluated against, read from the page at check time.
 */
import type { ContextEvent, RuleContext, Schedule } from '@proactive/dsl/evaluator';

/**
 * Builds the context for one check: page URL and title as they are now, the visit history, the
 * device language and the current time.
 *
 * @example buildContext({ type: 'page_load' }, 'new_user', {}, Date.now())
 */
export function buildContext(
  event: ContextEvent,
  visitHistory: 'new_user' | 'returning_user',
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
