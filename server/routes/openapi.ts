/**
 * The OpenAPI 3.1 document, generated from the routes' own declarations (every route registered with
 * `openapi(...)`, plus the static files described below), and `/api/docs`, which renders it with Swagger
 * UI (swagger-ui-dist from npm, served by this server: no CDN, no inline script).
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorBody } from '@proactive/contract/admin';
import { errorBody as errorJson } from '../http/errors.ts';
import { errors, json, openApiApp, route } from '../http/openapi.ts';
import { contentType, type AssetSource } from './static.ts';

const info = {
  title: 'Proactive API',
  version: '1',
  description:
    'Proactive messages for a website chat widget. Admin routes (`/api/v1`) need `Authorization: Bearer <admin token>` (or a Zendesk app signed JWT). Errors are `{"error": {"code", "message", "details"?}}` with a stable code.',
};

const file = (description: string, type: string) => ({
  description,
  content: { [type]: { schema: z.string() } },
});

/** What `staticRoutes` (./static.ts) serves, for the document. */
const staticFiles = [
  { path: '/widget.js', summary: 'The widget script.', response: file('The script.', 'text/javascript') },
  {
    path: '/widget/{file}',
    summary: 'Lazily loaded widget chunks built next to widget.js (e.g. the conversation panel).',
    params: z.object({ file: z.string().meta({ description: 'A `.js` file name.' }) }),
    response: file('The chunk.', 'text/javascript'),
  },
  {
    path: '/admin',
    summary: 'Redirects to /admin/.',
    response: { description: 'Moved permanently.' },
    status: 301,
  },
  {
    path: '/admin/{path}',
    summary: 'The admin app (index: iframe.html) and its files.',
    params: z.object({ path: z.string() }),
    response: file('The file.', 'text/html'),
  },
  {
    path: '/demo',
    summary: 'Redirects to /demo/.',
    response: { description: 'Moved permanently.' },
    status: 301,
  },
  {
    path: '/demo/{path}',
    summary: 'The demo site with the widget embedded.',
    params: z.object({ path: z.string() }),
    response: file('The page or file.', 'text/html'),
  },
  { path: '/', summary: 'Redirects to the demo site.', response: { description: 'Found.' }, status: 302 },
];

/** The renderer's files, from swagger-ui-dist. */
const rendererFiles = ['swagger-ui.css', 'swagger-ui-bundle.js'];
const init = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#api', deepLinking: true });\n`;

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${info.title}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="api"><noscript><p>${info.title}: this page renders <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> with JavaScript.</p></noscript></div>
<script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;

const csp =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const tags = ['Documentation'];
const security: [] = [];
const routes = {
  document: route({
    method: 'get',
    path: '/api/v1/openapi.json',
    tags,
    security,
    summary: 'This document.',
    responses: { 200: json(z.looseObject({ openapi: z.string() }), 'The OpenAPI 3.1 document.') },
  }),
  page: route({
    method: 'get',
    path: '/api/docs',
    tags,
    security,
    summary: 'The document rendered for people (Swagger UI).',
    responses: { 200: file('The page.', 'text/html') },
  }),
  renderer: route({
    method: 'get',
    path: '/api/docs/{file}',
    tags,
    security,
    summary: "The page's script and style sheet.",
    request: { params: z.object({ file: z.string() }) },
    responses: { 200: file('The file.', 'text/javascript'), ...errors(404) },
  }),
};

/**
 * Adds the document's security scheme, error schema and static files to a root app's registry.
 *
 * @example describeApp(app)
 */
function describeApp(app: OpenAPIHono) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.register('Error', errorBody);
  for (const entry of staticFiles) {
    app.openAPIRegistry.registerPath({
      method: 'get',
      path: entry.path,
      tags: ['Static files'],
      security,
      summary: entry.summary,
      ...(entry.params ? { request: { params: entry.params } } : {}),
      responses: { [entry.status ?? 200]: entry.response, 404: json(errorBody, '`not_found`, `not_built`.') },
    });
  }
}

/**
 * The OpenAPI 3.1 document of an app whose routes are all registered.
 *
 * @example const document = openApiDocument(app)
 */
export function openApiDocument(app: OpenAPIHono) {
  return app.getOpenAPI31Document({ openapi: '3.1.0', info, security: [{ bearer: [] }] });
}

/**
 * `GET /api/v1/openapi.json`, `/api/docs` and the renderer's files. `document` is called once, on first
 * use, when every route is registered. Without `renderer` (swagger-ui-dist's files), the page says so.
 *
 * @example app.route('/', docsRoutes(app, nodeRenderer))
 */
export function docsRoutes(root: OpenAPIHono, renderer?: AssetSource) {
  describeApp(root);
  let document: ReturnType<typeof openApiDocument> | undefined;
  return openApiApp()
    .openapi(routes.document, (c) => c.json((document ??= openApiDocument(root)), 200))
    .openapi(routes.page, (c) => {
      c.header('Content-Security-Policy', csp);
      return c.html(page, 200);
    })
    .openapi(routes.renderer, async (c) => {
      const name = c.req.valid('param').file;
      const bytes =
        name === 'init.js'
          ? new TextEncoder().encode(init)
          : rendererFiles.includes(name)
            ? await renderer?.read(name)
            : null;
      if (!bytes) {
        return c.json(
          errorJson('not_found', `No docs file "${name.slice(0, 100)}" (is swagger-ui-dist installed?).`),
          404,
        );
      }
      c.header('Content-Type', contentType(name));
      c.header('Cache-Control', 'public, max-age=3600');
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
    });
}
