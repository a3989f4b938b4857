import { startTestServer } from '../support/server.ts';
import { startTestWorker } from '../support/worker.ts';
import { widgetRouteSuite } from './widget-routes.suite.ts';

widgetRouteSuite('the Node server (SQLite)', async () => {
  const server = await startTestServer({ seed: false });
  return {
    fetch: (path, init) => fetch(`${server.url}${path}`, init),
    adminToken: server.adminToken,
    close: server.close,
  };
});

widgetRouteSuite('the Workers entry in workerd (Miniflare, D1)', async () => {
  const worker = await startTestWorker();
  return { fetch: worker.fetch, adminToken: worker.adminToken, close: worker.close };
});
