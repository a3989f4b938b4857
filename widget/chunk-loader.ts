/**
 * Loads a widget chunk (the conversation panel, the extra rule runtime, the behaviour triggers, the site's
 * calls) on first use, from the same place as the widget script, with a plain script element (no
 * `import()` of fetched code, so a strict CSP with `script-src` of the widget host allows it). Each chunk
 * registers what it offers under its file name ({@link registerChunk}).
 */

const loading = new Map<string, Promise<unknown>>();

const globalOf = (file: string) => `__proactive_${file}`;

/**
 * Called by a chunk's entry: offers what the chunk brings to the initial script.
 *
 * @example registerChunk('widget-extras.js', extras)
 */
export function registerChunk(file: string, offer: unknown): void {
  (window as unknown as Record<string, unknown>)[globalOf(file)] = offer;
}

/**
 * A chunk's URL, relative to the widget script (the server serves widget chunks under `widget/`).
 *
 * @example chunkUrl('https://x.test/widget.js?v=2', 'widget-panel.js') // 'https://x.test/widget/widget-panel.js'
 */
export function chunkUrl(widgetSrc: string, file: string): string {
  return new URL(`widget/${file}`, widgetSrc).href;
}

const registered = <T>(file: string): T | null =>
  ((window as unknown as Record<string, T>)[globalOf(file)] as T | undefined) ?? null;

/**
 * Loads (once) the chunk `file` from next to the widget script and returns what it registered; null when
 * the script could not be loaded (the next call tries again).
 *
 * @example const mount = await loadChunk<MountPanel>('https://x.test/widget.js', 'widget-panel.js');
 */
export function loadChunk<T>(widgetSrc: string, file: string): Promise<T | null> {
  const ready = registered<T>(file);
  if (ready) return Promise.resolve(ready);
  let promise = loading.get(file) as Promise<T | null> | undefined;
  if (!promise) {
    promise = new Promise<T | null>((resolve) => {
      const script = document.createElement('script');
      script.src = chunkUrl(widgetSrc, file);
      script.async = true;
      script.addEventListener('load', () => resolve(registered<T>(file)));
      script.addEventListener('error', () => {
        loading.delete(file);
        script.remove();
        resolve(null);
      });
      (document.head ?? document.documentElement).appendChild(script);
    });
    loading.set(file, promise);
  }
  return promise;
}
