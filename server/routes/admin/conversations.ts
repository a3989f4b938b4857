/**
 * `/api/v1/conversations`: tickets created from proactive messages, and agent replies (delivered to the
 * visitor's widget through the bus, on whichever server it is connected to).
 */
import { Hono } from 'hono';
import type { Bus } from '../../domain/bus.ts';
import { newId } from '../../domain/ids.ts';
import { notFound } from '../../http/errors.ts';
import * as schemas from '@proactive/contract/admin';
import { readJson } from '../../http/validation.ts';
import type { ConversationMessageRecord, Repository } from '../../storage/repository.ts';
import { pathId, stamp } from './crud.ts';

/**
 * The conversations routes.
 *
 * @example app.route('/api/v1/conversations', conversationRoutes(repository, bus))
 */
export function conversationRoutes(repository: Repository, bus: Bus) {
  const app = new Hono();

  app.get('/', async (c) => {
    const conversations = await repository.conversations.list();
    const messageNames = new Map(
      (await repository.messages.list()).map((message) => [message.id, message.name]),
    );
    return c.json(
      conversations.reverse().map((conversation) => ({
        ...conversation,
        message_name: conversation.message_id ? (messageNames.get(conversation.message_id) ?? null) : null,
      })),
    );
  });

  app.get('/:id', async (c) => {
    const id = pathId(c, 'id', 'conversation');
    const conversation = await repository.conversations.get(id);
    if (!conversation) throw notFound('conversation', id);
    const messages = await repository.conversationMessages.list(id);
    return c.json({ ...conversation, messages });
  });

  app.post('/:id/messages', async (c) => {
    const id = pathId(c, 'id', 'conversation');
    const input = await readJson(c, schemas.agentReply);
    const conversation = await repository.conversations.get(id);
    if (!conversation) throw notFound('conversation', id);
    const now = stamp();
    const message: ConversationMessageRecord = {
      id: newId('cm'),
      conversation_id: id,
      author: 'agent',
      text: input.text,
      created_at: now,
    };
    await repository.conversationMessages.add(message);
    await repository.conversations.update(id, { updated_at: now });
    await bus
      .publish({ type: 'conversation_message', conversation_id: id, message_id: message.id })
      .catch((error: unknown) => console.error('could not notify other servers', error));
    return c.json(message, 201);
  });

  return app;
}
