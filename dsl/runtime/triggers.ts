/**
 * The events of the triggers beyond the seed ones (page load and `for M:SS`, which the evaluator knows
 * itself): time on the site, exit intent, scroll depth, idle time and custom events the site tracks.
 * Widget-safe; a widget passes them to `createMatcher(compiled, { events: triggerEvents })` only when its
 * channel's rules use these triggers. `createEvaluator` uses them by default.
 */

/** A JSON object: a compiled event, or the context's event. */
type EventRecord = Readonly<Record<string, unknown>>;

/**
 * How the evaluator recognises the events of one trigger: given the compiled event, the test of the
 * context's event, or undefined when the compiled event is malformed (the evaluator then refuses it).
 */
export type EventRuntime = (expected: EventRecord) => ((event: EventRecord) => boolean) | undefined;

/** Events of `type` whose number `parameter` has reached the rule's (time on the site, scroll depth, idle time). */
const atLeast =
  (parameter: string): EventRuntime =>
  (expected) => {
    const threshold = expected[parameter];
    if (typeof threshold !== 'number') return undefined;
    return (event) => {
      const value = event[parameter];
      return event.type === expected.type && typeof value === 'number' && value >= threshold;
    };
  };

/** The events of the triggers beyond page load and `for M:SS`, by compiled event type. */
export const triggerEvents: Readonly<Record<string, EventRuntime>> = {
  on_site: /* @__PURE__ */ atLeast('seconds'),
  exit_intent: () => (event) => event.type === 'exit_intent',
  scroll: /* @__PURE__ */ atLeast('percent'),
  idle: /* @__PURE__ */ atLeast('seconds'),
  custom: (expected) => {
    const name = expected.name;
    return typeof name === 'string' ? (event) => event.type === 'custom' && event.name === name : undefined;
  },
};
