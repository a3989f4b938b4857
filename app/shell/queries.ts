/**
 * Server state through TanStack Query: one QueryClient for the app and the query keys of every resource,
 * so a mutation can say which lists it makes stale.
 */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';

/** Query keys; a key's prefix covers its children (invalidating `messages` refreshes every message query). */
export const queryKeys = {
  messagePages: ['messages', 'page'] as const,
  messagePage: (page: number, sort: string, direction: string) =>
    ['messages', 'page', page, sort, direction] as const,
  message: (id: string) => ['messages', id] as const,
  messageEditor: (id: string) => ['messages', id, 'editor'] as const,
  messageStats: (id: string, days: number) => ['messages', id, 'stats', days] as const,
  brands: ['brands'] as const,
  channels: ['channels'] as const,
  schedules: ['schedules'] as const,
  /** A brand's declared visitor attributes. */
  attributes: (brandId: string) => ['attributes', brandId] as const,
  bots: (channelId: string) => ['bots', channelId] as const,
  botAnswers: (botId: string) => ['bots', 'answers', botId] as const,
  conversations: ['conversations'] as const,
  conversation: (id: string) => ['conversations', id] as const,
};

/**
 * The app's QueryClient: no retry on the server's 4xx answers (they will not change by retrying), one
 * retry on network and 5xx failures, and no refetch when the window regains focus while a form is open.
 *
 * @example <QueryClientProvider client={createQueryClient()}>…</QueryClientProvider>
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
