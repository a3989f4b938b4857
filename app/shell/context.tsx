/**
 * React context for the API (data loading goes through TanStack Query, see queries.ts).
 */
import { createContext, useContext } from 'react';
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
