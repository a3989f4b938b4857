import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { staticRoutes, type AssetSource } from './static.ts';

const widget = new TextEncoder().encode(`(()=>{${'console.log("proactive:");'.repeat(200)}})();`);
const files: Record<string, Uint8Array> = {
  'dist/widget.js': widget,
  'dist/widget.js.br': brotliCompressSync(widget),
  'dist/widget.js.gz': gzipSync(widget),
  'assets/iframe.html': new TextEncoder().encode('<!doctype html><title>Proactive</title>'),
  'assets/static/logo.png': new Uint8Array([137, 80, 78, 71]),
  'assets/static/logo.png.gz': gzipSync(new Uint8Array([137, 80, 78, 71])),
};
const memory: AssetSource = { read: async (path) => files[path] ?? null };
const app = staticRoutes(memory);

const get = (path: string, acceptEncoding?: string) =>
  app.request(path, acceptEncoding === undefined ? {} : { headers: { 'accept-encoding': acceptEncoding } });
const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe('precompressed static files', () => {
  it('sends the brotli twin to a browser that accepts it', async () => {
    const response = await get('/widget.js', 'gzip, deflate, br, zstd');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(brotliDecompressSync(await bytesOf(response))).toEqual(Buffer.from(widget));
  });

  it('falls back to gzip, then to the file itself, following the q-values', async () => {
    const gzip = await get('/widget.js', 'br;q=0, gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytesOf(gzip))).toEqual(Buffer.from(widget));
    for (const header of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await get('/widget.js', header);
      expect(plain.headers.get('content-encoding'), header).toBeNull();
      expect(plain.headers.get('vary'), header).toBe('Accept-Encoding');
      expect(await bytesOf(plain), header).toEqual(widget);
    }
  });

  it('sends a file without twins as it is, and never a twin of an incompressible type', async () => {
    const html = await get('/admin/', 'br, gzip');
    expect(html.headers.get('content-encoding')).toBeNull();
    expect(html.headers.get('vary')).toBe('Accept-Encoding');
    expect(await html.text()).toContain('<title>Proactive</title>');
    const png = await get('/admin/static/logo.png', 'gzip');
    expect(png.headers.get('content-encoding')).toBeNull();
    expect(png.headers.get('vary')).toBeNull();
    expect(await bytesOf(png)).toEqual(files['assets/static/logo.png']);
  });

  it('sends every file as it is when the host compresses (precompressed: false)', async () => {
    const response = await staticRoutes(memory, { precompressed: false }).request('/widget.js', {
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await bytesOf(response)).toEqual(widget);
  });

  it('still answers 404 for missing files and paths leaving the folder', async () => {
    expect((await get('/widget/widget-panel.js', 'br')).status).toBe(404);
    expect((await get('/admin/static/none.js', 'br')).status).toBe(404);
    expect((await get('/admin/%2e%2e/dist/widget.js', 'br')).status).toBe(404);
    const unbuilt = await staticRoutes({ read: async () => null }).request('/widget.js');
    expect(unbuilt.status).toBe(404);
    expect(await unbuilt.json()).toMatchObject({ error: { code: 'not_built' } });
  });
});
