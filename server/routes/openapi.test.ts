import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ProactiveApp } from '../app.ts';
import { createMemoryBus } from '../domain/bus.ts';
import { openNodeStorage, type NodeStorage } from '../storage/node-storage.ts';

let storage: NodeStorage;
let proactive: ProactiveApp;

type Operation = {
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  parameters?: { name: string; in: string }[];
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

/** Hono's path syntax in OpenAPI's: `:id` and `:file{regex}` -> `{id}`, a trailing `*` -> `{path}`. */
const asOpenApiPath = (path: string) =>
  path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}').replace(/\/\*$/, '/{path}');

beforeAll(async () => {
  storage = await openNodeStorage('pglite:');
  proactive = createApp({
    repository: storage.repository,
    bus: createMemoryBus(),
    adminToken: 'token',
    assets: { read: async () => null },
  });
}, 60_000);
afterAll(async () => {
  proactive.dispose();
  await storage.repository.close();
});

async function document(): Promise<Document> {
  const response = await proactive.app.request('/api/v1/openapi.json');
  expect(response.status).toBe(200);
  return (await response.json()) as Document;
}

describe('the OpenAPI document', () => {
  it("lists exactly the app's routes (app.routes), both ways", async () => {
    const served = new Set(
      proactive.app.routes
        .filter((route) => route.method !== 'ALL')
        .map((route) => `${route.method} ${asOpenApiPath(route.path)}`),
    );
    const { openapi, paths } = await document();
    expect(openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    expect(
      [...served].filter((route) => !documented.has(route)),
      'served but not documented',
    ).toEqual([]);
    expect(
      [...documented].filter((route) => !served.has(route)),
      'documented but not served',
    ).toEqual([]);
    expect(served.size).toBeGreaterThan(40);
  });

  it('gives every operation its path parameters, request body and response schemas', async () => {
    const { paths } = await document();
    const bodiless = /\/(publish|pause|resume|clone)$/;
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        const params = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect(declared.sort(), where).toEqual(params.sort());
        if ((method === 'post' || method === 'patch') && !bodiless.test(path)) {
          expect(operation.requestBody?.content['application/json']?.schema, where).toBeTruthy();
        }
        const success = Object.entries(operation.responses).filter(([status]) => /^[23]/.test(status));
        expect(success.length, where).toBeGreaterThan(0);
        for (const [status, response] of success) {
          if (['204', '301', '302', '304'].includes(status)) continue;
          const schemas = Object.values(response.content ?? {}).map((content) => content.schema);
          expect(schemas.length > 0 && schemas.every(Boolean), `${where} ${status}`).toBe(true);
        }
        for (const [status, response] of Object.entries(operation.responses)) {
          if (!/^[45]/.test(status)) continue;
          expect(response.content?.['application/json']?.schema, `${where} ${status}`).toEqual({
            $ref: '#/components/schemas/Error',
          });
        }
      }
    }
  });

  it('describes response bodies from the same schemas the client types come from', async () => {
    const { paths } = await document();
    const schemaOf = (path: string, method: string, status: string) =>
      paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema;
    expect(schemaOf('/api/v1/messages/{id}', 'get', '200')).toEqual({ $ref: '#/components/schemas/Message' });
    expect(schemaOf('/widget/v1/channels/{channel_id}/rules', 'get', '200')).toEqual({
      $ref: '#/components/schemas/ChannelRules',
    });
    expect(schemaOf('/api/v1/messages/{id}/stats', 'get', '200')).toEqual({
      $ref: '#/components/schemas/MessageStats',
    });
  });
});
