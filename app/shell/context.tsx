/**
 * React context for the API and a small data-loading hook.
 */
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { Api } from '../api/client.ts';

export const ApiContext = createContext<Api | null>(null);

/**
 * The API of the signed-in app.
 *
 * @example const api = useApi(); const brands = await call(api.brands.$get({ query: {} }));
 */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiContext.Provider>');
  return api;
}

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/**
 * Loads data with an async function; reloads when `deps` change or `reload()` is called.
 *
 * @example const { data } = useLoad(() => call(api.brands.$get({ query: {} })), []);
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) =>
        current &&
        setState({ error: error instanceof Error ? error : new Error(String(error)), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const setData = useCallback((data: T) => setState({ data, loading: false }), []);
  return { data: state.data, error: state.error, loading: state.loading, reload, setData };
}
