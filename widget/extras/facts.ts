/**
 * The facts beyond the seed ones, read from the page and the visit at check time: referrer, the current
 * page's query parameters, the visit's UTM parameters, pages viewed, visit count, the site's attributes
 * and the device type.
 */
import type { Visit } from '../visit.ts';
import { knownAttributes } from '../api-calls/attributes.ts';
import type { RuleContext } from '@proactive/dsl/evaluator';
import { deviceType } from './device.ts';

/**
 * The query parameters of a URL by name: the first occurrence of each, decoded.
 *
 * @example queryOf('https://x.test/?ref=partner&ref=other') // { ref: 'partner' }
 */
export function queryOf(url: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of new URL(url).searchParams) query[name] ??= value;
  return query;
}

/**
 * Adds the facts of the current page and visit to a context.
 *
 * @example addFacts(context, touchVisit(Date.now())); context.visitor.pages_viewed // 1
 */
export function addFacts(context: RuleContext, visit: Visit): void {
  const visitor: RuleContext['visitor'] = Object.assign(context.visitor, {
    referrer: document.referrer,
    query: queryOf(location.href),
    attributes: knownAttributes(),
    pages_viewed: visit.pages,
    visit_count: visit.visits,
  });
  // UTM parameters come from the visit's landing page, not the current one.
  for (const [name, value] of Object.entries(queryOf(`http://x/${visit.landing ?? ''}`)))
    if (/^utm_(source|medium|campaign|term|content)$/.test(name))
      (visitor as Record<string, unknown>)[name] = value;
  context.device.type = deviceType(navigator);
}
