/**
 * Server bench (figures printed, nothing asserted). Three processes: this one drives autocannon on
 * loopback; the Proactive server and the anchor each run in their own child process, started the same way
 * (`node --import tsx bench/server.bench.ts --serve|--anchor`).
 * - `GET /widget/v1/channels/demo/rules` (200, and 304 with If-None-Match) against the anchor: a bare Hono
 *   app (@hono/node-server, one route) serving the same bytes with the same headers, taken from a response
 *   of the Proactive server. Interleaved rounds: each run beside its anchor's, which goes first every other
 *   round, the 200 and 304 pairs in turn; per round the req/s ratio to the anchor; min and median of the
 *   ratios, and p99 latencies. Goal: >= 90 %, and the 304 path at least as
 *   fast as the 200 path.
 * - a channel with 10,000 live messages: one message paused and published again, repeatedly; how long until
 *   the changed payload is served over HTTP, and, inside the server process, a patch of the snapshot against
 *   its anchors (a full rebuild of the same channel, and JSON.stringify of the same payload).
 *
 * Run: `npx tsx bench/server.bench.ts` (also part of `npm run bench`). `--quick` shortens the runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { median } from './measure.ts';

const token = 'bench-token';
const quick = process.argv.includes('--quick');
const seconds = 1;
const rounds = quick ? 4 : 12;
const bigChannel = 'bench-10k';
const bigCount = 10_000;
const lastId = `bench_${String(bigCount - 1).padStart(5, '0')}`;
/** What a browser sends. */
const acceptEncoding = 'gzip, deflate, br, zstd';

/** The Proactive server, demo data plus a 10,000-message channel. */
async function serve(databasePath: string): Promise<void> {
  const { startNodeServer } = await import('@proactive/server/node');
  const { buildSnapshot, patchSnapshot } = await import('../server/domain/snapshot.ts');
  const { seedChannel } = await import('./seed-channel.ts');
  const server = await startNodeServer({ port: 0, databaseUrl: databasePath, adminToken: token, demo: true });
  const repository = server.repository;
  const text =
    'when visitor.page_url contains ["pricing", "plans"] and not visitor.page_title contains "careers" for 0:20 once_per_visit tag "bench"';
  await seedChannel(repository, {
    channelId: bigChannel,
    count: bigCount,
    ruleText: () => text,
    status: (index) => (index === bigCount - 1 ? 'draft' : 'live'),
  });
  // In-process timings of the snapshot work, interleaved: patch one message vs its anchors.
  const { Hono } = await import('hono');
  const { serve: serveHono } = await import('@hono/node-server');
  const control = new Hono();
  // The fast path's own cost per request, 200 vs 304, without the network.
  control.get('/fast-path-timings', async (c) => {
    const { compare } = await import('./measure.ts');
    const path = '/widget/v1/channels/demo/rules';
    const etag = server.proactive.serveRules('GET', path, acceptEncoding, null)!.headers.ETag!;
    const results = compare(
      [
        ['200', () => server.proactive.serveRules('GET', path, acceptEncoding, null)],
        ['304', () => server.proactive.serveRules('GET', path, acceptEncoding, etag)],
      ],
      [0],
      7,
      200,
    );
    return c.json(Object.fromEntries(results.map((result) => [result.name, result.nsPerOp])));
  });
  control.get('/snapshot-timings', async (c) => {
    const snapshot = (await server.proactive.snapshots.get(bigChannel))!;
    const payload = JSON.parse(new TextDecoder().decode(snapshot.body)) as object;
    const samples: Record<string, number[]> = { patch: [], rebuild: [], stringify: [] };
    const runs: Array<[string, () => Promise<unknown> | unknown]> = [
      ['patch', () => patchSnapshot(repository, snapshot, lastId)],
      ['rebuild', () => buildSnapshot(repository, bigChannel)],
      ['stringify', () => new TextEncoder().encode(JSON.stringify(payload))],
    ];
    for (let round = 0; round < (quick ? 3 : 7); round++) {
      for (const [name, run] of round % 2 ? [...runs].reverse() : runs) {
        const started = performance.now();
        await run();
        samples[name]!.push(performance.now() - started);
      }
    }
    return c.json(samples);
  });
  const controlServer = serveHono({ fetch: control.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => controlServer.once('listening', resolve));
  const controlPort = (controlServer.address() as { port: number }).port;
  process.stdout.write(`READY ${server.url} http://127.0.0.1:${controlPort}\n`);
}

/** The anchor: a bare Hono route serving recorded bytes and headers (200, or 304 on a matching ETag). */
async function anchor(recordingPath: string): Promise<void> {
  const { readFile } = await import('node:fs/promises');
  const { Hono } = await import('hono');
  const { serve: serveHono } = await import('@hono/node-server');
  const recording = JSON.parse(await readFile(recordingPath, 'utf8')) as Recording;
  const body = Buffer.from(recording.body, 'base64');
  const app = new Hono().get('/widget/v1/channels/:channel_id/rules', (c) =>
    c.req.header('if-none-match') === recording.etag
      ? c.body(null, 304, recording.notModifiedHeaders)
      : c.body(body, 200, recording.headers),
  );
  const server = serveHono({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  process.stdout.write(`READY http://127.0.0.1:${(server.address() as { port: number }).port}\n`);
}

interface Recording {
  etag: string;
  body: string;
  headers: Record<string, string>;
  notModifiedHeaders: Record<string, string>;
}

function start(args: string[]): { child: ChildProcess; ready: Promise<string[]> } {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<string[]>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /READY ([^\n]+)\n/.exec(output);
      if (line?.[1]) resolve(line[1].split(' '));
    });
    child.once('exit', (code) => reject(new Error(`bench child ${args[0]} exited with ${code}`)));
  });
  return { child, ready };
}

interface Run {
  requests: number;
  p99: number;
  errors: number;
  statuses: number;
}

async function cannon(url: string, headers: Record<string, string>, expected: number): Promise<Run> {
  const result = await autocannon({ url, connections: 32, duration: seconds, headers, pipelining: 1 });
  const counts = result as unknown as Record<string, number>;
  const wanted = counts[`${Math.floor(expected / 100)}xx`] ?? 0;
  return {
    requests: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    statuses: result.requests.total - wanted,
  };
}

interface RawResponse {
  status: number;
  /** Without the ones the anchor's server sets itself (date, connection, length). */
  headers: Record<string, string>;
  body: Buffer;
}

/** A GET with the bytes as they came over the wire (fetch would decode them). */
function raw(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const kept: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (!['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name))
            kept[name] = String(value);
        }
        resolve({ status: response.statusCode ?? 0, headers: kept, body: Buffer.concat(chunks) });
      });
      response.on('error', reject);
    }).on('error', reject);
  });
}

const pct = (value: number) => `${Math.round(value * 100)} %`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'proactive-bench-'));
  const children: ChildProcess[] = [];
  try {
    const proactive = start(['--serve', join(directory, 'bench.db')]);
    children.push(proactive.child);
    const [url, control] = (await proactive.ready) as [string, string];
    const rulesUrl = `${url}/widget/v1/channels/demo/rules`;
    await (await fetch(rulesUrl)).arrayBuffer(); // builds the snapshot, starts its compression
    await new Promise((resolve) => setTimeout(resolve, 500));
    const first = await raw(rulesUrl, { 'accept-encoding': acceptEncoding });
    const body = first.body;
    const etag = first.headers.etag ?? '';
    const again = await raw(rulesUrl, { 'accept-encoding': acceptEncoding, 'if-none-match': etag });
    const recording: Recording = {
      etag,
      body: body.toString('base64'),
      headers: first.headers,
      notModifiedHeaders: again.headers,
    };
    await writeFile(join(directory, 'recording.json'), JSON.stringify(recording));
    const bare = start(['--anchor', join(directory, 'recording.json')]);
    children.push(bare.child);
    const [anchorUrl] = (await bare.ready) as [string];
    const anchorRulesUrl = `${anchorUrl}/widget/v1/channels/demo/rules`;
    const check = await raw(anchorRulesUrl, { 'accept-encoding': acceptEncoding });
    const sorted = (headers: Record<string, string>) => JSON.stringify(Object.entries(headers).sort());
    if (!check.body.equals(body) || sorted(check.headers) !== sorted(first.headers)) {
      throw new Error(
        `the anchor does not answer the same bytes and headers: ${sorted(check.headers)} vs ${sorted(first.headers)}`,
      );
    }

    const cases = [
      { name: 'proactive 200', url: rulesUrl, headers: {} as Record<string, string>, status: 200 },
      { name: 'anchor 200', url: anchorRulesUrl, headers: {} as Record<string, string>, status: 200 },
      { name: 'proactive 304', url: rulesUrl, headers: { 'if-none-match': etag }, status: 304 },
      { name: 'anchor 304', url: anchorRulesUrl, headers: { 'if-none-match': etag }, status: 304 },
    ];
    for (const item of cases)
      await cannon(item.url, { 'accept-encoding': acceptEncoding, ...item.headers }, item.status);
    const runs = new Map<string, Run[]>(cases.map((item) => [item.name, []]));
    const pairs = [cases.slice(0, 2), cases.slice(2, 4)];
    for (let round = 0; round < rounds; round++) {
      // Each proactive run beside its anchor run, which goes first alternating, and the pairs in turn.
      for (let index = 0; index < pairs.length; index++) {
        const pair = pairs[(index + round) % pairs.length]!;
        for (const item of round % 2 === 0 ? pair : [...pair].reverse()) {
          const run = await cannon(
            item.url,
            { 'accept-encoding': acceptEncoding, ...item.headers },
            item.status,
          );
          runs.get(item.name)!.push(run);
        }
      }
    }
    const series = (name: string) => runs.get(name)!;
    const ratios = (a: string, b: string) =>
      series(a).map((run, index) => run.requests / series(b)[index]!.requests);
    const row = (name: string, anchorName: string) => {
      const own = ratios(name, anchorName);
      return {
        case: name,
        'req/s (median)': Math.round(median(series(name).map((run) => run.requests))),
        'p99 ms (median)': median(series(name).map((run) => run.p99)),
        'p99 ms (max)': Math.max(...series(name).map((run) => run.p99)),
        'vs anchor min / median': `${pct(Math.min(...own))} / ${pct(median(own))}`,
      };
    };
    console.log(
      `\nRules endpoint (demo channel, ${body.byteLength} B ${first.headers['content-encoding'] ?? 'identity'}; autocannon 32 connections, ${rounds} rounds x ${seconds} s, interleaved, rotating order)`,
    );
    console.table([
      row('proactive 200', 'anchor 200'),
      row('anchor 200', 'anchor 200'),
      row('proactive 304', 'anchor 304'),
      row('anchor 304', 'anchor 304'),
    ]);
    const list = (values: number[]) => values.map(pct).join(', ');
    console.log(`per round, proactive 200 / anchor 200: ${list(ratios('proactive 200', 'anchor 200'))}`);
    console.log(`per round, proactive 304 / anchor 304: ${list(ratios('proactive 304', 'anchor 304'))}`);
    const perCall = (await (await fetch(`${control}/fast-path-timings`)).json()) as Record<string, number>;
    console.log(
      `fast path alone, in the server process (best of 7 rounds): 200 ${perCall['200']!.toFixed(0)} ns, 304 ${perCall['304']!.toFixed(0)} ns per request`,
    );
    const notModifiedVsOk = ratios('proactive 304', 'proactive 200');
    console.log(
      `proactive 304 vs proactive 200 (same round): min ${pct(Math.min(...notModifiedVsOk))}, median ${pct(median(notModifiedVsOk))}`,
    );
    const failures = [...runs.values()].flat().reduce((sum, run) => sum + run.errors + run.statuses, 0);
    console.log(`Errors or unexpected statuses over all runs: ${failures}`);

    // The 10,000-message channel: pause and publish one message, time until the change is served.
    const bigUrl = `${url}/widget/v1/channels/${bigChannel}/rules`;
    let started = performance.now();
    let current = await fetch(bigUrl, { headers: { 'accept-encoding': 'identity' } });
    const identityBytes = (await current.arrayBuffer()).byteLength;
    const buildMs = performance.now() - started;
    let currentEtag = current.headers.get('etag') ?? '';
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const sizes: Record<string, number> = { identity: identityBytes };
    for (const coding of ['gzip', 'br']) {
      const response = await fetch(bigUrl, { headers: { 'accept-encoding': coding } });
      sizes[response.headers.get('content-encoding') ?? 'identity'] = Number(
        response.headers.get('content-length'),
      );
      await response.arrayBuffer();
    }
    const publishMs: number[] = [];
    const servedAfterAnswerMs: number[] = [];
    const servedMs: number[] = [];
    for (let round = 0; round < (quick ? 4 : 10); round++) {
      const action = round % 2 === 0 ? 'publish' : 'pause';
      started = performance.now();
      const answer = await fetch(`${url}/api/v1/messages/${lastId}/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      await answer.arrayBuffer();
      const answered = performance.now();
      if (answer.status !== 200) throw new Error(`${action} answered ${answer.status}`);
      // Poll with the old ETag: the first 200 (headers received) is the new payload being served.
      for (;;) {
        current = await fetch(bigUrl, {
          headers: { 'if-none-match': currentEtag, 'accept-encoding': 'identity' },
        });
        if (current.status === 200) break;
        await current.arrayBuffer();
      }
      const served = performance.now();
      const text = await current.text();
      if (text.includes(`"id":"${lastId}"`) !== (action === 'publish'))
        throw new Error('stale payload served');
      currentEtag = current.headers.get('etag') ?? '';
      publishMs.push(answered - started);
      servedAfterAnswerMs.push(served - answered);
      servedMs.push(served - started);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const timings = (await (await fetch(`${control}/snapshot-timings`)).json()) as Record<string, number[]>;
    const stat = (values: number[]) => `${ms(Math.min(...values))} / ${ms(median(values))}`;
    console.log(
      `\nSnapshot, ${bigCount - 1} or ${bigCount} live messages (${(identityBytes / 1e6).toFixed(2)} MB identity, ${(sizes.gzip! / 1e3).toFixed(0)} KB gzip, ${(sizes.br! / 1e3).toFixed(0)} KB br); first request (full build) ${ms(buildMs)}`,
    );
    console.table([
      { measure: 'publish/pause request, answered (HTTP)', 'min / median': stat(publishMs) },
      { measure: 'new payload served, after the answer', 'min / median': stat(servedAfterAnswerMs) },
      { measure: 'new payload served, after the request started', 'min / median': stat(servedMs) },
      { measure: 'in process: patchSnapshot (one message)', 'min / median': stat(timings.patch!) },
      { measure: 'in process: buildSnapshot (anchor: full rebuild)', 'min / median': stat(timings.rebuild!) },
      {
        measure: 'in process: JSON.stringify of the payload (anchor)',
        'min / median': stat(timings.stringify!),
      },
    ]);
    const patch = median(timings.patch!);
    console.log(
      `patch vs rebuild: ${(median(timings.rebuild!) / patch).toFixed(1)}x faster; vs JSON.stringify: ${(median(timings.stringify!) / patch).toFixed(1)}x faster`,
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await rm(directory, { recursive: true, force: true });
  }
}

if (process.argv.includes('--serve')) {
  await serve(process.argv[process.argv.indexOf('--serve') + 1]!);
} else if (process.argv.includes('--anchor')) {
  await anchor(process.argv[process.argv.indexOf('--anchor') + 1]!);
} else {
  await main();
}
