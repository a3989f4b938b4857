/**
 * Conversations (tickets) from proactive messages: the visitor starts one from the widget and writes in
 * it; agents read and reply from the admin API. Replies reach the visitor's widget through the bus, on
 * whichever server it is connected to.
 */
import type { ConversationListItem, ConversationWithMessages } from '@proactive/contract/admin';
import type { ConversationMessage, StartConversation } from '@proactive/contract/widget';
import type { Rule } from '@proactive/dsl';
import type { Conversation, Repository } from '../storage/repository.ts';
import type { Bus } from './bus.ts';
import { stamp, type Clock } from './clock.ts';
import { DomainError, notFound } from './errors.ts';
import { newId } from './ids.ts';

export interface ConversationServiceDeps {
  repository: Repository;
  bus: Bus;
  clock?: Clock;
  /**
   * The ids of the messages a channel's widget is served (its snapshot), or null for no such channel:
   * only those can start a conversation.
   */
  servedMessages: (channelId: string) => Promise<ReadonlySet<string> | null>;
}

/**
 * The conversations service.
 *
 * @example const conversations = createConversationService({ repository, bus, servedMessages })
 */
export function createConversationService({
  repository,
  bus,
  clock,
  servedMessages,
}: ConversationServiceDeps) {
  async function get(id: string): Promise<Conversation> {
    const conversation = await repository.conversations.get(id);
    if (!conversation) throw notFound('conversation', id);
    return conversation;
  }

  const message = (
    conversationId: string,
    author: ConversationMessage['author'],
    text: string,
  ): ConversationMessage => ({
    id: newId('cm'),
    conversation_id: conversationId,
    author,
    text,
    created_at: stamp(clock),
  });

  return {
    /** Newest first, each with the name of the message it came from. */
    async list(): Promise<ConversationListItem[]> {
      const conversations = await repository.conversations.list();
      const names = new Map((await repository.messages.list()).map((record) => [record.id, record.name]));
      return conversations.reverse().map((conversation) => ({
        ...conversation,
        message_name: conversation.message_id ? (names.get(conversation.message_id) ?? null) : null,
      }));
    },

    get,

    async withMessages(id: string): Promise<ConversationWithMessages> {
      const conversation = await get(id);
      const record = conversation.message_id ? await repository.messages.get(conversation.message_id) : null;
      return {
        ...conversation,
        message_name: record?.name ?? null,
        messages: await repository.conversationMessages.list(id),
      };
    },

    /** The messages of a conversation, after the message id `after` when given. */
    async messages(id: string, after?: string): Promise<ConversationMessage[]> {
      return repository.conversationMessages.list(id, after);
    },

    /** An agent's reply; announced on the bus so the visitor's stream hears it. */
    async reply(id: string, text: string): Promise<ConversationMessage> {
      await get(id);
      const reply = message(id, 'agent', text);
      await repository.conversationMessages.add(reply);
      await repository.conversations.update(id, { updated_at: reply.created_at });
      await bus
        .publish({ type: 'conversation_message', conversation_id: id, message_id: reply.id })
        .catch((error: unknown) => console.error('could not notify other servers', error));
      return reply;
    },

    /**
     * Starts a conversation from a live message of the channel's widget payload (anything else is
     * `not_found`, as an unknown message): tagged like the message's rule, opened by the greeting, the
     * follow-up (agent responses) and the visitor's text.
     */
    async start(input: StartConversation) {
      const served = await servedMessages(input.channel_id);
      if (!served) throw new DomainError('not_found', `No channel with id "${input.channel_id}".`);
      const unknown = () =>
        new DomainError(
          'not_found',
          `No proactive message "${input.message_id}" on channel "${input.channel_id}".`,
        );
      // Drafts and paused messages are not on the widget: their greeting is not public yet.
      if (!served.has(input.message_id)) throw unknown();
      const record = await repository.messages.get(input.message_id);
      if (!record || record.channel_id !== input.channel_id || record.status !== 'live') throw unknown();
      const now = stamp(clock);
      const conversation: Conversation = {
        id: newId('conv'),
        channel_id: record.channel_id,
        message_id: record.id,
        visitor_id: input.visitor_id,
        name: input.name || null,
        email: input.email || null,
        tags: (record.rule as Rule | null)?.tags ?? [],
        status: 'open',
        created_at: now,
        updated_at: now,
      };
      await repository.conversations.insert(conversation);
      const opening: ConversationMessage[] = [];
      const add = (author: ConversationMessage['author'], text: string) => {
        if (text.trim() !== '') opening.push(message(conversation.id, author, text));
      };
      add('system', record.greeting);
      if (record.response.type === 'agent') add('system', record.response.follow_up);
      add('visitor', input.text);
      for (const entry of opening) await repository.conversationMessages.add(entry);
      return { conversation_id: conversation.id, tags: conversation.tags, messages: opening };
    },

    /** The visitor writes again; only the visitor who started the conversation may. */
    async visitorWrites(id: string, visitorId: string, text: string): Promise<ConversationMessage> {
      const conversation = await get(id);
      if (visitorId !== conversation.visitor_id) {
        throw new DomainError('forbidden', 'This conversation belongs to another visitor.');
      }
      const written = message(id, 'visitor', text);
      await repository.conversationMessages.add(written);
      await repository.conversations.update(id, { updated_at: written.created_at });
      return written;
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
