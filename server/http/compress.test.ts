import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { openNodeStorage } from '../storage/node-storage.ts';
import { COMPRESS_MIN_BYTES, compressResponses } from './compress.ts';

const big = { items: Array.from({ length: 200 }, (_, index) => ({ index, name: `item ${index}` })) };

function testApp() {
  const app = new Hono();
  app.use('*', compressResponses());
  app.get('/big', (c) => c.json(big));
  app.get('/small', (c) => c.json({ ok: true }));
  app.get('/stream', (c) => streamSSE(c, async (stream) => stream.writeSSE({ data: 'x'.repeat(4096) })));
  return app;
}

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe('compressResponses', () => {
  it('gzips JSON of 1 KB or more when the client accepts it, with Vary', async () => {
    expect(JSON.stringify(big).length).toBeGreaterThan(COMPRESS_MIN_BYTES);
    const response = await testApp().request('/big', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(JSON.parse(gunzipSync(await bytesOf(response)).toString('utf8'))).toEqual(big);
  });

  it('sends JSON as it is to a client that accepts no compression, still with Vary', async () => {
    const response = await testApp().request('/big');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(await response.json()).toEqual(big);
  });

  it('leaves bodies under 1 KB and event streams alone', async () => {
    const app = testApp();
    const small = await app.request('/small', { headers: { 'accept-encoding': 'gzip' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    const stream = await app.request('/stream', { headers: { 'accept-encoding': 'gzip' } });
    expect(stream.headers.get('content-encoding')).toBeNull();
    expect(await stream.text()).toContain('x'.repeat(4096));
  });

  it('compresses the API of the real app (the OpenAPI document)', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'proactive-compress-'));
    const storage = await openNodeStorage(join(directory, 'p.db'));
    const { app, dispose } = createApp({ repository: storage.repository, bus: storage.bus, adminToken: 't' });
    try {
      const response = await app.request('/api/v1/openapi.json', { headers: { 'accept-encoding': 'gzip' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe('gzip');
      expect(JSON.parse(gunzipSync(await bytesOf(response)).toString('utf8'))).toHaveProperty('openapi');
    } finally {
      dispose();
      await storage.repository.close();
      await rm(directory, { recursive: true, force: true });
    }
  });
});
