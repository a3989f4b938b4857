/**
 * Measures the built admin app's JavaScript from the build output (assets/): what the first screen loads
 * (the entry script and its modulepreloads), what the message editor adds, the IANA language registry
 * loaded beside it, and what opening the Text view adds (Monaco and its CSS; it starts no worker). Prints
 * bytes minified, gzip, brotli and on the wire (the precompressed `.br` twin the server sends a browser,
 * the file itself when it has none), and checks the budgets of issue 11 ({@link budgets}).
 *
 * Run after `npm run build:app`: `npx tsx app/size-report.ts` (exits 1 when a budget is exceeded).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The admin app's build output. */
export const assetsDir = fileURLToPath(new URL('../assets', import.meta.url));

/**
 * The size budgets of issue 11: the first screen's JavaScript on the wire (<= 160 KB), and the Monaco
 * chunk the Text view loads, minified (<= 1.5 MB). Read strictly, in thousands of bytes as Vite prints
 * sizes (the binary reading, 1,024, would allow 2.4% and 4.9% more).
 */
export const budgets = { initialWire: 160_000, monacoGoal: 1_500_000 } as const;

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

/** Sizes in bytes of a set of files. */
export interface Sizes {
  files: string[];
  minified: number;
  gzip: number;
  brotli: number;
  /** What the server sends a browser: each file's `.br` twin, or the file when it has none (< 1 KB). */
  wire: number;
}

/** One step of loading the app, and what it adds. */
export interface Step extends Sizes {
  label: string;
}

/** The sizes of `names` in `dir` (gzip level 9, brotli quality 11 as the build precompresses). */
export function measure(dir: string, names: string[]): Sizes {
  const sizes: Sizes = { files: names, minified: 0, gzip: 0, brotli: 0, wire: 0 };
  for (const name of names) {
    const bytes = readFileSync(join(dir, name));
    const twin = join(dir, `${name}.br`);
    sizes.minified += bytes.length;
    sizes.gzip += gzipSync(bytes, { level: 9 }).length;
    sizes.brotli += brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: bytes.length > 1024 * 1024 ? 9 : 11 },
    }).length;
    sizes.wire += existsSync(twin) ? readFileSync(twin).length : bytes.length;
  }
  return sizes;
}

/**
 * The load steps of the admin app built in `assets`: the first screen, the message editor, the language
 * registry, the Text view's Monaco chunk (the `proactive-language` chunk and what only it imports) and
 * its CSS.
 *
 * @example const [initial] = loadSteps(assetsDir); initial.wire <= budgets.initialWire
 */
export function loadSteps(assets: string = assetsDir): Step[] {
  if (!existsSync(join(assets, 'iframe.html')))
    throw new Error(`${join(assets, 'iframe.html')} is missing: run npm run build:app first.`);
  const staticDir = join(assets, 'static');
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
  const textView = staticClosure([...find('RuleTextEditor-'), ...find('proactive-language-')], read).filter(
    (name) => !initial.includes(name) && !editor.includes(name) && !registry.includes(name),
  );
  const steps: [string, string[]][] = [
    ['Initial (sign-in, message list)', initial],
    ['+ Message editor', editor],
    ['+ Language registry (with the editor)', registry],
    ['+ Text view: Monaco JS', textView],
    ['+ Monaco CSS', find('proactive-language-', '.css')],
  ];
  return steps.map(([label, names]) => ({ label, ...measure(staticDir, names) }));
}

/** The Monaco chunk itself (`proactive-language-*.js`): minified bytes. */
export function monacoChunk(assets: string = assetsDir): Sizes {
  const staticDir = join(assets, 'static');
  const names = readdirSync(staticDir).filter(
    (name) => name.startsWith('proactive-language-') && name.endsWith('.js'),
  );
  return measure(staticDir, names);
}

/**
 * The budgets the build exceeds, as sentences (empty when within them).
 *
 * @example overBudget(loadSteps(), monacoChunk()) // []
 */
export function overBudget(steps: Step[], monaco: Sizes): string[] {
  const problems: string[] = [];
  const initial = steps[0];
  if (initial && initial.wire > budgets.initialWire)
    problems.push(
      `The first screen's JavaScript is ${kb(initial.wire)} on the wire, over ${kb(budgets.initialWire)}: keep what only other pages need out of it (React.lazy, import()). Files: ${initial.files.join(', ')}`,
    );
  if (monaco.minified > budgets.monacoGoal)
    problems.push(
      `The Monaco chunk is ${kb(monaco.minified)} minified, over ${kb(budgets.monacoGoal)}: import only the features the Text view uses (app/monaco/editor-features.ts) and see app/monaco/slim.ts.`,
    );
  return problems;
}

/**
 * A size in kB (1,000 bytes), as Vite prints it.
 *
 * @example kb(1_484_089) // '1484.1 kB'
 */
export const kb = (bytes: number, digits = 1): string => `${(bytes / 1000).toFixed(digits)} kB`;

/** The steps as a Markdown table. */
export function table(steps: Step[]): string {
  const lines = [
    '| Load step | Files | Minified | Gzip | Brotli | On the wire |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const step of steps)
    lines.push(
      `| ${step.label} | ${step.files.length} | ${kb(step.minified)} | ${kb(step.gzip)} | ${kb(step.brotli)} | ${kb(step.wire)} |`,
    );
  return lines.join('\n');
}

function main() {
  const steps = loadSteps();
  const monaco = monacoChunk();
  console.log(table(steps));
  console.log(
    `\nMonaco chunk: ${kb(monaco.minified)} minified, ${kb(monaco.gzip)} gzip, ${kb(monaco.brotli)} brotli (budget ${kb(budgets.monacoGoal)} minified).`,
  );
  console.log(`First screen on the wire: ${kb(steps[0]?.wire ?? 0)} (budget ${kb(budgets.initialWire)}).`);
  const problems = overBudget(steps, monaco);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
