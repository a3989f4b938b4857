/**
 * The widget rules response, prepared once per snapshot: the body in identity and in every content coding
 * the server has an encoder for (compressed in the background; until a coding is ready, identity goes
 * out), a strong ETag per coding, and every header (security, CORS, cache, `Vary`) as one plain record.
 * Serving is then a lookup: pick the coding from Accept-Encoding, answer 304 when If-None-Match holds one
 * of the snapshot's ETags. No header is edited per request.
 */
import { parseAccept } from 'hono/utils/accept';
import type { Snapshot } from '../domain/snapshot.ts';
import { securityHeaders } from './security-headers.ts';

export type ContentCoding = 'br' | 'gzip';

/** Compresses a body into one content coding. */
export type Encoder = (body: Uint8Array) => Promise<Uint8Array>;

/** The codings a server can produce (none: identity only, e.g. behind an edge that compresses). */
export type RulesEncoders = Partial<Record<ContentCoding, Encoder>>;

/** A ready response: status, headers and body (null for 304). */
export interface RulesReply {
  status: 200 | 304;
  headers: Readonly<Record<string, string>>;
  body: Uint8Array | null;
}

type Coding = ContentCoding | 'identity';

/** Preference order when several codings are accepted: smallest first. */
const preference: readonly ContentCoding[] = ['br', 'gzip'];
const suffixes: Record<Coding, string> = { identity: '', br: '-br', gzip: '-gz' };

interface Representation {
  etag: string;
  ok: RulesReply | null;
  notModified: RulesReply;
}

/**
 * The CORS headers of the widget rules: readable from any origin, ETag exposed, loadable cross-origin.
 */
export const rulesCorsHeaders: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/** One snapshot's representations. */
class PreparedRules {
  readonly #representations = new Map<Coding, Representation>();
  readonly #codings: readonly ContentCoding[];

  constructor(
    snapshot: Snapshot,
    common: Record<string, string>,
    encoders: RulesEncoders,
    stillLatest: () => boolean,
  ) {
    this.#codings = preference.filter((coding) => encoders[coding]);
    const vary: Record<string, string> = this.#codings.length > 0 ? { Vary: 'Accept-Encoding' } : {};
    const base = snapshot.etag.slice(0, -1);
    for (const coding of ['identity', ...this.#codings] as const) {
      const etag = `${base}${suffixes[coding]}"`;
      this.#representations.set(coding, {
        etag,
        ok: null,
        notModified: { status: 304, headers: { ...common, ...vary, ETag: etag }, body: null },
      });
    }
    const ready = (coding: Coding, body: Uint8Array) => {
      const representation = this.#representations.get(coding) as Representation;
      representation.ok = {
        status: 200,
        headers: {
          ...common,
          ...vary,
          'Content-Type': 'application/json; charset=utf-8',
          ...(coding === 'identity' ? {} : { 'Content-Encoding': coding }),
          'Content-Length': String(body.byteLength),
          ETag: representation.etag,
        },
        body,
      };
    };
    ready('identity', snapshot.body);
    if (this.#codings.length === 0) return;
    // After the current turn (the change's answer and first reads go out first), and only if the snapshot
    // is still the one served: a burst of patches compresses its last snapshot only.
    setTimeout(() => {
      if (!stillLatest()) return;
      for (const coding of this.#codings) {
        (encoders[coding] as Encoder)(snapshot.body).then(
          // A coding that saves nothing is not worth sending: identity stays the answer.
          (encoded) => encoded.byteLength < snapshot.body.byteLength && ready(coding, encoded),
          (error: unknown) => console.error(`could not ${coding}-encode widget rules`, error),
        );
      }
    }, 0);
  }

  reply(acceptEncoding: string | null | undefined, ifNoneMatch: string | null | undefined): RulesReply {
    if (ifNoneMatch) {
      for (const representation of this.#representations.values()) {
        if (ifNoneMatch === representation.etag) return representation.notModified;
      }
      const matched = this.#matching(ifNoneMatch);
      if (matched) return matched.notModified;
    }
    if (acceptEncoding && this.#codings.length > 0) {
      for (const coding of acceptedCodings(acceptEncoding)) {
        const ok = this.#representations.get(coding)?.ok;
        if (ok) return ok;
      }
    }
    return (this.#representations.get('identity') as Representation).ok as RulesReply;
  }

  /** The representation an If-None-Match list names (`*` and weak forms included), if any. */
  #matching(header: string): Representation | undefined {
    const identity = this.#representations.get('identity') as Representation;
    if (header.trim() === '*') return identity;
    for (const candidate of header.split(',')) {
      const tag = candidate.trim().replace(/^W\//, '');
      for (const representation of this.#representations.values()) {
        if (tag === representation.etag) return representation;
      }
    }
    return undefined;
  }
}

const acceptedCache = new Map<string, readonly ContentCoding[]>();

/** The codings an Accept-Encoding value allows, in preference order (remembered per distinct value). */
function acceptedCodings(header: string): readonly ContentCoding[] {
  let codings = acceptedCache.get(header);
  if (!codings) {
    const accepted = new Set(
      parseAccept(header)
        .filter((entry) => entry.q > 0)
        .map((entry) => entry.type.toLowerCase()),
    );
    codings = preference.filter((coding) => accepted.has(coding));
    if (acceptedCache.size >= 256) acceptedCache.clear();
    acceptedCache.set(header, codings);
  }
  return codings;
}

export interface RulesResponderOptions {
  /** `Cache-Control` max-age, seconds. */
  maxAge: number;
  encoders?: RulesEncoders;
  /**
   * Whether a snapshot is still the one its channel serves; one that is not by the time its compression
   * would start is not compressed (default: always current).
   */
  isCurrent?: (snapshot: Snapshot) => boolean;
}

/**
 * Prepares and serves the widget rules responses of snapshots (each snapshot prepared once).
 *
 * @example const responder = new RulesResponder({ maxAge: 30, encoders }); responder.reply(snapshot, 'gzip, br', null)
 */
export class RulesResponder {
  readonly #prepared = new WeakMap<Snapshot, PreparedRules>();
  readonly #common: Record<string, string>;
  readonly #encoders: RulesEncoders;
  readonly #isCurrent: (snapshot: Snapshot) => boolean;

  constructor(options: RulesResponderOptions) {
    const { maxAge } = options;
    this.#encoders = options.encoders ?? {};
    this.#isCurrent = options.isCurrent ?? (() => true);
    this.#common = {
      ...securityHeaders,
      ...rulesCorsHeaders,
      'Cache-Control': `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 10}, stale-if-error=86400`,
    };
  }

  /** Prepares a snapshot's responses now (compression starts in the background). */
  prepare(snapshot: Snapshot): void {
    this.#get(snapshot);
  }

  /** The response to a GET of the snapshot's rules with these request headers. */
  reply(
    snapshot: Snapshot,
    acceptEncoding: string | null | undefined,
    ifNoneMatch: string | null | undefined,
  ): RulesReply {
    return this.#get(snapshot).reply(acceptEncoding, ifNoneMatch);
  }

  #get(snapshot: Snapshot): PreparedRules {
    let prepared = this.#prepared.get(snapshot);
    if (!prepared) {
      const isCurrent = this.#isCurrent;
      prepared = new PreparedRules(snapshot, this.#common, this.#encoders, () => isCurrent(snapshot));
      this.#prepared.set(snapshot, prepared);
    }
    return prepared;
  }
}
