import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { manifestProblems, packageApp } from './package.ts';

const manifest = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'));

function fixture(withIframe = true): string {
  const base = mkdtempSync(join(tmpdir(), 'proactive-package-'));
  writeFileSync(join(base, 'manifest.json'), JSON.stringify(manifest));
  mkdirSync(join(base, 'assets/static'), { recursive: true });
  mkdirSync(join(base, 'translations'));
  writeFileSync(join(base, 'assets/logo.svg'), '<svg/>');
  writeFileSync(join(base, 'assets/logo-small.svg'), '<svg/>');
  if (withIframe) writeFileSync(join(base, 'assets/iframe.html'), '<!doctype html>');
  writeFileSync(join(base, 'assets/static/app.js'), 'console.log(1)');
  writeFileSync(join(base, 'translations/en.json'), '{"app":{"name":"x"}}');
  return base;
}

describe('the Zendesk app package', () => {
  it('the repository manifest is valid for a nav_bar app with a secure secret', () => {
    expect(manifest).toMatchObject({
      defaultLocale: 'en',
      frameworkVersion: '2.0',
      location: { support: { nav_bar: { url: 'assets/iframe.html' } } },
    });
    expect(manifest.author.name).toBeTruthy();
    expect(manifest.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'server_url' }),
        expect.objectContaining({ name: 'shared_secret', secure: true }),
      ]),
    );
  });

  it('zips manifest.json, assets/ and translations/ and nothing else', () => {
    const base = fixture();
    writeFileSync(join(base, 'secret.txt'), 'nope');
    const { bytes, files } = packageApp(base);
    const unzipped = unzipSync(bytes);
    expect(Object.keys(unzipped).sort()).toEqual(files.sort());
    expect(files.sort()).toEqual([
      'assets/iframe.html',
      'assets/logo-small.svg',
      'assets/logo.svg',
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

  it('reports each manifest problem', () => {
    expect(manifestProblems({}, new Set())).toEqual([
      'manifest.json: "name" is missing.',
      'manifest.json: "author" needs a name and an email.',
      'manifest.json: "defaultLocale" is missing.',
      'manifest.json: "frameworkVersion" must be "2.0".',
      'manifest.json: "location" declares no location.',
      'manifest.json: the "server_url" parameter is missing.',
      'manifest.json: a secure shared-secret parameter is missing.',
    ]);
  });
});
