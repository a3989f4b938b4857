import { describe, expect, it, vi } from 'vitest';
import { Hono } from 'hono';
import { sign } from 'hono/jwt';
import { createApp } from '../app.ts';
import { createMemoryBus } from '../domain/bus.ts';
import type { Repository } from '../storage/repository.ts';
import { adminAuth, constantTimeEqual, verifyZafToken, zendeskOptionsFromEnv } from './auth.ts';
import { errorBody, HttpError } from './errors.ts';

const secret = 'zaf-secret';
const now = () => Math.floor(Date.now() / 1000);
const token = (payload: Record<string, unknown>, key = secret) => sign(payload, key, 'HS256');

/** A tiny app behind the middleware, answering 200 "ok" when let through. */
function guarded(options: Parameters<typeof adminAuth>[0]) {
  const app = new Hono();
  app.onError((error, c) =>
    error instanceof HttpError
      ? c.json(errorBody(error.code, error.message), error.status)
      : c.text('boom', 500),
  );
  app.use('*', adminAuth(options));
  app.get('/', (c) => c.text('ok'));
  return async (authorization?: string) => {
    const response = await app.request('/', authorization ? { headers: { authorization } } : {});
    const body = response.status === 200 ? null : ((await response.json()) as { error: { message: string } });
    return { status: response.status, message: body?.error.message ?? '' };
  };
}

describe('Zendesk signed tokens', () => {
  it('accepts a token with iat and a short exp', async () => {
    await expect(
      verifyZafToken(await token({ iat: now(), exp: now() + 120 }), secret),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['no exp (a token that would live forever)', {}, /no "exp"/],
    ['no iat', { exp: now() + 60 }, /no "iat"/],
    ['an exp in the past', { iat: now() - 600, exp: now() - 300 }, /expired/],
    ['a lifetime over 5 minutes', { iat: now(), exp: now() + 3600 }, /lives 3600 s, longer than the 300 s/],
    ['an iat in the future', { iat: now() + 600, exp: now() + 660 }, /issued in the future/],
  ])('refuses %s with 401 saying why', async (_name, payload, why) => {
    const check = guarded({ adminToken: 'admin', zafSecret: secret });
    const jwt = await token(payload);
    const result = await check(`Bearer ${jwt}`);
    expect(result.status).toBe(401);
    expect(result.message).toMatch(why);
  });

  it('refuses a token signed with another secret, or not signed at all', async () => {
    const check = guarded({ adminToken: 'admin', zafSecret: secret });
    expect((await check(`Bearer ${await token({ iat: now(), exp: now() + 60 }, 'other')}`)).status).toBe(401);
    const unsigned = `${btoa('{"alg":"none"}')}.${btoa(JSON.stringify({ iat: now(), exp: now() + 60 }))}.`;
    expect((await check(`Bearer ${unsigned}`)).status).toBe(401);
    expect((await check()).status).toBe(401);
  });

  it('takes the configured lifetime, issuer and audience', async () => {
    const rules = {
      maxLifetimeSeconds: 60,
      issuer: 'https://acme.zendesk.com',
      audience: 'https://p.example',
    };
    const check = guarded({ adminToken: 'admin', zafSecret: secret, zafToken: rules });
    const good = { iss: rules.issuer, aud: rules.audience, iat: now(), exp: now() + 60 };
    expect((await check(`Bearer ${await token(good)}`)).status).toBe(200);
    expect((await check(`Bearer ${await token({ ...good, exp: now() + 61 })}`)).message).toMatch(
      /longer than the 60 s/,
    );
    expect(
      (await check(`Bearer ${await token({ ...good, iss: 'https://evil.zendesk.com' })}`)).message,
    ).toMatch(/configured issuer/);
    const { aud: _aud, ...withoutAudience } = good;
    expect((await check(`Bearer ${await token(withoutAudience)}`)).message).toMatch(/configured audience/);
    expect((await check(`Bearer ${await token({ ...good, aud: 'https://other.example' })}`)).message).toMatch(
      /configured audience/,
    );
  });

  it('ignores JWTs when no shared secret is configured', async () => {
    const check = guarded({ adminToken: 'admin' });
    expect((await check(`Bearer ${await token({ iat: now(), exp: now() + 60 })}`)).status).toBe(401);
    expect((await check('Bearer admin')).status).toBe(200);
  });
});

describe('zendeskOptionsFromEnv', () => {
  it('reads every setting', () => {
    expect(
      zendeskOptionsFromEnv({
        PROACTIVE_ZAF_SECRET: 's',
        PROACTIVE_ZAF_ISSUER: 'https://acme.zendesk.com',
        PROACTIVE_ZAF_AUDIENCE: 'https://p.example',
        PROACTIVE_ZAF_MAX_TOKEN_SECONDS: '120',
        PROACTIVE_ZENDESK_ORIGINS: 'https://acme.zendesk.com, https://1.apps.zdusercontent.com',
      }),
    ).toEqual({
      zafSecret: 's',
      zafToken: {
        issuer: 'https://acme.zendesk.com',
        audience: 'https://p.example',
        maxLifetimeSeconds: 120,
      },
      zendeskOrigins: ['https://acme.zendesk.com', 'https://1.apps.zdusercontent.com'],
    });
    expect(zendeskOptionsFromEnv({})).toEqual({});
  });

  it('says what is wrong with a bad value', () => {
    expect(() => zendeskOptionsFromEnv({ PROACTIVE_ZAF_MAX_TOKEN_SECONDS: 'soon' })).toThrow(
      /PROACTIVE_ZAF_MAX_TOKEN_SECONDS must be a whole number of seconds from 1 to 3600, got "soon"/,
    );
    expect(() =>
      zendeskOptionsFromEnv({ PROACTIVE_ZENDESK_ORIGINS: 'https://acme.zendesk.com/admin' }),
    ).toThrow(/"https:\/\/acme.zendesk.com\/admin" is not an origin/);
  });
});

describe('CORS and framing for the Zendesk origins', () => {
  const repository = {} as Repository; // neither preflights nor refused requests reach storage
  const assets = {
    read: async (path: string) => (path === 'assets/iframe.html' ? new TextEncoder().encode('<html>') : null),
  };

  it('answers CORS only for the configured origins', async () => {
    const { app } = createApp({
      repository,
      bus: createMemoryBus(),
      adminToken: 'admin',
      zendeskOrigins: ['https://acme.zendesk.com'],
    });
    const preflight = (origin: string) =>
      app.request('/api/v1/messages', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'PATCH',
          'access-control-request-headers': 'authorization',
        },
      });
    const allowed = await preflight('https://acme.zendesk.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://acme.zendesk.com');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const unauthenticated = await app.request('/api/v1/messages', {
      headers: { origin: 'https://acme.zendesk.com' },
    });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('access-control-allow-origin')).toBe('https://acme.zendesk.com');
  });

  it('gives no CORS headers at all when no Zendesk origin is configured', async () => {
    const { app } = createApp({ repository, bus: createMemoryBus(), adminToken: 'admin' });
    const response = await app.request('/api/v1/messages', {
      method: 'OPTIONS',
      headers: { origin: 'https://acme.zendesk.com', 'access-control-request-method': 'GET' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves /admin/ with a strict CSP framed only by itself and the configured origins', async () => {
    const framed = createApp({
      repository,
      bus: createMemoryBus(),
      adminToken: 'admin',
      assets,
      zendeskOrigins: ['https://acme.zendesk.com'],
    });
    for (const path of ['/admin/', '/admin/iframe.html']) {
      const response = await framed.app.request(path);
      expect(response.status).toBe(200);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self';");
      expect(policy).not.toMatch(/script-src[^;]*unsafe/);
      expect(policy).toMatch(/frame-ancestors 'self' https:\/\/acme\.zendesk\.com$/);
    }
    const alone = createApp({ repository, bus: createMemoryBus(), adminToken: 'admin', assets });
    const policy = (await alone.app.request('/admin/')).headers.get('content-security-policy');
    expect(policy).toMatch(/frame-ancestors 'self'$/);
  });
});

describe('constantTimeEqual', () => {
  it('answers equality of any two strings, lengths differing or not', async () => {
    expect(await constantTimeEqual('secret-token', 'secret-token')).toBe(true);
    expect(await constantTimeEqual('secret-token', 'secret-tokeN')).toBe(false);
    expect(await constantTimeEqual('secret', 'secret-token')).toBe(false);
    expect(await constantTimeEqual('', 'x')).toBe(false);
    expect(await constantTimeEqual('', '')).toBe(true);
  });

  it('does not return early on a length difference: both sides are hashed to fixed-size digests first', async () => {
    const digest = vi.spyOn(crypto.subtle, 'digest');
    try {
      expect(await constantTimeEqual('short', 'a much longer admin token')).toBe(false);
      expect(digest).toHaveBeenCalledTimes(2);
      expect(digest.mock.calls.map((call) => call[0])).toEqual(['SHA-256', 'SHA-256']);
    } finally {
      digest.mockRestore();
    }
  });
});
