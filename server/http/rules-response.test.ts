import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../domain/snapshot.ts';
import { RulesResponder, type RulesEncoders } from './rules-response.ts';

const body = new TextEncoder().encode(JSON.stringify({ messages: 'x'.repeat(2000) }));
const snapshot = {
  body,
  etag: '"v1"',
  version: 'v1',
  parts: { channelId: 'web' },
} as unknown as Snapshot;

/** Encoders that tag the body instead of compressing it (smaller, and recognisable). */
const encoders: RulesEncoders = {
  br: async () => new TextEncoder().encode('BR'),
  gzip: async () => new TextEncoder().encode('GZ'),
};

/** The headers every rules response had before responses were prepared (pinned from the old route). */
const before = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag',
  'Cache-Control': 'public, max-age=30, stale-while-revalidate=300, stale-if-error=86400',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Strict-Transport-Security': 'max-age=15552000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
};

async function settled() {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('RulesResponder', () => {
  it('without encoders (Workers) sends exactly the headers the route always sent', () => {
    const responder = new RulesResponder({ maxAge: 30 });
    const ok = responder.reply(snapshot, 'gzip, br', null);
    expect(ok.status).toBe(200);
    expect(ok.body).toBe(body);
    expect(ok.headers).toEqual({
      ...before,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(body.byteLength),
      ETag: '"v1"',
    });
    const notModified = responder.reply(snapshot, 'gzip, br', '"v1"');
    expect(notModified).toEqual({ status: 304, headers: { ...before, ETag: '"v1"' }, body: null });
  });

  it('picks brotli, then gzip, then identity from Accept-Encoding, with an ETag per coding', async () => {
    const responder = new RulesResponder({ maxAge: 30, encoders });
    responder.prepare(snapshot);
    // Until the encoders finish, identity goes out whatever is accepted.
    expect(responder.reply(snapshot, 'gzip, br', null).headers['Content-Encoding']).toBeUndefined();
    await settled();
    const cases: Array<[string | null, string | undefined, string, string]> = [
      ['gzip, deflate, br, zstd', 'br', '"v1-br"', 'BR'],
      ['gzip', 'gzip', '"v1-gz"', 'GZ'],
      ['br;q=0, gzip;q=0.5', 'gzip', '"v1-gz"', 'GZ'],
      ['identity', undefined, '"v1"', new TextDecoder().decode(body)],
      [null, undefined, '"v1"', new TextDecoder().decode(body)],
    ];
    for (const [accept, coding, etag, text] of cases) {
      const reply = responder.reply(snapshot, accept, null);
      expect(reply.headers['Content-Encoding']).toBe(coding);
      expect(reply.headers.ETag).toBe(etag);
      expect(reply.headers.Vary).toBe('Accept-Encoding');
      expect(reply.headers['Content-Length']).toBe(String(reply.body!.byteLength));
      expect(new TextDecoder().decode(reply.body!)).toBe(text);
    }
  });

  it("answers 304 to any of the snapshot's ETags (weak, listed or *) with that ETag and no body", async () => {
    const responder = new RulesResponder({ maxAge: 30, encoders });
    responder.prepare(snapshot);
    await settled();
    const cases: Array<[string, string]> = [
      ['"v1-br"', '"v1-br"'],
      ['"v1-gz"', '"v1-gz"'],
      ['"v1"', '"v1"'],
      ['W/"v1-gz"', '"v1-gz"'],
      ['"old", "v1-br"', '"v1-br"'],
      ['*', '"v1"'],
    ];
    for (const [ifNoneMatch, etag] of cases) {
      const reply = responder.reply(snapshot, 'br', ifNoneMatch);
      expect(reply).toEqual({
        status: 304,
        headers: { ...before, Vary: 'Accept-Encoding', ETag: etag },
        body: null,
      });
    }
    expect(responder.reply(snapshot, 'br', '"v0"').status).toBe(200);
  });

  it('keeps identity when an encoder fails or saves nothing', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const responder = new RulesResponder({
        maxAge: 30,
        encoders: { br: async () => Promise.reject(new Error('no')), gzip: async (bytes) => bytes },
      });
      responder.prepare(snapshot);
      await settled();
      const reply = responder.reply(snapshot, 'gzip, br', null);
      expect(reply.headers['Content-Encoding']).toBeUndefined();
      expect(reply.body).toBe(body);
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });

  it('prepares each snapshot once', () => {
    const responder = new RulesResponder({ maxAge: 5 });
    expect(responder.reply(snapshot, null, null)).toBe(responder.reply(snapshot, null, null));
    expect(responder.reply(snapshot, null, null).headers['Cache-Control']).toBe(
      'public, max-age=5, stale-while-revalidate=50, stale-if-error=86400',
    );
  });

  it('compresses a snapshot only if it is still current when its turn comes', async () => {
    const encoded: string[] = [];
    const counting: RulesEncoders = {
      gzip: async (bytes) => (encoded.push(new TextDecoder().decode(bytes).slice(0, 10)), new Uint8Array(1)),
    };
    const version = (text: string) => ({ ...snapshot, body: new TextEncoder().encode(text) }) as Snapshot;
    const [first, second] = [version('first ...'), version('second ...')];
    let current = first;
    const responder = new RulesResponder({
      maxAge: 30,
      encoders: counting,
      isCurrent: (candidate) => candidate === current,
    });
    responder.prepare(first);
    responder.prepare(second);
    current = second;
    await settled();
    expect(encoded).toEqual(['second ...']);
    expect(responder.reply(first, 'gzip', null).headers['Content-Encoding']).toBeUndefined();
    expect(responder.reply(second, 'gzip', null).headers['Content-Encoding']).toBe('gzip');
  });
});
