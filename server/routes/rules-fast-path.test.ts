/**
 * The rules fast path (in front of the app) and the ordinary route (through Hono and its middleware)
 * answer the same status, headers and bytes, on a real Node server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeServer, type NodeServer } from '../node.ts';
import { rulesChannelOf } from './rules-fast-path.ts';

let directory: string;
let server: NodeServer;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'proactive-fast-path-'));
  server = await startNodeServer({ port: 0, databaseUrl: join(directory, 'p.db'), adminToken: 'token' });
});

afterAll(async () => {
  await server?.close();
  await rm(directory, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const transport = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

function normalised(status: number, headers: Iterable<[string, string]>, body: Buffer): Answer {
  const kept: Record<string, string> = {};
  for (const [name, value] of headers)
    if (!transport.has(name.toLowerCase())) kept[name.toLowerCase()] = value;
  return { status, headers: kept, body: body.toString('base64') };
}

/** Over HTTP, bytes as sent (the fast path answers these once the snapshot is in memory). */
function overHttp(path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(`${server.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve(
          normalised(
            response.statusCode ?? 0,
            Object.entries(response.headers).map(([name, value]) => [name, String(value)]),
            Buffer.concat(chunks),
          ),
        ),
      );
    })
      .on('error', reject)
      .end();
  });
}

/** Through the Hono app and its middleware: the ordinary route. */
async function throughApp(path: string, headers: Record<string, string>): Promise<Answer> {
  const response = await server.proactive.app.request(path, { headers });
  return normalised(response.status, response.headers, Buffer.from(await response.arrayBuffer()));
}

describe('rules fast path', () => {
  it('recognises rules paths only', () => {
    expect(rulesChannelOf('/widget/v1/channels/demo/rules')).toBe('demo');
    expect(rulesChannelOf('/widget/v1/channels/demo/rules?v=3')).toBe('demo');
    expect(rulesChannelOf('/widget/v1/channels/demo/rulesx')).toBeNull();
    expect(rulesChannelOf('/widget/v1/channels/demo/rules/x')).toBeNull();
    expect(rulesChannelOf('/widget/v1/channels/de%20mo/rules')).toBeNull();
    expect(rulesChannelOf('/widget/v1/channels//rules')).toBeNull();
    expect(rulesChannelOf('/widget/v1/events')).toBeNull();
  });

  it('answers exactly what the ordinary route answers, 200 and 304, in every coding', async () => {
    const path = '/widget/v1/channels/demo/rules';
    await throughApp(path, {});
    // The snapshot is in memory; let its compression finish.
    await expect
      .poll(() => server.proactive.serveRules('GET', path, 'br', null)?.headers['Content-Encoding'])
      .toBe('br');
    const etags: string[] = [];
    for (const accept of ['gzip, deflate, br', 'gzip', 'identity', '']) {
      const headers: Record<string, string> = accept ? { 'accept-encoding': accept } : {};
      const fast = await overHttp(path, headers);
      expect(server.proactive.serveRules('GET', path, accept, null)).not.toBeNull();
      expect(fast).toEqual(await throughApp(path, headers));
      expect(fast.status).toBe(200);
      etags.push(fast.headers.etag!);
      const conditional = { ...headers, 'if-none-match': fast.headers.etag! };
      const notModified = await overHttp(`${path}?cache=bust`, conditional);
      expect(notModified).toEqual(await throughApp(`${path}?cache=bust`, conditional));
      expect(notModified.status).toBe(304);
      expect(notModified.headers['content-type']).toBeUndefined();
    }
    expect(new Set(etags).size).toBe(3);
  });

  it('leaves unknown channels and other methods to the ordinary route', async () => {
    expect(server.proactive.serveRules('GET', '/widget/v1/channels/nope/rules', null, null)).toBeNull();
    expect(server.proactive.serveRules('HEAD', '/widget/v1/channels/demo/rules', null, null)).toBeNull();
    const missing = await overHttp('/widget/v1/channels/nope/rules', {});
    expect(missing.status).toBe(404);
    expect(missing.headers['access-control-allow-origin']).toBe('*');
  });
});
