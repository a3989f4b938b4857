/**
 * When to check the conditions: "visitor loads the page" on load and on every navigation, and "visitor is
 * on the page" once the visitor has spent the rule's time on the current page — counting only while the
 * tab is visible. Single-page-app navigation (pushState, replaceState, popstate, hashchange) is a new page:
 * the time on page starts again from zero.
 */
import type { ContextEvent } from '@proactive/dsl/evaluator';

export interface TriggerOptions {
  onCheck(event: ContextEvent): void;
  /** Called after the URL changed, before the page-load check of the new page. */
  onNavigate?(): void;
  now?: () => number;
}

export interface Triggers {
  /** The `for M:SS` durations (in seconds) of the rules in play; thresholds already reached fire at once. */
  setThresholds(seconds: readonly number[]): void;
  /** Visible time on the current page, in milliseconds. */
  timeOnPage(): number;
  stop(): void;
}

const NAVIGATION_EVENT = 'proactive:navigation';
const patched = '__proactiveHistoryPatched';

/** Makes pushState/replaceState observable, once per page, without changing what they do. */
function observeHistory(): void {
  const history = window.history as History & { [patched]?: boolean };
  if (history[patched]) return;
  history[patched] = true;
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method];
    history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      try {
        window.dispatchEvent(new Event(NAVIGATION_EVENT));
      } catch {
        // Never let our observer break the page's navigation.
      }
      return result;
    };
  }
}

/**
 * Starts watching the page; the page-load check of the current page runs at once.
 *
 * @example
 * const triggers = startTriggers({ onCheck: (event) => check(event) });
 * triggers.setThresholds([30]);
 */
export function startTriggers(options: TriggerOptions): Triggers {
  const now = options.now ?? (() => Date.now());
  let thresholds: number[] = [];
  let fired = new Set<number>();
  let accumulated = 0;
  let visibleSince: number | null = document.visibilityState === 'hidden' ? null : now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let href = location.href;
  let stopped = false;

  const timeOnPage = () => accumulated + (visibleSince === null ? 0 : now() - visibleSince);

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (stopped || visibleSince === null) return;
    const elapsed = timeOnPage();
    const due = thresholds.filter((seconds) => !fired.has(seconds) && seconds * 1000 <= elapsed);
    for (const seconds of due) {
      fired.add(seconds);
      options.onCheck({ type: 'on_page', seconds });
    }
    const next = thresholds.find((seconds) => !fired.has(seconds));
    if (next !== undefined) timer = setTimeout(schedule, Math.max(0, next * 1000 - elapsed));
  };

  const onVisibility = () => {
    if (document.visibilityState === 'hidden') {
      if (visibleSince !== null) accumulated += now() - visibleSince;
      visibleSince = null;
    } else if (visibleSince === null) {
      visibleSince = now();
    }
    schedule();
  };

  const onNavigation = () => {
    if (location.href === href) return;
    href = location.href;
    accumulated = 0;
    visibleSince = document.visibilityState === 'hidden' ? null : now();
    fired = new Set();
    options.onNavigate?.();
    options.onCheck({ type: 'page_load' });
    schedule();
  };

  observeHistory();
  document.addEventListener('visibilitychange', onVisibility);
  for (const name of [NAVIGATION_EVENT, 'popstate', 'hashchange'])
    window.addEventListener(name, onNavigation);
  options.onCheck({ type: 'page_load' });

  return {
    setThresholds(seconds) {
      thresholds = [...new Set(seconds)].filter((value) => value > 0).sort((a, b) => a - b);
      schedule();
    },
    timeOnPage,
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      for (const name of [NAVIGATION_EVENT, 'popstate', 'hashchange'])
        window.removeEventListener(name, onNavigation);
    },
  };
}
