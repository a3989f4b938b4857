/**
 * The editor's server state through TanStack Query: the message with its channel and the schedules, a
 * channel's bots and a bot's answers.
 */
import { useQuery } from '@tanstack/react-query';
import { message as messageSchema } from '@proactive/contract/admin';
import type { Channel, Message, Schedule } from '@proactive/contract/admin';
import { call } from '../api/client.ts';
import { useApi } from '../shell/context.tsx';
import { queryKeys } from '../shell/queries.ts';

export interface EditorData {
  message: Message;
  channel: Channel | undefined;
  schedules: Schedule[];
}

/**
 * The message being edited, its channel and every schedule (for the time-of-day picker and the test panel).
 *
 * @example const { data } = useEditorData('m1');
 */
export function useEditorData(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.messageEditor(id),
    // Loaded once per visit: a background refetch with a newer version would replace the form (and the
    // draft in it); "Reload their version" refetches on purpose, and leaving the page drops the cache.
    staleTime: Infinity,
    gcTime: 0,
    refetchOnReconnect: false,
    queryFn: async (): Promise<EditorData> => {
      const [message, channels, schedules] = await Promise.all([
        call(api.messages[':id'].$get({ param: { id } }), messageSchema),
        call(api.channels.$get({ query: {} })),
        call(api.schedules.$get()),
      ]);
      return { message, channel: channels.find((channel) => channel.id === message.channel_id), schedules };
    },
  });
}

/**
 * The bots published to a channel.
 *
 * @example const bots = useBots('demo').data ?? [];
 */
export function useBots(channelId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.bots(channelId),
    queryFn: () => call(api.bots.$get({ query: { channel_id: channelId } })),
  });
}

/**
 * A bot's answers (none without a bot).
 *
 * @example const answers = useBotAnswers(response.bot_id).data ?? [];
 */
export function useBotAnswers(botId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.botAnswers(botId ?? ''),
    queryFn: () => call(api.bots[':id'].answers.$get({ param: { id: botId ?? '' } })),
    enabled: Boolean(botId),
  });
}
