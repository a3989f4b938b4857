/**
 * The one path by which the editor changes a message on the server: Save, Publish, Pause and Resume are
 * kinds of one mutation (TanStack Query). Save and Publish first write the draft when it changed, with
 * `If-Match: <version>`; a 412 (someone else saved meanwhile) becomes a {@link ConflictError} carrying
 * their version, handled in one place by the editor.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { message as messageSchema, type Message } from '@proactive/contract/admin';
import { ApiError, call, type Api } from '../api/client.ts';
import { useApi } from '../shell/context.tsx';
import { queryKeys } from '../shell/queries.ts';
import { patchOf, type Draft } from './draft.ts';

export type MessageAction = 'save' | 'publish' | 'pause' | 'resume';

/** Someone else saved the message first; `theirs` is their version (null when it could not be read). */
export class ConflictError extends Error {
  constructor(readonly theirs: Message | null) {
    super('Someone else changed this message.');
    this.name = 'ConflictError';
  }
}

export interface ActionInput {
  action: MessageAction;
  message: Message;
  /** The draft to write first (Save, Publish), or null when it has no unsaved changes. */
  draft: Draft | null;
  /** Called as soon as the draft is written (a Publish may still fail after it). */
  onSaved: (saved: Message) => void;
}

/**
 * Runs one action against the API and resolves with the message as the server has it afterwards.
 *
 * @example await runMessageAction(api, { action: 'publish', message, draft, onSaved })
 */
export async function runMessageAction(api: Api, input: ActionInput): Promise<Message> {
  const { action, message } = input;
  let current = message;
  if (input.draft && (action === 'save' || action === 'publish')) {
    try {
      current = await call(
        api.messages[':id'].$patch({
          param: { id: message.id },
          header: { 'if-match': String(message.version) },
          json: patchOf(input.draft),
        }),
        messageSchema,
      );
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        const theirs = await call(
          api.messages[':id'].$get({ param: { id: message.id } }),
          messageSchema,
        ).catch(() => null);
        throw new ConflictError(theirs);
      }
      throw error;
    }
    input.onSaved(current);
  }
  if (action === 'save') return current;
  return call(api.messages[':id'][action].$post({ param: { id: current.id } }), messageSchema);
}

/**
 * The mutation behind every editor action; lists that show messages are refreshed after each.
 *
 * @example const action = useMessageAction(); action.mutate({ action: 'save', message, draft, onSaved });
 */
export function useMessageAction() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput) => runMessageAction(api, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.messagePages }),
  });
}
