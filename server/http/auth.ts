/**
 * Admin API authentication: `Authorization: Bearer <admin token>`, or, when a Zendesk app shared secret is
 * configured, a request signed by Zendesk's request proxy for the Zendesk app: a JWT signed HS256 with the
 * app's secure `shared_secret` setting. Such a token must carry `iat` and `exp`, live at most
 * `maxLifetimeSeconds` (5 minutes by default), and name the configured issuer and audience when those are
 * set. The Zendesk settings are read from the environment by {@link zendeskOptionsFromEnv}.
 */
import type { MiddlewareHandler } from 'hono';
import { verify } from 'hono/jwt';
import { HttpError } from './errors.ts';

/** How long a Zendesk-signed token may live (`exp - iat`) unless configured: 5 minutes. */
export const defaultZafTokenLifetimeSeconds = 300;
/** Clock difference tolerated between Zendesk's proxy and this server for `iat`. */
const clockSkewSeconds = 30;

/** What a Zendesk-signed token must say besides its signature. */
export interface ZafTokenRules {
  /** Longest accepted `exp - iat`, in seconds (`PROACTIVE_ZAF_MAX_TOKEN_SECONDS`, default 300). */
  maxLifetimeSeconds?: number;
  /** Required `iss` claim (`PROACTIVE_ZAF_ISSUER`): the Zendesk account URL the app sends. */
  issuer?: string;
  /** Required `aud` claim (`PROACTIVE_ZAF_AUDIENCE`): this server's URL as the app's `server_url`. */
  audience?: string;
}

export interface AuthOptions {
  adminToken: string;
  /** `PROACTIVE_ZAF_SECRET`: when set, Zendesk signed requests are accepted too. */
  zafSecret?: string;
  zafToken?: ZafTokenRules;
}

/** The Zendesk integration settings of the app (all optional; none set means standalone only). */
export interface ZendeskOptions {
  zafSecret?: string;
  zafToken?: ZafTokenRules;
  /** Origins allowed to frame the admin app and to call the admin API from a browser (CORS). */
  zendeskOrigins?: string[];
}

/** The environment variables {@link zendeskOptionsFromEnv} reads. */
export interface ZendeskEnv {
  PROACTIVE_ZAF_SECRET?: string;
  PROACTIVE_ZAF_ISSUER?: string;
  PROACTIVE_ZAF_AUDIENCE?: string;
  PROACTIVE_ZAF_MAX_TOKEN_SECONDS?: string;
  PROACTIVE_ZENDESK_ORIGINS?: string;
}

const encoder = new TextEncoder();

/**
 * Whether two secrets are equal, in time that depends on neither their content nor their lengths: both
 * are hashed (SHA-256, Web Crypto, so Workers too) and the fixed-size digests compared byte by byte
 * without returning early.
 *
 * @example await constantTimeEqual(token, adminToken)
 */
export async function constantTimeEqual(a: string, b: string): Promise<boolean> {
  const [left, right] = await Promise.all(
    [a, b].map(async (text) => new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)))),
  );
  let difference = 0;
  for (let index = 0; index < left!.length; index++) difference |= left![index]! ^ right![index]!;
  return difference === 0;
}

const refused = (why: string) => new HttpError(401, 'unauthorized', `The Zendesk signed token ${why}.`);

/**
 * Checks a Zendesk-signed token; throws a 401 {@link HttpError} saying what is wrong with it.
 *
 * @example await verifyZafToken(jwt, 'secret', { issuer: 'https://acme.zendesk.com' })
 */
export async function verifyZafToken(
  token: string,
  secret: string,
  rules: ZafTokenRules = {},
): Promise<void> {
  let payload: Record<string, unknown>;
  try {
    payload = await verify(token, secret, {
      alg: 'HS256',
      iat: false, // checked below, with some clock skew allowed
      ...(rules.issuer ? { iss: rules.issuer } : {}),
      ...(rules.audience ? { aud: rules.audience } : {}),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'JwtTokenExpired') throw refused('has expired');
    if (/Issuer/.test(name)) throw refused(`is not from the configured issuer (${rules.issuer})`);
    if (/Aud/.test(name)) throw refused(`is not for the configured audience (${rules.audience})`);
    throw refused('is invalid (bad signature or format)');
  }
  const { iat, exp } = payload;
  if (typeof exp !== 'number') throw refused('has no "exp" (expiry) claim');
  if (typeof iat !== 'number') throw refused('has no "iat" (issued at) claim');
  const now = Math.floor(Date.now() / 1000);
  if (iat > now + clockSkewSeconds) throw refused('was issued in the future');
  const maxLifetime = rules.maxLifetimeSeconds ?? defaultZafTokenLifetimeSeconds;
  if (exp - iat > maxLifetime)
    throw refused(`lives ${exp - iat} s, longer than the ${maxLifetime} s this server accepts`);
}

/**
 * Middleware that lets a request through only with valid admin credentials; 401 JSON otherwise.
 *
 * @example app.use('/api/v1/*', adminAuth({ adminToken: 'secret' }))
 */
export function adminAuth(options: AuthOptions): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next(); // CORS preflights carry no credentials
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const token = match?.[1];
    if (!token) {
      throw new HttpError(401, 'unauthorized', 'Send the admin token as "Authorization: Bearer <token>".');
    }
    if (await constantTimeEqual(token, options.adminToken)) return next();
    if (options.zafSecret && token.split('.').length === 3) {
      await verifyZafToken(token, options.zafSecret, options.zafToken);
      return next();
    }
    throw new HttpError(401, 'unauthorized', 'The admin token is not valid.');
  };
}

/**
 * Reads the Zendesk settings from environment variables: PROACTIVE_ZAF_SECRET, PROACTIVE_ZAF_ISSUER,
 * PROACTIVE_ZAF_AUDIENCE, PROACTIVE_ZAF_MAX_TOKEN_SECONDS and PROACTIVE_ZENDESK_ORIGINS (comma-separated
 * origins such as `https://acme.zendesk.com`). Throws a clear error for a malformed value.
 *
 * @example zendeskOptionsFromEnv({ PROACTIVE_ZENDESK_ORIGINS: 'https://acme.zendesk.com' })
 */
export function zendeskOptionsFromEnv(env: ZendeskEnv): ZendeskOptions {
  const zafToken: ZafTokenRules = {};
  if (env.PROACTIVE_ZAF_ISSUER) zafToken.issuer = env.PROACTIVE_ZAF_ISSUER;
  if (env.PROACTIVE_ZAF_AUDIENCE) zafToken.audience = env.PROACTIVE_ZAF_AUDIENCE;
  const lifetime = env.PROACTIVE_ZAF_MAX_TOKEN_SECONDS;
  if (lifetime) {
    const seconds = Number(lifetime);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600)
      throw new Error(
        `PROACTIVE_ZAF_MAX_TOKEN_SECONDS must be a whole number of seconds from 1 to 3600, got "${lifetime}".`,
      );
    zafToken.maxLifetimeSeconds = seconds;
  }
  const origins = (env.PROACTIVE_ZENDESK_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin)
      throw new Error(
        `PROACTIVE_ZENDESK_ORIGINS: "${origin}" is not an origin; write it as scheme://host[:port], e.g. https://acme.zendesk.com.`,
      );
  }
  return {
    ...(env.PROACTIVE_ZAF_SECRET ? { zafSecret: env.PROACTIVE_ZAF_SECRET } : {}),
    ...(Object.keys(zafToken).length > 0 ? { zafToken } : {}),
    ...(origins.length > 0 ? { zendeskOrigins: origins } : {}),
  };
}
