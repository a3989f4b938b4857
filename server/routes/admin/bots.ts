/** `/api/v1/bots` and `/api/v1/bots/:id/answers`. */
import { z } from 'zod';
import {
  answer,
  answerCreate,
  answerPatch,
  bot,
  botCreate,
  botPatch,
  botsQuery,
} from '@proactive/contract/admin';
import type { BotService } from '../../domain/bots.ts';
import {
  body,
  errors,
  idParam,
  json,
  noContent,
  openApiApp,
  resourceRoutes,
  route,
} from '../../http/openapi.ts';
import { pathId } from './ids.ts';

const routes = resourceRoutes(
  '/bots',
  'Bots',
  { item: bot, create: botCreate, patch: botPatch, query: botsQuery },
  {
    list: 'List the bots; `?channel_id=` keeps those published to one channel.',
    create: 'Create one, published to channels of its brand (422 `invalid_reference` otherwise).',
    remove: 'Delete it and its answers (409 `in_use` while a message responds with it).',
  },
);

const tags = ['Bots'];
const answerParams = idParam.extend({ answer_id: z.string() });
const answerRoutes = {
  list: route({
    method: 'get',
    path: '/bots/{id}/answers',
    tags,
    summary: "List a bot's answers.",
    request: { params: idParam },
    responses: { 200: json(z.array(answer), 'The answers.'), ...errors(401, 404, 503) },
  }),
  create: route({
    method: 'post',
    path: '/bots/{id}/answers',
    tags,
    summary: 'Add an answer.',
    request: { params: idParam, body: body(answerCreate) },
    responses: { 201: json(answer, 'Created.'), ...errors(400, 401, 404, 413, 415, 503) },
  }),
  get: route({
    method: 'get',
    path: '/bots/{id}/answers/{answer_id}',
    tags,
    summary: 'Read an answer.',
    request: { params: answerParams },
    responses: { 200: json(answer, 'Found.'), ...errors(401, 404, 503) },
  }),
  update: route({
    method: 'patch',
    path: '/bots/{id}/answers/{answer_id}',
    tags,
    summary: 'Change an answer.',
    request: { params: answerParams, body: body(answerPatch) },
    responses: { 200: json(answer, 'Changed.'), ...errors(400, 401, 404, 413, 415, 503) },
  }),
  remove: route({
    method: 'delete',
    path: '/bots/{id}/answers/{answer_id}',
    tags,
    summary: 'Delete an answer (409 `in_use` while a message responds with it).',
    request: { params: answerParams },
    responses: { 204: noContent, ...errors(401, 404, 409, 503) },
  }),
};

/**
 * The bots routes.
 *
 * @example admin.route('/', botRoutes(bots))
 */
export function botRoutes(bots: BotService) {
  const ids = (params: { id: string; answer_id: string }) =>
    [pathId(params.id, 'bot'), pathId(params.answer_id, 'answer')] as const;
  return openApiApp()
    .openapi(routes.list, async (c) => c.json(await bots.list(c.req.valid('query')), 200))
    .openapi(routes.create, async (c) => c.json(await bots.create(c.req.valid('json')), 201))
    .openapi(routes.get, async (c) => c.json(await bots.get(pathId(c.req.valid('param').id, 'bot')), 200))
    .openapi(routes.update, async (c) =>
      c.json(await bots.update(pathId(c.req.valid('param').id, 'bot'), c.req.valid('json')), 200),
    )
    .openapi(routes.remove, async (c) => {
      await bots.remove(pathId(c.req.valid('param').id, 'bot'));
      return c.body(null, 204);
    })
    .openapi(answerRoutes.list, async (c) =>
      c.json(await bots.answers.list(pathId(c.req.valid('param').id, 'bot')), 200),
    )
    .openapi(answerRoutes.create, async (c) =>
      c.json(await bots.answers.create(pathId(c.req.valid('param').id, 'bot'), c.req.valid('json')), 201),
    )
    .openapi(answerRoutes.get, async (c) => c.json(await bots.answers.get(...ids(c.req.valid('param'))), 200))
    .openapi(answerRoutes.update, async (c) =>
      c.json(await bots.answers.update(...ids(c.req.valid('param')), c.req.valid('json')), 200),
    )
    .openapi(answerRoutes.remove, async (c) => {
      await bots.answers.remove(...ids(c.req.valid('param')));
      return c.body(null, 204);
    });
}
