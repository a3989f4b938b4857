/**
 * Loading Monaco (a chunk of its own, with the rule language) once for the whole app: the Text view
 * awaits {@link loadMonaco}, and the message editor calls {@link preloadMonaco} when it opens, so the
 * chunk is fetched, parsed and evaluated while the admin reads the form and the first Text view opens
 * without waiting for the network.
 */
export type MonacoModule = typeof import('./proactive-language.ts');

/**
 * A loader that runs `importer` once for every caller, and again after a failure.
 *
 * @example const load = once(() => import('./big.ts')); await load(); await load(); // imported once
 */
export function once<T>(importer: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= importer().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}

/**
 * Imports Monaco and the rule language once.
 *
 * @example const { setupProactiveLanguage } = await loadMonaco();
 */
export const loadMonaco: () => Promise<MonacoModule> = once(() => import('./proactive-language.ts'));

/**
 * Starts `load` (Monaco by default) when the browser is next idle, at the latest after `timeoutMs`,
 * ignoring a failure: the Text view reports it when it opens.
 *
 * @example useEffect(() => preloadMonaco(), []);
 */
export function preloadMonaco(load: () => Promise<unknown> = loadMonaco, timeoutMs = 1000): void {
  const start = () => void load().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: timeoutMs });
  else setTimeout(start, 0);
}
