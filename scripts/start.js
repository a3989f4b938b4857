// @ts-check
/**
 * `npm start`: builds whatever is missing or older than its sources (the server bundle, the CLI, the
 * widget, the admin app; see builds.js), then runs the server bundle, server/dist/main.js: migrate, seed
 * the demo into an empty database, serve, and print where everything is.
 */
import { buildAllIfStale } from './builds.js';

console.log('Proactive: checking builds');
const failed = buildAllIfStale();
if (failed.some((build) => build.required)) {
  console.error('Cannot start: the server did not build (see above).');
  process.exit(1);
}
if (failed.length > 0) console.log('Continuing: the pages whose build failed will answer 404.');
await import(new URL('../server/dist/main.js', import.meta.url).href);
