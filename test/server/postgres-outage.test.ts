/**
 * The database goes away under a running server and comes back: requests fail cleanly (503 JSON with
 * Retry-After) during the outage and succeed afterwards, without restarting the server. On CI this stops
 * and starts the real PostgreSQL cluster; without TEST_DATABASE_URL it closes and reopens PGlite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeServer, type NodeServer } from '@proactive/server/node';
import { postgresTarget, type PostgresTarget } from '../support/postgres.ts';

let target: PostgresTarget;
let server: NodeServer;
const token = 'outage-token';

const admin = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  });

beforeAll(async () => {
  target = await postgresTarget();
  server = await startNodeServer({ port: 0, adminToken: token, demo: true, ...target.serverOptions() });
}, 180_000);
afterAll(async () => {
  await server?.close();
  await target?.cleanup();
}, 60_000);

describe('database outage', () => {
  it(`answers 503 JSON during the outage and recovers without a restart (${process.env.TEST_DATABASE_URL ? 'real PostgreSQL stopped and started' : 'PGlite closed and reopened'})`, async () => {
    expect((await admin('/api/v1/brands')).status).toBe(200);
    const warm = await fetch(`${server.url}/widget/v1/channels/demo/rules`);
    expect(warm.status).toBe(200);

    const outage = await target.outage();
    try {
      for (const request of [
        () => admin('/api/v1/brands'),
        () => admin('/api/v1/brands', { method: 'POST', body: JSON.stringify({ name: 'During outage' }) }),
        () => fetch(`${server.url}/health/ready`),
      ]) {
        const response = await request();
        expect(response.status).toBe(503);
        expect(response.headers.get('content-type')).toContain('application/json');
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
          'database_unavailable',
        );
      }
      // Widgets keep getting the last snapshot from memory while the database is away.
      expect((await fetch(`${server.url}/widget/v1/channels/demo/rules`)).status).toBe(200);
      expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok' });
    } finally {
      await outage.bringBack();
    }

    let recovered = 0;
    for (let attempt = 0; attempt < 60 && recovered !== 201; attempt++) {
      recovered = (
        await admin('/api/v1/brands', { method: 'POST', body: JSON.stringify({ name: 'After outage' }) })
      ).status;
      if (recovered !== 201) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(recovered).toBe(201);
    const names = ((await (await admin('/api/v1/brands')).json()) as { name: string }[]).map(
      (brand) => brand.name,
    );
    expect(names).toContain('After outage');
    expect(names).not.toContain('During outage');
  }, 180_000);
});
