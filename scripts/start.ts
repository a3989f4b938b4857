/**
 * `npm start`: builds the widget and the admin app when their outputs are missing or older than their
 * sources, then starts the server (migrate, demo seed on an empty database) and prints where everything is.
 */
import { optionsFromEnv, startNodeServer } from '@proactive/server/node';
import { demoChannelId } from '@proactive/server/demo';
import { buildAllIfStale } from './builds.ts';
import { tokenLine } from './token-line.ts';

console.log('Proactive: checking builds');
if (!buildAllIfStale()) console.log('Continuing: the pages whose build failed will answer 404.');

let server;
try {
  server = await startNodeServer(optionsFromEnv(process.env));
} catch (error) {
  console.error(`Could not start: ${(error as Error).message}`);
  process.exit(1);
}
const base = server.url.replace('127.0.0.1', 'localhost');
console.log(`
Proactive is running (${server.storage}${server.seeded ? ', demo data seeded' : ''})
  Admin app:   ${base}/admin/
  Demo site:   ${base}/demo/   (widget channel "${demoChannelId}")
  API docs:    ${base}/api/docs
  Widget:      <script src="${base}/widget.js" data-channel="${demoChannelId}" async></script>
  ${tokenLine(server)}
`);
const stop = () => {
  void server.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
