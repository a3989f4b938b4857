/**
 * The OpenAPI 3.1 document (request bodies generated from the zod schemas the routes validate with) and
 * `/api/docs`, a static, readable HTML page generated from it (no CDN, no script).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import * as schemas from '@proactive/contract/admin';

interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  auth?: boolean;
  status?: number;
  ifMatch?: boolean;
}

const operations: Operation[] = [
  { method: 'get', path: '/health', summary: 'Liveness: {"status": "ok"}.', tag: 'Health', auth: false },
  ...(['brands', 'schedules', 'channels', 'bots'] as const).flatMap((resource): Operation[] => {
    const create = {
      brands: schemas.brandCreate,
      schedules: schemas.scheduleCreate,
      channels: schemas.channelCreate,
      bots: schemas.botCreate,
    }[resource];
    const patch = {
      brands: schemas.brandPatch,
      schedules: schemas.schedulePatch,
      channels: schemas.channelPatch,
      bots: schemas.botPatch,
    }[resource];
    const tag = resource[0]!.toUpperCase() + resource.slice(1);
    return [
      { method: 'get', path: `/api/v1/${resource}`, summary: `List ${resource}.`, tag },
      {
        method: 'post',
        path: `/api/v1/${resource}`,
        summary: `Create one of the ${resource}.`,
        tag,
        body: create,
        status: 201,
      },
      { method: 'get', path: `/api/v1/${resource}/{id}`, summary: 'Read one.', tag },
      { method: 'patch', path: `/api/v1/${resource}/{id}`, summary: 'Change some fields.', tag, body: patch },
      {
        method: 'delete',
        path: `/api/v1/${resource}/{id}`,
        summary: 'Delete (409 while still in use).',
        tag,
        status: 204,
      },
    ];
  }),
  { method: 'get', path: '/api/v1/bots/{id}/answers', summary: "List a bot's answers.", tag: 'Bots' },
  {
    method: 'post',
    path: '/api/v1/bots/{id}/answers',
    summary: 'Add an answer.',
    tag: 'Bots',
    body: schemas.answerCreate,
    status: 201,
  },
  { method: 'get', path: '/api/v1/bots/{id}/answers/{answer_id}', summary: 'Read an answer.', tag: 'Bots' },
  {
    method: 'patch',
    path: '/api/v1/bots/{id}/answers/{answer_id}',
    summary: 'Change an answer.',
    tag: 'Bots',
    body: schemas.answerPatch,
  },
  {
    method: 'delete',
    path: '/api/v1/bots/{id}/answers/{answer_id}',
    summary: 'Delete an answer.',
    tag: 'Bots',
    status: 204,
  },
  {
    method: 'get',
    path: '/api/v1/messages',
    summary:
      'List proactive messages with status, channel, sent, opened, replied, updated_at. Filters: ?status=&channel_id=&brand_id=.',
    tag: 'Messages',
  },
  {
    method: 'post',
    path: '/api/v1/messages',
    summary: 'Create a draft.',
    tag: 'Messages',
    body: schemas.messageCreate,
    status: 201,
  },
  {
    method: 'get',
    path: '/api/v1/messages/{id}',
    summary: 'Read a message (ETag is its version).',
    tag: 'Messages',
  },
  {
    method: 'patch',
    path: '/api/v1/messages/{id}',
    summary:
      'Edit. Requires If-Match: <version> (428 without, 412 when stale). "rules" (text) or "rule" (AST); tags, time_of_day and frequency are views of the rule. Invalid rules are saved with their diagnostics (status contains_errors).',
    tag: 'Messages',
    body: schemas.messagePatch,
    ifMatch: true,
  },
  { method: 'delete', path: '/api/v1/messages/{id}', summary: 'Delete.', tag: 'Messages', status: 204 },
  {
    method: 'post',
    path: '/api/v1/messages/{id}/publish',
    summary: 'Go live (422 with diagnostics and problems when it cannot).',
    tag: 'Messages',
  },
  {
    method: 'post',
    path: '/api/v1/messages/{id}/pause',
    summary: 'Take a live message off the widget.',
    tag: 'Messages',
  },
  {
    method: 'post',
    path: '/api/v1/messages/{id}/resume',
    summary: 'Put a paused message back live.',
    tag: 'Messages',
  },
  {
    method: 'post',
    path: '/api/v1/messages/{id}/clone',
    summary: 'Copy as a new draft.',
    tag: 'Messages',
    status: 201,
  },
  {
    method: 'get',
    path: '/api/v1/messages/{id}/stats',
    summary: 'Totals and a daily series of sent/opened/dismissed/replied. ?from=YYYY-MM-DD&to=YYYY-MM-DD.',
    tag: 'Messages',
  },
  {
    method: 'post',
    path: '/api/v1/dsl/check',
    summary: 'Diagnostics of a rule text.',
    tag: 'Rule language',
    body: schemas.dslSource,
  },
  {
    method: 'post',
    path: '/api/v1/dsl/format',
    summary: 'Canonical text of a rule.',
    tag: 'Rule language',
    body: schemas.dslSource,
  },
  {
    method: 'post',
    path: '/api/v1/dsl/explain',
    summary:
      'Evaluate a rule against a visitor context (the CLI eval context JSON): fires + explanation tree.',
    tag: 'Rule language',
    body: schemas.dslExplain,
  },
  {
    method: 'get',
    path: '/api/v1/conversations',
    summary: 'Conversations (tickets) from proactive messages, newest first.',
    tag: 'Conversations',
  },
  {
    method: 'get',
    path: '/api/v1/conversations/{id}',
    summary: 'A conversation with its messages.',
    tag: 'Conversations',
  },
  {
    method: 'post',
    path: '/api/v1/conversations/{id}/messages',
    summary: 'Agent reply (reaches the widget).',
    tag: 'Conversations',
    body: schemas.agentReply,
    status: 201,
  },
  {
    method: 'get',
    path: '/widget/v1/channels/{channel_id}/rules',
    summary:
      "The channel's live messages, compiled, in order (ChannelRules). Strong ETag; If-None-Match -> 304.",
    tag: 'Widget',
    auth: false,
  },
  {
    method: 'post',
    path: '/widget/v1/events',
    summary: 'Interaction events, one or {events: [...]} (text/plain accepted for sendBeacon) -> 202.',
    tag: 'Widget',
    body: schemas.widgetEvents,
    auth: false,
    status: 202,
  },
  {
    method: 'post',
    path: '/widget/v1/conversations',
    summary: 'Hand the visitor to an agent -> 201 {conversation_id}.',
    tag: 'Widget',
    body: schemas.startConversation,
    auth: false,
    status: 201,
  },
  {
    method: 'get',
    path: '/widget/v1/conversations/{id}/messages',
    summary: 'Poll messages; ?after=<message id>.',
    tag: 'Widget',
    auth: false,
  },
  {
    method: 'post',
    path: '/widget/v1/conversations/{id}/messages',
    summary: 'The visitor writes again.',
    tag: 'Widget',
    body: schemas.visitorMessage,
    auth: false,
    status: 201,
  },
  {
    method: 'get',
    path: '/widget/v1/conversations/{id}/stream',
    summary: 'Server-sent events: one "message" event per new message.',
    tag: 'Widget',
    auth: false,
  },
  { method: 'get', path: '/widget.js', summary: 'The widget script.', tag: 'Widget', auth: false },
];

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

function jsonSchema(schema: z.ZodType): unknown {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', cycles: 'ref' });
  } catch {
    return { type: 'object' };
  }
}

/**
 * Builds the OpenAPI document.
 *
 * @example openApiDocument().paths['/api/v1/messages']
 */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const parameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (operation.ifMatch)
      parameters.push({ name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } });
    const success = String(operation.status ?? 200);
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = {
      summary: operation.summary,
      tags: [operation.tag],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(operation.auth === false ? { security: [] } : {}),
      ...(operation.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(operation.body) } },
            },
          }
        : {}),
      responses: {
        [success]: { description: 'Success' },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Proactive API',
      version: '1',
      description:
        'Proactive messages for a website chat widget. Admin routes need "Authorization: Bearer <admin token>" (or a Zendesk app signed JWT). Errors are {"error": {"code", "message", "details"?}}.',
    },
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example escapeHtml('<b>') // '&lt;b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Renders the docs page from the OpenAPI document: every operation with its summary and body schema.
 *
 * @example const html = docsPage(openApiDocument())
 */
export function docsPage(document: ReturnType<typeof openApiDocument>): string {
  const sections = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const operation = raw as {
        summary: string;
        tags: string[];
        requestBody?: { content: Record<string, { schema: unknown }> };
        security?: unknown[];
      };
      const tag = operation.tags[0] ?? 'Other';
      const body = operation.requestBody?.content['application/json']?.schema;
      const item = `<section class="op"><h3><span class="m ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code>${
        operation.security ? ' <span class="pub">public</span>' : ''
      }</h3><p>${escapeHtml(operation.summary)}</p>${
        body
          ? `<details><summary>Request body schema</summary><pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre></details>`
          : ''
      }</section>`;
      sections.set(tag, [...(sections.get(tag) ?? []), item]);
    }
  }
  const nav = [...sections.keys()]
    .map((tag) => `<a href="#${escapeHtml(tag.replace(/\W+/g, '-'))}">${escapeHtml(tag)}</a>`)
    .join(' · ');
  const content = [...sections.entries()]
    .map(
      ([tag, items]) =>
        `<h2 id="${escapeHtml(tag.replace(/\W+/g, '-'))}">${escapeHtml(tag)}</h2>${items.join('')}`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:24px;color:#2f3941}h1{margin-top:0}
code,pre{font:13px ui-monospace,monospace}pre{background:#f8f9f9;padding:12px;overflow:auto;border-radius:4px}
.op{border-top:1px solid #d8dcde;padding:8px 0}.op h3{font-size:15px;margin:8px 0}.m{display:inline-block;min-width:60px;font-size:12px;padding:2px 6px;border-radius:4px;background:#e9ebed;text-align:center}
.get{background:#d1e8df}.post{background:#cee2f2}.patch{background:#fff0c4}.delete{background:#f5d5d8}.pub{font-size:12px;color:#68737d}nav{margin-bottom:16px}</style></head>
<body><h1>${escapeHtml(document.info.title)}</h1><p>${escapeHtml(document.info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></p><nav>${nav}</nav>${content}</body></html>`;
}

/**
 * `GET /api/v1/openapi.json` and `GET /api/docs` (both public).
 *
 * @example app.route('/', openApiRoutes())
 */
export function openApiRoutes() {
  const document = openApiDocument();
  const html = docsPage(document);
  return new Hono()
    .get('/api/v1/openapi.json', (c) => c.json(document))
    .get('/api/docs', (c) => {
      c.header(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      );
      return c.html(html);
    });
}
