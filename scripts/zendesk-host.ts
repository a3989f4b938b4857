/**
 * `npx tsx scripts/zendesk-host.ts`: the packaged admin app inside a stand-in for Zendesk, offline. Opens
 * nothing by itself: it prints the agent page's URL. The page frames the zip's iframe.html (or, with
 * `--app-url`, the one `zcli apps:server` serves), answers the ZAF SDK's handshake with the settings, and
 * signs each `client.request` as Zendesk's proxy does. See docs/admin.md, "Inside Zendesk".
 *
 * Options: --server-url (default http://localhost:8787), --secret (default $PROACTIVE_ZAF_SECRET),
 * --app-url (frame this iframe.html instead of the zip's files), --port (agent page, default 4568).
 */
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';
import { packageApp } from '@proactive/app/package';
import manifest from '../manifest.json' with { type: 'json' };
import { startZendeskHost } from '../test/e2e/support/zendesk-host.ts';

const { values } = parseArgs({
  options: {
    'server-url': { type: 'string', default: 'http://localhost:8787' },
    secret: { type: 'string', default: process.env.PROACTIVE_ZAF_SECRET ?? '' },
    'app-url': { type: 'string' },
    port: { type: 'string', default: '4568' },
  },
});
if (!values.secret) {
  console.error(
    'Give the shared secret: --secret <value> or PROACTIVE_ZAF_SECRET (the server must have the same).',
  );
  process.exit(1);
}
const host = await startZendeskHost({
  files: values['app-url'] ? new Map() : new Map(Object.entries(unzipSync(packageApp().bytes))),
  ...(values['app-url'] ? { appUrl: values['app-url'] } : {}),
  agentPort: Number(values.port),
  settings: { server_url: values['server-url'], shared_secret: values.secret },
  secureSettings: ['shared_secret'],
  domainWhitelist: manifest.domainWhitelist,
});
console.log(`Zendesk stand-in: open ${host.agentUrl}`);
console.log(
  `Start the server with PROACTIVE_ZAF_SECRET=<the secret> PROACTIVE_ZAF_ISSUER=${host.agentOrigin}`,
);
process.on('SIGINT', () => void host.close().finally(() => process.exit(0)));
