import { startTestServer } from '../support/server.ts';
import { startTestWorker } from '../support/worker.ts';
import { adminApiSuite } from './admin-api.suite.ts';

adminApiSuite('the Node server (SQLite)', async () => {
  const server = await startTestServer({ seed: false });
  return {
    fetch: (path, init) => fetch(`${server.url}${path}`, init),
    adminToken: server.adminToken,
    close: server.close,
  };
});

adminApiSuite('the Workers entry in workerd (Miniflare, D1)', async () => {
  const worker = await startTestWorker();
  return { fetch: worker.fetch, adminToken: worker.adminToken, close: worker.close };
});
