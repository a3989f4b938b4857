/**
 * The encoder any runtime with Web streams has: gzip through `CompressionStream`. The default for prepared
 * responses when the entry gives none (the Node entry gives brotli and gzip, see node-encoders.ts).
 */
import type { RulesEncoders } from './rules-response.ts';

/**
 * Gzip only.
 *
 * @example new RulesResponder({ maxAge: 30, encoders: webEncoders })
 */
export const webEncoders: RulesEncoders = {
  gzip: async (body) => {
    const stream = new Blob([body as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new CompressionStream('gzip'));
    const chunks: Uint8Array[] = [];
    let length = 0;
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
      chunks.push(chunk);
      length += chunk.byteLength;
    }
    const out = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out;
  },
};
