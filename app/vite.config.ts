/**
 * Builds the admin app into `assets/` (entry `assets/iframe.html`, the Zendesk app location), with
 * relative URLs so it works both inside Zendesk and served by the server at `/admin/`.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { adminPolicy } from '@proactive/contract/admin-csp';
import { precompress } from '@proactive/widget/build';
import { monacoMangle } from './monaco/mangle.ts';
import { monacoSlim } from './monaco/slim.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../assets', import.meta.url));
/** Committed files in assets/ that the build must keep (the logos and the nav bar icon). */
const keep = new Set(['logo.png', 'logo-small.png', 'icon_nav_bar.svg']);

/** Empties assets/ except the committed logos and icon (Vite's emptyOutDir would delete them). */
function cleanAssets(): Plugin {
  return {
    name: 'proactive-clean-assets',
    apply: 'build',
    buildStart() {
      let names: string[];
      try {
        names = readdirSync(outDir);
      } catch {
        return;
      }
      for (const name of names)
        if (!keep.has(name)) rmSync(`${outDir}/${name}`, { recursive: true, force: true });
    },
  };
}

/**
 * Puts the admin app's CSP into the built iframe.html (Zendesk serves the zip's files without our headers).
 * Build only: the dev server's React refresh needs an inline script.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'proactive-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: adminPolicy() },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** Text-like outputs worth compressing (images and fonts other than TTF are compressed already). */
const compressible = /\.(?:html|js|css|json|svg|ttf|map)$/;

/**
 * Writes the `.br` and `.gz` twins of every compressible output, which the server sends by
 * Accept-Encoding (the Zendesk zip leaves them out).
 */
function precompressOutput(): Plugin {
  return {
    name: 'proactive-precompress',
    apply: 'build',
    writeBundle(_options, bundle) {
      precompress(
        Object.keys(bundle)
          .filter((name) => compressible.test(name))
          .map((name) => join(outDir, name)),
      );
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [
    react(),
    monacoSlim(),
    monacoMangle(),
    cleanAssets(),
    contentSecurityPolicy(),
    precompressOutput(),
  ],
  build: {
    outDir,
    emptyOutDir: false,
    assetsDir: 'static',
    chunkSizeWarningLimit: 6000,
    rollupOptions: { input: { iframe: fileURLToPath(new URL('./iframe.html', import.meta.url)) } },
  },
  worker: { format: 'es' },
});
