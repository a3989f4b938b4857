import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { describe, expect, it } from 'vitest';
import { secureHeaderOptions, securityHeaders } from './security-headers.ts';

describe('securityHeaders', () => {
  it('are exactly what the secureHeaders middleware adds with the app options', async () => {
    const app = new Hono();
    app.use('*', secureHeaders(secureHeaderOptions));
    app.get('/', (c) => c.body(null, 204));
    const response = await app.request('/');
    const added = Object.fromEntries(response.headers.entries());
    const expected = Object.fromEntries(
      Object.entries(securityHeaders).map(([name, value]) => [name.toLowerCase(), value]),
    );
    expect(added).toEqual(expected);
  });
});
