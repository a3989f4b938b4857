/**
 * Loads a widget chunk (the conversation panel, the extra rule runtime, the behaviour triggers) on first
 * use, from the same place as the widget script, with a plain script element (no `import()` of fetched
 * code, so a strict CSP with `script-src` of the widget host allows it). Each chunk registers what it
 * offers on a global of its own.
 */

const loading = new Map<string, Promise<unknown>>();

/**
 * A chunk's URL, relative to the widget script (the server serves widget chunks under `widget/`).
 *
 * @example chunkUrl('https://x.test/widget.js?v=2', 'widget-panel.js') // 'https://x.test/widget/widget-panel.js'
 */
export function chunkUrl(widgetSrc: string, file: string): string {
  return new URL(`widget/${file}`, widgetSrc).href;
}

const registered = <T>(global: string): T | null =>
  ((window as unknown as Record<string, T>)[global] as T | undefined) ?? null;

/**
 * Loads (once) the chunk at `src` and returns what it registered on `window[global]`; null when the
 * script could not be loaded (the next call tries again).
 *
 * @example const mount = await loadChunk<MountPanel>('https://x.test/widget/widget-panel.js', PANEL_GLOBAL);
 */
export function loadChunk<T>(src: string, global: string): Promise<T | null> {
  const ready = registered<T>(global);
  if (ready) return Promise.resolve(ready);
  let promise = loading.get(src) as Promise<T | null> | undefined;
  if (!promise) {
    promise = new Promise<T | null>((resolve) => {
      const script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.addEventListener('load', () => resolve(registered<T>(global)));
      script.addEventListener('error', () => {
        loading.delete(src);
        script.remove();
        resolve(null);
      });
      (document.head ?? document.documentElement).appendChild(script);
    });
    loading.set(src, promise);
  }
  return promise;
}
