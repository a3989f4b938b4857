/**
 * `/api/v1/messages`: the proactive messages, their lifecycle (publish, pause, resume, clone) and stats.
 */
import { z } from 'zod';
import {
  message,
  messageCreate,
  messagePatch,
  messagesResponse,
  messagesQuery,
  messageStats,
  statsQuery,
} from '@proactive/contract/admin';
import type { MessageService } from '../../domain/messages/service.ts';
import { body, errors, idParam, json, noContent, openApiApp, route } from '../../http/openapi.ts';
import { requireIfMatch } from '../../http/validation.ts';
import { pathId } from './ids.ts';

const tags = ['Messages'];
const common = [401, 503] as const;

const action = <const Name extends string>(name: Name, summary: string) =>
  route({
    method: 'post',
    path: `/messages/{id}/${name}`,
    tags,
    summary,
    request: { params: idParam },
    responses: { 200: json(message, 'The message.'), ...errors(404, 409, 412, 422, ...common) },
  });

const routes = {
  list: route({
    method: 'get',
    path: '/messages',
    tags,
    summary:
      'List messages with status, channel, counts and updated_at; filter by status, channel, brand and name (q), sort (sort, direction). Without page/per_page: every match, as an array. With either: one page {items, total, page, per_page}, paged by the database.',
    request: { query: messagesQuery },
    responses: {
      200: json(messagesResponse, 'The messages, or one page of them.'),
      ...errors(400, ...common),
    },
  }),
  create: route({
    method: 'post',
    path: '/messages',
    tags,
    summary: 'Create a draft.',
    request: { body: body(messageCreate) },
    responses: { 201: json(message, 'The draft (version 1).'), ...errors(400, 413, 415, 422, ...common) },
  }),
  get: route({
    method: 'get',
    path: '/messages/{id}',
    tags,
    summary: 'Read a message (the ETag is its version).',
    request: { params: idParam },
    responses: { 200: json(message, 'The message.'), ...errors(404, ...common) },
  }),
  update: route({
    method: 'patch',
    path: '/messages/{id}',
    tags,
    summary:
      'Edit. Requires If-Match: <version> (428 without, 412 when stale). "rules" (text) or "rule" (AST); tags, time_of_day and frequency are views of the rule. Invalid rules are saved with their diagnostics (status contains_errors).',
    request: {
      params: idParam,
      headers: z.object({ 'if-match': z.string().optional().meta({ description: 'The version edited.' }) }),
      body: body(messagePatch),
    },
    responses: {
      200: json(message, 'The message (version + 1).'),
      ...errors(400, 404, 409, 412, 413, 415, 422, 428, ...common),
    },
  }),
  remove: route({
    method: 'delete',
    path: '/messages/{id}',
    tags,
    summary: 'Delete.',
    request: { params: idParam },
    responses: { 204: noContent, ...errors(404, ...common) },
  }),
  publish: action('publish', 'Go live (422 `cannot_publish` with diagnostics and problems when it cannot).'),
  pause: action('pause', 'Take a live message off the widget (409 `invalid_status` unless live).'),
  resume: action('resume', 'Put a paused message back live (409 `invalid_status` unless paused).'),
  clone: route({
    method: 'post',
    path: '/messages/{id}/clone',
    tags,
    summary: 'Copy as a new draft.',
    request: { params: idParam },
    responses: { 201: json(message, 'The copy.'), ...errors(404, ...common) },
  }),
  stats: route({
    method: 'get',
    path: '/messages/{id}/stats',
    tags,
    summary: 'Totals and a daily series of sent/opened/dismissed/replied (default: the last 30 days).',
    request: { params: idParam, query: statsQuery },
    responses: { 200: json(messageStats, 'The stats.'), ...errors(400, 404, ...common) },
  }),
};

/**
 * The messages routes.
 *
 * @example admin.route('/', messageRoutes(messages))
 */
export function messageRoutes(messages: MessageService) {
  const id = (params: { id: string }) => pathId(params.id, 'message');
  return openApiApp()
    .openapi(routes.list, async (c) => {
      const { page, per_page: perPage, ...filter } = c.req.valid('query');
      if (page === undefined && perPage === undefined) return c.json(await messages.list(filter), 200);
      return c.json(
        await messages.page({ ...filter, page: Number(page ?? 1), per_page: Number(perPage ?? 50) }),
        200,
      );
    })
    .openapi(routes.create, async (c) => c.json(await messages.create(c.req.valid('json')), 201))
    .openapi(routes.get, async (c) => {
      const found = await messages.get(id(c.req.valid('param')));
      c.header('ETag', `"${found.version}"`);
      return c.json(found, 200);
    })
    .openapi(routes.update, async (c) => {
      const messageId = id(c.req.valid('param'));
      const version = requireIfMatch(c);
      const updated = await messages.update(messageId, version, c.req.valid('json'));
      c.header('ETag', `"${updated.version}"`);
      return c.json(updated, 200);
    })
    .openapi(routes.remove, async (c) => {
      await messages.remove(id(c.req.valid('param')));
      return c.body(null, 204);
    })
    .openapi(routes.publish, async (c) => c.json(await messages.publish(id(c.req.valid('param'))), 200))
    .openapi(routes.pause, async (c) => c.json(await messages.pause(id(c.req.valid('param'))), 200))
    .openapi(routes.resume, async (c) => c.json(await messages.resume(id(c.req.valid('param'))), 200))
    .openapi(routes.clone, async (c) => c.json(await messages.clone(id(c.req.valid('param'))), 201))
    .openapi(routes.stats, async (c) =>
      c.json(await messages.stats(id(c.req.valid('param')), c.req.valid('query')), 200),
    );
}
