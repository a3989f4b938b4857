/**
 * The checks and effects of `proactive('identify', {attributes})` and `proactive('track', name,
 * properties)`, loaded (the calls chunk) the first time the site makes them: a call the widget cannot
 * use warns once on the console, saying what to fix.
 */
import type { ContextEvent } from '@proactive/dsl/evaluator';
import { isFact, rememberAttributes } from './attributes.ts';
import type { SiteCalls } from './contract.ts';

const warned = new Set<string>();

/** Warns once per page for each text. */
function warnOnce(text: string): void {
  if (!warned.has(text)) console.warn(`[proactive] ${text}`);
  warned.add(text);
}

const isObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks an `identify` call and stores its attributes; returns whether they changed.
 *
 * @example identify({ attributes: { plan: 'pro', seats: 12, trial: null } }) // true
 */
export function identify(details: unknown): boolean {
  if (!isObject(details)) {
    warnOnce(
      "identify(details): details must be an object, such as {name: 'Ada', attributes: {plan: 'pro'}}.",
    );
    return false;
  }
  const { attributes } = details as { attributes?: unknown };
  if (attributes === undefined) return false;
  if (!isObject(attributes)) {
    warnOnce(
      "identify({attributes}): attributes must be an object, such as {plan: 'pro', seats: 12, trial: true}.",
    );
    return false;
  }
  return rememberAttributes(attributes, (key) =>
    warnOnce(
      `identify({attributes}): attributes[${JSON.stringify(key)}] must be text, a number, true/false, or null to remove it.`,
    ),
  );
}

/**
 * The event of a `track` call, or null (after a warning) when the call cannot be used; properties that
 * are not text, numbers or booleans are left out (with a warning).
 *
 * @example trackedEvent('added_to_cart', { value: 42 }) // { type: 'custom', name: 'added_to_cart', properties: { value: 42 } }
 */
export function trackedEvent(name: unknown, properties: unknown = {}): ContextEvent | null {
  if (typeof name !== 'string' || !name) {
    warnOnce(
      "track(name, properties): name must be a non-empty text, such as proactive('track', 'added_to_cart', {value: 42}).",
    );
    return null;
  }
  if (!isObject(properties)) {
    warnOnce(
      `track(${JSON.stringify(name)}, properties): properties must be an object, such as {value: 42}.`,
    );
    return null;
  }
  const kept: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (isFact(value)) kept[key] = value;
    else
      warnOnce(
        `track(${JSON.stringify(name)}, properties): properties[${JSON.stringify(key)}] must be text, a number or true/false.`,
      );
  }
  return { type: 'custom', name, properties: kept };
}

/** What the calls chunk offers the initial script. */
export const siteCalls: SiteCalls = {
  identify(details, check) {
    if (identify(details)) check({ type: 'page_load' });
  },
  track(check, name, properties) {
    const event = trackedEvent(name, properties);
    if (event) check(event);
  },
};
