/**
 * The admin API at 10,000 messages (one run, figures printed, nothing asserted). The server runs in a
 * child process on a SQLite file holding 10,000 messages in one channel; the anchor is a bare node:http
 * process answering every request with the same bytes (so the ratio is what storage, paging and the
 * app add). Requests go one at a time, interleaved with the anchor's.
 * - a page of the admin list (`GET /api/v1/messages?page=…&per_page=50`, several sorts, a name filter);
 * - moving one message (`PATCH /api/v1/messages/:id {order}`): its latency, and the rows it wrote (read
 *   from the database file afterwards), beside rewriting every message's place in one transaction
 *   (better-sqlite3 on a copy of the same file: what a move cost before fractional ranks).
 *
 * Run: `npx tsx bench/admin.bench.ts` (also part of `npm run bench`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { median } from './measure.ts';

const token = 'bench-token';
const channelId = 'bench-10k';
const count = 10_000;

/** The child process: the real server with 10,000 messages, or the bare anchor. */
async function serve(databasePath: string): Promise<void> {
  const { startNodeServer } = await import('@proactive/server/node');
  const { seedChannel } = await import('./seed-channel.ts');
  const server = await startNodeServer({ port: 0, databaseUrl: databasePath, adminToken: token, demo: true });
  await seedChannel(server.repository, {
    channelId,
    count,
    ruleText: (index) => `when visitor.page_url contains "/product-${index}/" once_per_visit`,
    status: (index) => (index % 3 === 0 ? 'draft' : 'live'),
  });
  process.stdout.write(`READY ${server.url}\n`);
}

/** The anchor: a bare node:http server answering with the bytes it is given (POST /bytes sets them). */
function serveAnchor(): void {
  let body = Buffer.from('{}');
  const server = createServer((request, response) => {
    if (request.method === 'POST' && request.url === '/bytes') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        body = Buffer.concat(chunks);
        response.end();
      });
      return;
    }
    request.resume();
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    response.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    process.stdout.write(`READY http://127.0.0.1:${address.port}\n`);
  });
}

function start(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\S+)/.exec(output);
      if (match) resolve({ child, url: match[1] as string });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

/** Milliseconds of one request, and its body. */
async function timed(
  url: string,
  init: RequestInit = {},
): Promise<{ ms: number; text: string; status: number }> {
  const started = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  return { ms: performance.now() - started, text, status: response.status };
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] as number;
  return { min: sorted[0] as number, median: median(sorted), p99 };
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'proactive-admin-bench-'));
  const databasePath = join(directory, 'bench.db');
  const server = await start(['--serve', databasePath]);
  const anchor = await start(['--anchor']);
  const auth = { authorization: `Bearer ${token}` };
  try {
    const queries = [
      'page=1&per_page=50',
      'page=100&per_page=50',
      'page=200&per_page=50&sort=name',
      'page=3&per_page=50&sort=updated_at&direction=desc',
      'page=1&per_page=50&q=message%2099',
      'page=20&per_page=50&status=live&sort=sent&direction=desc',
    ];
    console.log(
      `\nAdmin list at ${count.toLocaleString('en-US')} messages: one page of 50 (sequential requests, interleaved with the anchor)`,
    );
    console.log(
      `${'query'.padEnd(56)} ${'server min / median / p99'.padEnd(30)} ${'anchor (same bytes) median'.padEnd(28)} total`,
    );
    for (const query of queries) {
      const url = `${server.url}/api/v1/messages?${query}`;
      const first = await timed(url, { headers: auth });
      if (first.status !== 200) throw new Error(`${url} -> ${first.status} ${first.text}`);
      await fetch(`${anchor.url}/bytes`, { method: 'POST', body: first.text });
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let round = 0; round < 25; round++) {
        ours.push((await timed(url, { headers: auth })).ms);
        theirs.push((await timed(`${anchor.url}/page`)).ms);
      }
      const mine = stats(ours);
      const total = (JSON.parse(first.text) as { total: number }).total;
      console.log(
        `${query.padEnd(56)} ${`${ms(mine.min)} / ${ms(mine.median)} / ${ms(mine.p99)}`.padEnd(30)} ${ms(stats(theirs).median).padEnd(28)} ${total}`,
      );
    }

    // Moving messages: latency, and how many rows each move wrote.
    const moves: number[] = [];
    const anchorMoves: number[] = [];
    const targets = [10, 5_000, 9_000, 0, 2_500, 7_777, 1, 9_998, 4_321, 123];
    for (const [round, order] of targets.entries()) {
      const id = `bench_${String(1_000 + round * 700).padStart(5, '0')}`;
      const current = JSON.parse(
        (await timed(`${server.url}/api/v1/messages/${id}`, { headers: auth })).text,
      ) as {
        version: number;
      };
      const move = await timed(`${server.url}/api/v1/messages/${id}`, {
        method: 'PATCH',
        headers: { ...auth, 'content-type': 'application/json', 'if-match': String(current.version) },
        body: JSON.stringify({ order }),
      });
      if (move.status !== 200) throw new Error(`move -> ${move.status} ${move.text}`);
      moves.push(move.ms);
      anchorMoves.push((await timed(`${anchor.url}/move`)).ms);
    }
    const database = new Database(databasePath, { readonly: true, fileMustExist: true });
    const written = (
      database
        .prepare(`SELECT count(*) AS n FROM messages WHERE channel_id = ? AND version > 1`)
        .get(channelId) as {
        n: number;
      }
    ).n;
    database.close();
    const move = stats(moves);
    console.log(
      `\nMove one message (PATCH order), ${targets.length} moves: min ${ms(move.min)}, median ${ms(move.median)}, p99 ${ms(move.p99)}; ` +
        `anchor median ${ms(stats(anchorMoves).median)}; rows written by all ${targets.length} moves: ${written}`,
    );

    // What a move cost when every message's place was rewritten: 10,000 updates in one transaction.
    const copy = join(directory, 'copy.db');
    const source = new Database(databasePath, { readonly: true, fileMustExist: true });
    await source.backup(copy);
    source.close();
    const rewrite = new Database(copy);
    const ids = rewrite
      .prepare('SELECT id FROM messages WHERE channel_id = ? ORDER BY rank')
      .all(channelId) as Array<{ id: string }>;
    const update = rewrite.prepare('UPDATE messages SET rank = ? WHERE id = ?');
    const rewrites: number[] = [];
    for (let round = 0; round < 5; round++) {
      const started = performance.now();
      rewrite.transaction(() =>
        ids.forEach(({ id }, index) => update.run(String(index).padStart(6, '0'), id)),
      )();
      rewrites.push(performance.now() - started);
    }
    rewrite.close();
    const whole = stats(rewrites);
    console.log(
      `Rewriting every message's place (${ids.length.toLocaleString('en-US')} updates, one transaction, better-sqlite3 directly): min ${ms(whole.min)}, median ${ms(whole.median)}` +
        ` -> a move is ${(whole.median / move.median).toFixed(1)}x faster at the median, and writes 1 row instead of ${ids.length.toLocaleString('en-US')}`,
    );
  } finally {
    server.child.kill();
    anchor.child.kill();
    await rm(directory, { recursive: true, force: true });
  }
}

const mode = process.argv[2];
if (mode === '--serve') await serve(process.argv[3] as string);
else if (mode === '--anchor') serveAnchor();
else if (import.meta.url === `file://${process.argv[1]}`) await main();
