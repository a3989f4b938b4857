/**
 * Declaring routes once: each route is a `createRoute` config (method, path, request and response zod
 * schemas) that Hono validates with, the OpenAPI document is generated from, and the admin app's typed
 * client (`hc`) is typed by. These helpers keep the configs short.
 */
import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorBody } from '@proactive/contract/admin';
import { jsonBody, validationHook } from './validation.ts';

/**
 * A router whose failed request schemas answer 400 `invalid_request`.
 *
 * @example const app = openApiApp().openapi(route, handler)
 */
export function openApiApp() {
  return new OpenAPIHono({ defaultHook: validationHook });
}

/**
 * Declares a route. A route with a JSON body gets {@link jsonBody} in front of its schema.
 *
 * @example route({ method: 'get', path: '/brands', tags: ['Brands'], responses: { 200: json(z.array(brand), 'Brands') } })
 */
export function route<const R extends RouteConfig>(config: R): R {
  const middleware = config.request?.body ? { middleware: [jsonBody] } : {};
  return createRoute({ ...config, ...middleware }) as R;
}

/**
 * A JSON response (or request content) of a schema.
 *
 * @example responses: { 200: json(brand, 'The brand') }
 */
export function json<const T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/**
 * A required JSON request body.
 *
 * @example request: { body: body(brandCreate) }
 */
export function body<const T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

/** A response without a body. */
export const noContent = { description: 'Done; no body.' } as const;

const errorMeanings = {
  400: 'Bad input: `malformed_json`, `invalid_request` (details.issues: [{path, message}]).',
  401: '`unauthorized`: missing or wrong admin token or Zendesk JWT.',
  403: '`forbidden`.',
  404: '`not_found`.',
  409: 'Conflicts with stored state: `in_use`, `duplicate_name`, `duplicate_id`, `invalid_status`, `rule_not_editable`.',
  412: '`version_mismatch` (details.current_version): If-Match is stale, or someone saved first.',
  413: '`payload_too_large`.',
  415: '`unsupported_media_type`: send JSON.',
  422: '`cannot_publish`, `invalid_reference`, `channel_not_in_brand`, `invalid_rule`, `context_error`.',
  428: '`precondition_required`: send If-Match.',
  429: '`rate_limited` (Retry-After); `too_many_streams` (SSE).',
  503: '`database_unavailable` (Retry-After): retry shortly.',
} as const;

type ErrorStatus = keyof typeof errorMeanings;
type ErrorResponses<S extends ErrorStatus> = {
  [K in S]: { description: string; content: { 'application/json': { schema: typeof errorBody } } };
};

/**
 * The error responses a route can give, each `{"error": {"code", "message", "details"?}}`.
 *
 * @example responses: { 200: json(brand, 'The brand'), ...errors(404) }
 */
export function errors<const S extends ErrorStatus>(...statuses: S[]): ErrorResponses<S> {
  return Object.fromEntries(
    statuses.map((status) => [status, json(errorBody, errorMeanings[status])]),
  ) as ErrorResponses<S>;
}

/** `{id}` in a path. */
export const idParam = z.object({ id: z.string() });

/** The errors every admin route can give besides its own. */
const adminErrors = [401, 503] as const;

const listWithQuery = <const Path extends string, Item extends z.ZodType, Query extends z.ZodObject>(
  path: Path,
  tag: string,
  summary: string,
  item: Item,
  query: Query,
) =>
  route({
    method: 'get',
    path,
    tags: [tag],
    summary,
    request: { query },
    responses: { 200: json(z.array(item), `The ${tag.toLowerCase()}.`), ...errors(400, ...adminErrors) },
  });

const listAll = <const Path extends string, Item extends z.ZodType>(
  path: Path,
  tag: string,
  summary: string,
  item: Item,
) =>
  route({
    method: 'get',
    path,
    tags: [tag],
    summary,
    responses: { 200: json(z.array(item), `The ${tag.toLowerCase()}.`), ...errors(...adminErrors) },
  });

/**
 * The five routes of a stored resource: list (with `query` filters, if any), create, read, change, delete.
 *
 * @example const routes = resourceRoutes('/brands', 'Brands', { item: brand, create: brandCreate, patch: brandPatch })
 */
export function resourceRoutes<
  const Path extends string,
  Item extends z.ZodType,
  Create extends z.ZodType,
  Patch extends z.ZodType,
  Query extends z.ZodObject | undefined = undefined,
>(
  path: Path,
  tag: string,
  schemas: { item: Item; create: Create; patch: Patch; query?: Query },
  notes: { remove: string; create?: string; list?: string } = {
    remove: 'Delete it (409 `in_use` while used).',
  },
) {
  const tags = [tag];
  const summary = notes.list ?? `List the ${tag.toLowerCase()}.`;
  type List = Query extends z.ZodObject
    ? ReturnType<typeof listWithQuery<Path, Item, Query>>
    : ReturnType<typeof listAll<Path, Item>>;
  return {
    list: (schemas.query
      ? listWithQuery(path, tag, summary, schemas.item, schemas.query)
      : listAll(path, tag, summary, schemas.item)) as List,
    create: route({
      method: 'post',
      path,
      tags,
      summary: notes.create ?? 'Create one.',
      request: { body: body(schemas.create) },
      responses: {
        201: json(schemas.item, 'Created.'),
        ...errors(400, 409, 413, 415, 422, ...adminErrors),
      },
    }),
    get: route({
      method: 'get',
      path: `${path}/{id}`,
      tags,
      summary: 'Read one.',
      request: { params: idParam },
      responses: { 200: json(schemas.item, 'Found.'), ...errors(404, ...adminErrors) },
    }),
    update: route({
      method: 'patch',
      path: `${path}/{id}`,
      tags,
      summary: 'Change some fields.',
      request: { params: idParam, body: body(schemas.patch) },
      responses: {
        200: json(schemas.item, 'Changed.'),
        ...errors(400, 404, 409, 413, 415, 422, ...adminErrors),
      },
    }),
    remove: route({
      method: 'delete',
      path: `${path}/{id}`,
      tags,
      summary: notes.remove,
      request: { params: idParam },
      responses: { 204: noContent, ...errors(404, 409, ...adminErrors) },
    }),
  };
}
