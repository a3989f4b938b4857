/**
 * The server process: reads the environment (see {@link optionsFromEnv}), starts the Node server and prints
 * where everything is; SIGINT/SIGTERM close it cleanly. `npm start` runs its bundle, `server/dist/main.js`
 * (built by server/build.ts); `npx tsx server/main.ts` runs it from source.
 */
import { demoChannelId } from './demo/seed.ts';
import { optionsFromEnv, startNodeServer, type NodeServer } from './node.ts';
import { tokenLine } from './token-line.ts';

let server: NodeServer;
try {
  server = await startNodeServer(optionsFromEnv(process.env));
} catch (error) {
  console.error(`Could not start: ${(error as Error).message}`);
  process.exit(1);
}
const base = server.url.replace('127.0.0.1', 'localhost');
console.log(`Proactive listening on ${server.url} (${server.storage}${server.seeded ? ', demo data seeded' : ''})
  Admin app:   ${base}/admin/
  Demo site:   ${base}/demo/   (widget channel "${demoChannelId}")
  API docs:    ${base}/api/docs
  Widget:      <script src="${base}/widget.js" data-channel="${demoChannelId}" async></script>
  ${tokenLine(server)}
`);
const stop = () => void server.close().finally(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
