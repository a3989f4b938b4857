/**
 * `/api/v1/conversations`: tickets created from proactive messages, and agent replies (delivered to the
 * visitor's widget through the bus, on whichever server it is connected to).
 */
import { z } from 'zod';
import { agentReply, conversationListItem, conversationWithMessages } from '@proactive/contract/admin';
import { conversationMessage } from '@proactive/contract/widget';
import type { ConversationService } from '../../domain/conversations.ts';
import { body, errors, idParam, json, openApiApp, route } from '../../http/openapi.ts';
import { pathId } from './ids.ts';

const tags = ['Conversations'];
const routes = {
  list: route({
    method: 'get',
    path: '/conversations',
    tags,
    summary: 'Conversations (tickets) from proactive messages, newest first.',
    responses: { 200: json(z.array(conversationListItem), 'The conversations.'), ...errors(401, 503) },
  }),
  get: route({
    method: 'get',
    path: '/conversations/{id}',
    tags,
    summary: 'A conversation with its messages.',
    request: { params: idParam },
    responses: { 200: json(conversationWithMessages, 'The conversation.'), ...errors(401, 404, 503) },
  }),
  reply: route({
    method: 'post',
    path: '/conversations/{id}/messages',
    tags,
    summary: "Agent reply (reaches the visitor's widget).",
    request: { params: idParam, body: body(agentReply) },
    responses: {
      201: json(conversationMessage, 'The reply.'),
      ...errors(400, 401, 404, 413, 415, 503),
    },
  }),
};

/**
 * The conversations routes.
 *
 * @example admin.route('/', conversationRoutes(conversations))
 */
export function conversationRoutes(conversations: ConversationService) {
  const id = (params: { id: string }) => pathId(params.id, 'conversation');
  return openApiApp()
    .openapi(routes.list, async (c) => c.json(await conversations.list(), 200))
    .openapi(routes.get, async (c) => c.json(await conversations.withMessages(id(c.req.valid('param'))), 200))
    .openapi(routes.reply, async (c) =>
      c.json(await conversations.reply(id(c.req.valid('param')), c.req.valid('json').text), 201),
    );
}
