/**
 * Measures the built admin app's JavaScript from the build output (assets/): what the first screen loads
 * (the entry script and its modulepreloads), what the message editor adds, the IANA language registry
 * loaded beside it, and what opening the Text view adds (Monaco, its worker, CSS and icon font). Prints
 * bytes, minified and gzip.
 *
 * Run after `npm run build:app`: `npx tsx app/size-report.ts`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const assets = fileURLToPath(new URL('../assets', import.meta.url));
const staticDir = join(assets, 'static');

/**
 * The chunk files a chunk imports statically (`from"./x.js"`, `import"./x.js"`), recursively.
 *
 * @example staticClosure(['iframe-abc.js'], read) // ['iframe-abc.js', 'palette-def.js', ...]
 */
export function staticClosure(start: string[], read: (name: string) => string): string[] {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const match of read(name).matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g))
      if (match[1] && !seen.has(match[1])) queue.push(match[1]);
  }
  return [...seen];
}

function size(names: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const name of names) {
    const bytes = readFileSync(join(staticDir, name));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function main() {
  if (!existsSync(join(assets, 'iframe.html')))
    throw new Error('assets/iframe.html is missing: run npm run build:app first.');
  const html = readFileSync(join(assets, 'iframe.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\.\/static\/([^"]+\.js)"/g)].map(
    (match) => match[1] as string,
  );
  const read = (name: string) => readFileSync(join(staticDir, name), 'utf8');
  const files = readdirSync(staticDir);
  const find = (prefix: string, ext = '.js') =>
    files.filter((name) => name.startsWith(prefix) && name.endsWith(ext));
  const initial = staticClosure(entry, read);
  const editor = staticClosure(find('MessageEditor-'), read).filter((name) => !initial.includes(name));
  // Loaded alongside the editor (app/shell/App.tsx): the IANA language registry its rule checks use.
  const registry = staticClosure(find('registry-data-'), read).filter(
    (name) => !initial.includes(name) && !editor.includes(name),
  );
  const monacoJs = staticClosure([...find('RuleTextEditor-'), ...find('proactive-language-')], read).filter(
    (name) => !initial.includes(name) && !editor.includes(name) && !registry.includes(name),
  );
  const worker = find('editor.worker-');
  const css = find('proactive-language-', '.css');
  const rows: [string, string[]][] = [
    ['Initial (list screen)', initial],
    ['+ Message editor', editor],
    ['+ Language registry (with the editor)', registry],
    ['+ Text view: Monaco JS', monacoJs],
    ['+ Monaco worker', worker],
    ['+ Monaco CSS', css],
  ];
  console.log('| Load step | Files | Minified | Gzip |');
  console.log('| --- | ---: | ---: | ---: |');
  let total = { raw: 0, gzip: 0 };
  for (const [label, names] of rows) {
    const measured = size(names);
    total = { raw: total.raw + measured.raw, gzip: total.gzip + measured.gzip };
    console.log(`| ${label} | ${names.length} | ${kb(measured.raw)} | ${kb(measured.gzip)} |`);
  }
  console.log(`| Everything with Monaco | | ${kb(total.raw)} | ${kb(total.gzip)} |`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
