import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeEncoders } from './node-encoders.ts';

describe('nodeEncoders', () => {
  it('brotli and gzip, for small and large bodies, decode to the same bytes', async () => {
    for (const count of [20, 20_000]) {
      const body = new TextEncoder().encode(JSON.stringify(Array(count).fill({ greeting: 'Hello 👋' })));
      const br = await nodeEncoders.br!(body);
      const gzip = await nodeEncoders.gzip!(body);
      expect(br.byteLength).toBeLessThan(body.byteLength);
      expect(new Uint8Array(brotliDecompressSync(br))).toEqual(body);
      expect(new Uint8Array(gunzipSync(gzip))).toEqual(body);
    }
  });
});
