/**
 * Builds the admin app into `assets/` (entry `assets/iframe.html`, the Zendesk app location), with
 * relative URLs so it works both inside Zendesk and served by the server at `/admin/`.
 */
import { readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../assets', import.meta.url));
/** Committed files in assets/ that the build must keep. */
const keep = new Set(['logo.svg', 'logo-small.svg']);

/** Empties assets/ except the committed logos (Vite's emptyOutDir would delete them). */
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

export default defineConfig({
  root,
  base: './',
  plugins: [react(), cleanAssets()],
  build: {
    outDir,
    emptyOutDir: false,
    assetsDir: 'static',
    chunkSizeWarningLimit: 6000,
    rollupOptions: { input: { iframe: fileURLToPath(new URL('./iframe.html', import.meta.url)) } },
  },
  worker: { format: 'es' },
});
