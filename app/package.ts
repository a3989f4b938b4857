/**
 * `npm run package`: writes an installable Zendesk app zip to dist/proactive-app.zip with manifest.json,
 * assets/ (the built app, its logos and nav bar icon) and translations/. Builds the app first when
 * assets/iframe.html is missing. Checks what Zendesk's app validator requires before writing the zip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Parameter {
  name: string;
  type?: string;
  required?: boolean;
  secure?: boolean;
  default?: unknown;
  scopes?: string[];
}

interface Manifest {
  name?: string;
  author?: { name?: string; email?: string; url?: string };
  defaultLocale?: string;
  frameworkVersion?: string;
  version?: string;
  location?: Record<string, Record<string, { url?: string } | string>>;
  parameters?: Parameter[];
  domainWhitelist?: unknown;
}

/** The PNG logos Zendesk shows for the app and their sizes (Zendesk's app requirements). */
export const requiredImages = { 'assets/logo.png': 320, 'assets/logo-small.png': 128 } as const;

/** Setting types Zendesk accepts (zendesk_apps_support, manifest/parameter.rb TYPES). */
const parameterTypes = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth', 'mtls'];
/** Where a secure setting may be placed (zendesk_apps_support, validations/manifest.rb SECURE_PARAM_SCOPES). */
const secureScopes = [
  'header',
  'body',
  'url',
  'jwt_secret_key',
  'jwt_claim',
  'basic_auth_username',
  'basic_auth_password',
];
/** Locations that show an icon, read from assets/icon_<location>.svg (zcli buildAppJSON, ZAS package.rb). */
const iconLocations = ['top_bar', 'nav_bar', 'system_top_bar', 'ticket_editor'];

/** The width and height of a PNG from its IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, index) => bytes[index] !== byte)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Problems that would make Zendesk's app validator (zendesk_apps_support, which `zcli apps:validate` and
 * the upload call) refuse the package or show it without icons; empty when it is fine. `read` gives a
 * file's bytes (translations and images are checked too). docs/admin.md lists each rule with its source.
 *
 * @example manifestProblems(manifest, new Map([['assets/iframe.html', bytes]]))
 */
export function manifestProblems(manifest: Manifest, files: ReadonlyMap<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const text = (path: string) => new TextDecoder().decode(files.get(path));
  if (!manifest.name) problems.push('manifest.json: "name" is missing.');
  if (!manifest.author?.name || !manifest.author.email)
    problems.push('manifest.json: "author" needs a name and an email.');
  if (manifest.author?.url !== undefined && !/^https?:\/\/[^/]+/.test(manifest.author.url))
    problems.push('manifest.json: "author.url" must be an http(s) URL.');
  if (!manifest.defaultLocale) problems.push('manifest.json: "defaultLocale" is missing.');
  else if (!/^[a-z]{2,3}(-\w{2,3})?$/.test(manifest.defaultLocale))
    problems.push(`manifest.json: "defaultLocale" ${manifest.defaultLocale} is not a locale such as "en".`);
  else if (!files.has(`translations/${manifest.defaultLocale}.json`))
    problems.push(`translations/${manifest.defaultLocale}.json is missing (the default locale's strings).`);
  if (manifest.frameworkVersion !== '2.0') problems.push('manifest.json: "frameworkVersion" must be "2.0".');
  if (manifest.version !== undefined && typeof manifest.version !== 'string')
    problems.push('manifest.json: "version" must be a string.');
  const locations = Object.entries(manifest.location ?? {}).flatMap(([product, entries]) =>
    Object.entries(entries).map(([name, location]) => ({ product, name, location })),
  );
  if (locations.length === 0) problems.push('manifest.json: "location" declares no location.');
  for (const { name, location } of locations) {
    const url = typeof location === 'string' ? location : location.url;
    if (!url) problems.push(`manifest.json: location ${name} has no url.`);
    else if (/^https?:/.test(url)) {
      if (!/^(https:|http:\/\/localhost[:/])/.test(url))
        problems.push(`manifest.json: location ${name} must be https (or localhost): ${url}.`);
    } else if (!url.startsWith('assets/') || !files.has(url))
      problems.push(`manifest.json: location file ${url} is not in the package; run npm run build:app.`);
    if (typeof location !== 'string' && Object.keys(location).some((key) => key === 'svg'))
      problems.push(
        `manifest.json: location ${name} has an "svg" key; Zendesk reads assets/icon_${name}.svg.`,
      );
    if (iconLocations.includes(name) && !files.has(`assets/icon_${name}.svg`))
      problems.push(`assets/icon_${name}.svg is missing (the ${name} icon).`);
  }
  const whitelist = manifest.domainWhitelist;
  if (
    whitelist !== undefined &&
    !(Array.isArray(whitelist) && whitelist.every((item) => typeof item === 'string'))
  )
    problems.push('manifest.json: "domainWhitelist" must be an array of strings.');
  const parameters = manifest.parameters ?? [];
  const names = parameters.map((parameter) => parameter.name);
  for (const parameter of parameters) {
    const where = `manifest.json: parameter "${parameter.name}"`;
    if (names.filter((name) => name === parameter.name).length > 1)
      problems.push(`${where} is declared twice.`);
    if (parameter.name === 'name') problems.push(`${where}: a parameter cannot be called "name".`);
    if (!parameterTypes.includes(parameter.type ?? 'text'))
      problems.push(`${where}: type must be one of ${parameterTypes.join(', ')}.`);
    if (parameter.type === 'hidden' && parameter.required)
      problems.push(`${where}: a hidden parameter cannot be required.`);
    if ((parameter.secure || parameter.type === 'hidden') && 'default' in parameter)
      problems.push(`${where}: a secure or hidden parameter cannot have a default.`);
    if (parameter.secure && !parameter.scopes?.length)
      problems.push(`${where}: a secure parameter needs "scopes" (where Zendesk may place it).`);
    for (const scope of parameter.scopes ?? [])
      if (!secureScopes.includes(scope)) problems.push(`${where}: unknown scope "${scope}".`);
  }
  if (!names.includes('server_url')) problems.push('manifest.json: the "server_url" parameter is missing.');
  if (!parameters.some((parameter) => parameter.secure && parameter.scopes?.includes('jwt_secret_key')))
    problems.push('manifest.json: a secure shared-secret parameter (scope jwt_secret_key) is missing.');
  for (const path of [...files.keys()].filter((name) => /^translations\/.*\.json$/.test(name))) {
    let strings: { app?: { parameters?: Record<string, { label?: string }> } };
    try {
      strings = JSON.parse(text(path)) as typeof strings;
    } catch {
      problems.push(`${path} is not valid JSON.`);
      continue;
    }
    if (path !== `translations/${manifest.defaultLocale}.json`) continue;
    for (const name of names)
      if (!strings.app?.parameters?.[name]?.label)
        problems.push(`${path}: app.parameters.${name}.label is missing (the setting's label).`);
  }
  for (const [path, size] of Object.entries(requiredImages)) {
    const bytes = files.get(path);
    const found = bytes ? pngSize(bytes) : null;
    if (!bytes) problems.push(`${path} is missing (run npx tsx app/logos.ts).`);
    else if (!found) problems.push(`${path} is not a PNG.`);
    else if (found.width !== size || found.height !== size)
      problems.push(`${path} is ${found.width}x${found.height}; Zendesk wants ${size}x${size}.`);
  }
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
    // The precompressed twins (FILE.br, FILE.gz) are for our server; Zendesk serves the files itself.
    ...filesUnder(join(base, 'assets')).filter((path) => !/\.(?:br|gz)$/.test(path)),
    ...filesUnder(join(base, 'translations')),
  ];
  const entries: Zippable = {};
  const files: string[] = [];
  const contents = new Map<string, Uint8Array>();
  for (const path of paths) {
    const name = relative(base, path).split('\\').join('/');
    entries[name] = readFileSync(path);
    contents.set(name, entries[name]);
    files.push(name);
  }
  const manifest = JSON.parse(readFileSync(join(base, 'manifest.json'), 'utf8')) as Manifest;
  const problems = manifestProblems(manifest, contents);
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
