import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BUDGETED_CHUNKS,
  buildWidget,
  CHUNK_BUDGET_BYTES,
  INITIAL_BUDGET_BYTES,
  precompress,
  sizeOf,
} from './build.ts';

const directory = mkdtempSync(join(tmpdir(), 'proactive-precompress-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('precompress', () => {
  it('writes brotli and gzip twins that decode to the file, and sizeOf reports them', () => {
    const path = join(directory, 'big.js');
    const code = `(()=>{${'console.log("proactive");'.repeat(100)}})();`;
    writeFileSync(path, code);
    precompress([path]);
    expect(brotliDecompressSync(readFileSync(`${path}.br`)).toString()).toBe(code);
    expect(gunzipSync(readFileSync(`${path}.gz`)).toString()).toBe(code);
    const size = sizeOf(path);
    expect(size).toEqual({
      file: 'big.js',
      min: code.length,
      gzip: readFileSync(`${path}.gz`).length,
      brotli: readFileSync(`${path}.br`).length,
    });
    expect(size.brotli).toBeLessThan(size.gzip);
  });

  it('gives a file under 1 KB no twins, and removes twins an earlier, bigger build left', () => {
    const path = join(directory, 'small.js');
    writeFileSync(path, 'x'.repeat(4096));
    precompress([path]);
    expect(existsSync(`${path}.br`)).toBe(true);
    writeFileSync(path, 'console.log(1);');
    precompress([path]);
    expect(existsSync(`${path}.br`)).toBe(false);
    expect(existsSync(`${path}.gz`)).toBe(false);
  });
});

describe('the widget build', () => {
  it('keeps widget.js within 10 KB min+gzip and each on-demand chunk of the language within 2 KB', async () => {
    const sizes = await buildWidget(join(directory, 'dist'));
    const gzipOf = (file: string) => sizes.find((size) => size.file === file)?.gzip;
    expect(sizes.map((size) => size.file)).toEqual(['widget.js', 'widget-panel.js', ...BUDGETED_CHUNKS]);
    expect(gzipOf('widget.js')).toBeLessThanOrEqual(INITIAL_BUDGET_BYTES);
    for (const chunk of BUDGETED_CHUNKS) expect(gzipOf(chunk), chunk).toBeLessThanOrEqual(CHUNK_BUDGET_BYTES);
  });
});
