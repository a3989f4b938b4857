// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chunkUrl, loadChunk, registerChunk } from './chunk-loader.ts';

let appended: HTMLScriptElement[];
beforeEach(() => {
  appended = [];
  // The test plays the browser: it fires each script's load or error event.
  vi.spyOn(document.head, 'appendChild').mockImplementation(<T extends Node>(node: T) => {
    appended.push(node as unknown as HTMLScriptElement);
    node.addEventListener('error', () => appended.splice(appended.indexOf(node as never), 1));
    return node;
  });
});
afterEach(() => vi.restoreAllMocks());

const scripts = () => appended;

describe('chunk loader', () => {
  it('loads a chunk once with a script element next to the widget script, and returns what it registered', async () => {
    const first = loadChunk<string>('https://cdn.test/widget.js', 'widget-a.js');
    const second = loadChunk<string>('https://cdn.test/widget.js', 'widget-a.js');
    expect(scripts().map((script) => script.src)).toEqual(['https://cdn.test/widget/widget-a.js']);
    registerChunk('widget-a.js', 'offer');
    scripts()[0]!.dispatchEvent(new Event('load'));
    expect(await first).toBe('offer');
    expect(await second).toBe('offer');
    expect(await loadChunk('https://cdn.test/widget.js', 'widget-a.js')).toBe('offer');
  });

  it('resolves null when the script fails, and tries again on the next call', async () => {
    const failed = loadChunk('https://cdn.test/widget.js', 'widget-b.js');
    scripts()[0]!.dispatchEvent(new Event('error'));
    expect(await failed).toBeNull();
    expect(scripts()).toEqual([]);
    void loadChunk('https://cdn.test/widget.js', 'widget-b.js');
    expect(scripts()).toHaveLength(1);
    expect(chunkUrl('https://cdn.test/widget.js?v=2', 'widget-b.js')).toBe(
      'https://cdn.test/widget/widget-b.js',
    );
  });
});
