/**
 * Bytes on the wire (one run, figures printed, nothing asserted): what a real server sends to a browser
 * (`Accept-Encoding: gzip, deflate, br`) and to a client that accepts nothing, read as raw bytes (no
 * decompression on the way), for
 * - `widget.js`, loaded by every customer page (goal: <= 10 KB on the wire);
 * - the admin app's initial JS: the entry script and the modulepreloads listed in `/admin/` (goal:
 *   <= 160 KB on the wire);
 * - JSON responses over 1 KB (the OpenAPI document, the message list) and the widget rules payload.
 *
 * Run: `npx tsx bench/wire.bench.ts` (also part of `npm run bench`).
 */
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kb } from '@proactive/app/size-report';
import { startNodeServer } from '@proactive/server/node';
import { buildAllIfStale } from '../scripts/builds.js';

const browser = 'gzip, deflate, br, zstd';
const token = 'bench-token';

interface Wire {
  bytes: number;
  encoding: string;
}

/** GET a path and count the body bytes as they arrive, without decoding them. */
function fetchRaw(base: string, path: string, acceptEncoding: string | null): Promise<Wire> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (acceptEncoding !== null) headers['accept-encoding'] = acceptEncoding;
    const call = request(url, { headers }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`${path} -> ${response.statusCode}`));
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () =>
        resolve({ bytes, encoding: String(response.headers['content-encoding'] ?? 'identity') }),
      );
    });
    call.once('error', reject);
    call.end();
  });
}

/**
 * What a browser gets once the server is warm: the rules payload is compressed in the background when its
 * snapshot is built, and goes out uncompressed until then, so a compressible response is asked for again
 * (up to 2 s) until it comes compressed.
 */
async function steadyState(base: string, path: string): Promise<Wire> {
  let wire = await fetchRaw(base, path, browser);
  for (let attempt = 0; attempt < 40 && wire.encoding === 'identity' && wire.bytes > 1024; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    wire = await fetchRaw(base, path, browser);
  }
  return wire;
}

async function text(base: string, path: string): Promise<string> {
  const response = await fetch(new URL(path, base), { headers: { authorization: `Bearer ${token}` } });
  return response.text();
}

const failed = buildAllIfStale();
if (failed.length > 0)
  throw new Error(`Cannot bench: ${failed.map((b) => b.name).join(', ')} did not build.`);

const directory = await mkdtemp(join(tmpdir(), 'proactive-wire-'));
const server = await startNodeServer({ port: 0, databaseUrl: join(directory, 'p.db'), adminToken: token });
try {
  const html = await text(server.url, '/admin/');
  const initial = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\/([^"]+\.js)"/g),
  ].map((match) => `/admin/${match[1]}`);
  if (initial.length === 0) throw new Error('No script found in /admin/.');

  const rows: Array<[string, string[], string]> = [
    ['widget.js (every customer page)', ['/widget.js'], '<= 10 kB'],
    [`admin app initial JS (${initial.length} files)`, initial, '<= 160 kB'],
    ['OpenAPI document (JSON)', ['/api/v1/openapi.json'], ''],
    ['message list (JSON, demo data)', ['/api/v1/messages'], ''],
    ['widget rules payload (JSON, demo channel)', ['/widget/v1/channels/demo/rules'], ''],
  ];
  console.log('Bytes on the wire, one run');
  console.log(
    `${'what'.padEnd(44)} ${'uncompressed'.padStart(13)} ${'browser'.padStart(11)}  encoding  goal`,
  );
  for (const [name, paths, goal] of rows) {
    let plain = 0;
    let sent = 0;
    const encodings = new Set<string>();
    for (const path of paths) {
      plain += (await fetchRaw(server.url, path, null)).bytes;
      const wire = await steadyState(server.url, path);
      sent += wire.bytes;
      encodings.add(wire.encoding);
    }
    console.log(
      `${name.padEnd(44)} ${kb(plain, 2).padStart(13)} ${kb(sent, 2).padStart(11)}  ${[...encodings].join('+').padEnd(8)}  ${goal}`,
    );
  }
} finally {
  await server.close();
  await rm(directory, { recursive: true, force: true });
}
