/**
 * `npm run package`: writes an installable Zendesk app zip to dist/proactive-app.zip with manifest.json,
 * assets/ (the built app, its logos) and translations/. Builds the app first when assets/iframe.html is
 * missing. Checks the manifest and that every file it points at is in the zip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Manifest {
  name?: string;
  author?: { name?: string; email?: string };
  defaultLocale?: string;
  frameworkVersion?: string;
  location?: Record<string, Record<string, { url?: string; svg?: string } | string>>;
  parameters?: { name: string; type: string; secure?: boolean }[];
}

/**
 * Problems that would stop Zendesk from installing the app (empty when the manifest is fine).
 *
 * @example manifestProblems(JSON.parse(readFileSync('manifest.json', 'utf8')), new Set(['assets/iframe.html']))
 */
export function manifestProblems(manifest: Manifest, files: Set<string>): string[] {
  const problems: string[] = [];
  if (!manifest.name) problems.push('manifest.json: "name" is missing.');
  if (!manifest.author?.name || !manifest.author.email)
    problems.push('manifest.json: "author" needs a name and an email.');
  if (!manifest.defaultLocale) problems.push('manifest.json: "defaultLocale" is missing.');
  else if (!files.has(`translations/${manifest.defaultLocale}.json`))
    problems.push(`translations/${manifest.defaultLocale}.json is missing (the default locale's strings).`);
  if (manifest.frameworkVersion !== '2.0') problems.push('manifest.json: "frameworkVersion" must be "2.0".');
  const locations = Object.values(manifest.location ?? {}).flatMap((product) => Object.values(product));
  if (locations.length === 0) problems.push('manifest.json: "location" declares no location.');
  for (const location of locations) {
    const url = typeof location === 'string' ? location : location.url;
    if (url && !/^https?:/.test(url) && !files.has(url))
      problems.push(`manifest.json: location file ${url} is not in the package; run npm run build:app.`);
  }
  const parameters = manifest.parameters ?? [];
  if (!parameters.some((parameter) => parameter.name === 'server_url'))
    problems.push('manifest.json: the "server_url" parameter is missing.');
  if (!parameters.some((parameter) => parameter.secure))
    problems.push('manifest.json: a secure shared-secret parameter is missing.');
  return problems;
}

function filesUnder(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Builds the zip in memory: `{path in zip: bytes}`.
 *
 * @example const zip = packageApp('/path/to/repo'); writeFileSync('app.zip', zip.bytes);
 */
export function packageApp(base: string = root): { bytes: Uint8Array; files: string[] } {
  const paths = [
    join(base, 'manifest.json'),
    ...filesUnder(join(base, 'assets')),
    ...filesUnder(join(base, 'translations')),
  ];
  const entries: Zippable = {};
  const files: string[] = [];
  for (const path of paths) {
    const name = relative(base, path).split('\\').join('/');
    entries[name] = readFileSync(path);
    files.push(name);
  }
  const manifest = JSON.parse(readFileSync(join(base, 'manifest.json'), 'utf8')) as Manifest;
  const problems = manifestProblems(manifest, new Set(files));
  if (problems.length > 0) throw new Error(`The app cannot be packaged:\n- ${problems.join('\n- ')}`);
  return { bytes: zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }), files };
}

function main() {
  if (!existsSync(join(root, 'assets/iframe.html'))) {
    console.log('assets/iframe.html is missing: building the app first (npm run build:app)…');
    execFileSync('npm', ['run', 'build:app'], { cwd: root, stdio: 'inherit' });
  }
  const { bytes, files } = packageApp(root);
  mkdirSync(join(root, 'dist'), { recursive: true });
  const out = join(root, 'dist/proactive-app.zip');
  writeFileSync(out, bytes);
  console.log(`Wrote ${relative(root, out)}: ${files.length} files, ${(bytes.length / 1024).toFixed(0)} KB`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
