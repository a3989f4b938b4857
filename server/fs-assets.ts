/**
 * The Node {@link AssetSource}: files under the project root, read on each request (they are small and
 * the OS caches them; a rebuild is picked up without a restart).
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { AssetSource } from './routes/static.ts';

/**
 * Assets read from a folder (the project root).
 *
 * @example fsAssets(process.cwd()).read('dist/widget.js')
 */
export function fsAssets(root: string): AssetSource {
  const base = resolve(root);
  return {
    async read(path) {
      const full = resolve(base, path);
      if (full !== base && !full.startsWith(base + sep)) return null;
      try {
        return new Uint8Array(await readFile(full));
      } catch {
        return null;
      }
    },
  };
}
