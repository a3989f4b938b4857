import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { manifestProblems, packageApp, pngSize, requiredImages } from './package.ts';

const root = new URL('..', import.meta.url);
const read = (path: string) => new Uint8Array(readFileSync(new URL(path, root)));
const manifest = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8'));
/** The committed files the package needs besides the built app. */
const committed = [
  'assets/logo.png',
  'assets/logo-small.png',
  'assets/icon_nav_bar.svg',
  'translations/en.json',
];

function fixture(withIframe = true): string {
  const base = mkdtempSync(join(tmpdir(), 'proactive-package-'));
  writeFileSync(join(base, 'manifest.json'), JSON.stringify(manifest));
  mkdirSync(join(base, 'assets/static'), { recursive: true });
  mkdirSync(join(base, 'translations'));
  for (const path of committed) copyFileSync(new URL(path, root), join(base, path));
  if (withIframe) writeFileSync(join(base, 'assets/iframe.html'), '<!doctype html>');
  writeFileSync(join(base, 'assets/static/app.js'), 'console.log(1)');
  return base;
}

/** The repository's package contents, with a stand-in for the built iframe.html. */
function repositoryFiles(): Map<string, Uint8Array> {
  const files = new Map(committed.map((path) => [path, read(path)]));
  files.set('assets/iframe.html', new Uint8Array());
  return files;
}

describe('the Zendesk app package', () => {
  it('has every file and manifest field Zendesk requires, as the repository stands', () => {
    expect(manifestProblems(manifest, repositoryFiles())).toEqual([]);
    expect(manifest).toMatchObject({
      name: expect.any(String),
      author: { name: expect.any(String), email: expect.stringMatching(/@/) },
      defaultLocale: 'en',
      frameworkVersion: '2.0',
      location: { support: { nav_bar: { url: 'assets/iframe.html' } } },
    });
    expect(manifest.location.support.nav_bar).not.toHaveProperty('svg');
    expect(manifest.parameters).toEqual([
      expect.objectContaining({ name: 'server_url', type: 'url', required: true }),
      expect.objectContaining({ name: 'shared_secret', secure: true, scopes: ['jwt_secret_key'] }),
    ]);
    expect(manifest.parameters[1]).not.toHaveProperty('default');
    for (const [path, size] of Object.entries(requiredImages))
      expect(pngSize(read(path)), path).toEqual({ width: size, height: size });
    const icon = new TextDecoder().decode(read('assets/icon_nav_bar.svg'));
    expect(icon).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(icon).not.toMatch(/<script|on\w+=/i); // Zendesk's validator strips scripts and handlers
    const strings = JSON.parse(new TextDecoder().decode(read('translations/en.json')));
    expect(strings.app.parameters.server_url.label).toBe('Server URL');
    expect(strings.app.parameters.shared_secret.label).toBe('Shared secret');
  });

  it('zips manifest.json, assets/ and translations/ and nothing else', () => {
    const base = fixture();
    writeFileSync(join(base, 'secret.txt'), 'nope');
    const { bytes, files } = packageApp(base);
    const unzipped = unzipSync(bytes);
    expect(Object.keys(unzipped).sort()).toEqual(files.sort());
    expect(files.sort()).toEqual([
      'assets/icon_nav_bar.svg',
      'assets/iframe.html',
      'assets/logo-small.png',
      'assets/logo.png',
      'assets/static/app.js',
      'manifest.json',
      'translations/en.json',
    ]);
    expect(JSON.parse(new TextDecoder().decode(unzipped['manifest.json']))).toEqual(manifest);
  });

  it('refuses to package without the built app, saying how to fix it', () => {
    expect(() => packageApp(fixture(false))).toThrow(
      /assets\/iframe\.html is not in the package; run npm run build:app/,
    );
  });

  it('reports each missing field and file', () => {
    expect(manifestProblems({}, new Map())).toEqual([
      'manifest.json: "name" is missing.',
      'manifest.json: "author" needs a name and an email.',
      'manifest.json: "defaultLocale" is missing.',
      'manifest.json: "frameworkVersion" must be "2.0".',
      'manifest.json: "location" declares no location.',
      'manifest.json: the "server_url" parameter is missing.',
      'manifest.json: a secure shared-secret parameter (scope jwt_secret_key) is missing.',
      'assets/logo.png is missing (run npx tsx app/logos.ts).',
      'assets/logo-small.png is missing (run npx tsx app/logos.ts).',
    ]);
  });

  it('reports what Zendesk would refuse in a present field or file', () => {
    const files = repositoryFiles();
    files.delete('assets/icon_nav_bar.svg');
    files.set('assets/logo-small.png', read('assets/logo.png'));
    files.set('translations/en.json', new TextEncoder().encode('{"app":{}}'));
    files.set('translations/fr.json', new TextEncoder().encode('{oops'));
    const broken = {
      ...manifest,
      author: { ...manifest.author, url: 'github.com/proactive' },
      defaultLocale: 'english',
      location: { support: { nav_bar: { url: 'assets/iframe.html', svg: 'assets/logo.svg' } } },
      domainWhitelist: 'localhost',
      parameters: [
        { name: 'server_url', type: 'url' },
        { name: 'name', type: 'colour' },
        { name: 'token', type: 'hidden', required: true, default: 'x' },
        { name: 'shared_secret', secure: true, scopes: ['cookie'] },
        { name: 'shared_secret', secure: true },
      ],
    };
    expect(manifestProblems(broken, files)).toEqual([
      'manifest.json: "author.url" must be an http(s) URL.',
      'manifest.json: "defaultLocale" english is not a locale such as "en".',
      'manifest.json: location nav_bar has an "svg" key; Zendesk reads assets/icon_nav_bar.svg.',
      'assets/icon_nav_bar.svg is missing (the nav_bar icon).',
      'manifest.json: "domainWhitelist" must be an array of strings.',
      'manifest.json: parameter "name": a parameter cannot be called "name".',
      'manifest.json: parameter "name": type must be one of text, checkbox, url, number, multiline, hidden, oauth, mtls.',
      'manifest.json: parameter "token": a hidden parameter cannot be required.',
      'manifest.json: parameter "token": a secure or hidden parameter cannot have a default.',
      'manifest.json: parameter "shared_secret" is declared twice.',
      'manifest.json: parameter "shared_secret": unknown scope "cookie".',
      'manifest.json: parameter "shared_secret" is declared twice.',
      'manifest.json: parameter "shared_secret": a secure parameter needs "scopes" (where Zendesk may place it).',
      'manifest.json: a secure shared-secret parameter (scope jwt_secret_key) is missing.',
      'translations/fr.json is not valid JSON.',
      'assets/logo-small.png is 320x320; Zendesk wants 128x128.',
    ]);
  });

  it('names a missing setting label in the default locale', () => {
    const files = repositoryFiles();
    files.set(
      'translations/en.json',
      new TextEncoder().encode('{"app":{"parameters":{"server_url":{"label":"URL"}}}}'),
    );
    expect(manifestProblems(manifest, files)).toEqual([
      "translations/en.json: app.parameters.shared_secret.label is missing (the setting's label).",
    ]);
  });
});
