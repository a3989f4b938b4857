import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { shrinkChunk, monacoMangle, monacoMarker, reservedNames } from './mangle.ts';

/** Runs `code` as a script (without its exports) and returns what it assigns to `globalThis.result`. */
function run(code: string): unknown {
  const context: { result?: unknown } = {};
  runInNewContext(code.replace(/export\s*\{[^}]*\};?/, ''), context);
  return JSON.parse(JSON.stringify(context.result)) as unknown;
}

const classes = `
class Store { constructor() { this._items = []; this._label = 'store'; } add(item) { this._items.push(item); return this; } get size() { return this._items.length; } }
class Named extends Store { constructor() { super(); this._label = 'named'; this.__proto__check = 1; } label() { return this._label + ':' + this.size; } }
const viaString = new Named(); viaString._kept = 'kept';
globalThis.result = [new Named().add(1).add(2).label(), '_kept' in viaString, viaString['_quoted'] === undefined];
export { Named };
`;

describe('shrinkChunk', () => {
  it('shortens private member names consistently: the code behaves the same', async () => {
    const mangled = await shrinkChunk(classes, reservedNames(classes, []));
    expect(mangled).not.toMatch(/\b_items\b|\b_label\b/);
    expect(mangled.length).toBeLessThan(classes.length);
    expect(run(mangled)).toEqual(run(classes));
    expect(run(mangled)).toEqual(['named:2', true, true]);
  });

  it('keeps names spelled as strings, used by other files, or starting with two underscores', async () => {
    const mangled = await shrinkChunk(classes, reservedNames(classes, ['other._label = 1;']));
    expect(mangled).toMatch(/\._kept\b/);
    expect(mangled).toMatch(/\._label\b/);
    expect(mangled).toMatch(/\.__proto__check\b/);
    expect(mangled).not.toMatch(/\b_items\b/);
  });
});

describe('reservedNames', () => {
  it('collects whole-string names of the chunk and every private-looking name of the others', () => {
    expect(reservedNames('a._x; a["_y"]; b = `_z`; c = "not _w"', ['d._v + e.__proto__'])).toEqual(
      new Set(['_y', '_z', '_v']),
    );
  });
});

describe('monacoMangle', () => {
  it("rewrites only the chunk holding Monaco's editor, keeping names other files use", async () => {
    const chunk = (fileName: string, code: string, modules: string[]) =>
      ({
        type: 'chunk',
        fileName,
        code,
        modules: Object.fromEntries(modules.map((id) => [id, {}])),
      }) as unknown as Rollup.OutputChunk;
    const monaco = chunk('monaco.js', 'const o = { _shared: 1, _own: 2 }; export { o };', [
      `/x/node_modules${monacoMarker}`,
    ]);
    const app = chunk('app.js', 'const p = { _own: 3 }; p._shared; export { p };', ['/x/app/main.tsx']);
    const worker = {
      type: 'asset',
      fileName: 'worker.js',
      source: 'self._fromWorker = 1;',
    } as unknown as Rollup.OutputAsset;
    const bundle = { 'monaco.js': monaco, 'app.js': app, 'worker.js': worker } as Rollup.OutputBundle;
    const plugin = monacoMangle();
    await (plugin.generateBundle as (options: unknown, bundle: Rollup.OutputBundle) => Promise<void>).call(
      {},
      {},
      bundle,
    );
    expect(monaco.code).toMatch(/_shared:1/);
    expect(monaco.code).toMatch(/_own:2/); // the app chunk spells `_own` too
    expect(app.code).toBe('const p = { _own: 3 }; p._shared; export { p };');
  });

  it('renames what no other file uses', async () => {
    const monaco = {
      type: 'chunk',
      fileName: 'monaco.js',
      code: 'const o = { _private: 1 }; globalThis.result = o._private; export { o };',
      modules: { [`/x/node_modules${monacoMarker}`]: {} },
    } as unknown as Rollup.OutputChunk;
    const plugin = monacoMangle();
    await (plugin.generateBundle as (options: unknown, bundle: Rollup.OutputBundle) => Promise<void>).call(
      {},
      {},
      { 'monaco.js': monaco } as Rollup.OutputBundle,
    );
    expect(monaco.code).not.toMatch(/_private/);
    expect(run(monaco.code)).toBe(1);
  });
});
