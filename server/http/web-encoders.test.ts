import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { webEncoders } from './web-encoders.ts';

describe('webEncoders', () => {
  it('gzips through CompressionStream, smaller and back to the same bytes', async () => {
    const body = new TextEncoder().encode(
      JSON.stringify({ messages: Array(200).fill({ greeting: 'Hello 👋' }) }),
    );
    const encoded = await webEncoders.gzip!(body);
    expect(encoded.byteLength).toBeLessThan(body.byteLength / 5);
    expect(new Uint8Array(gunzipSync(encoded))).toEqual(body);
  });
});
