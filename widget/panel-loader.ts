/**
 * Loads the conversation panel script on first use, from the same place as the widget script, with a
 * plain script element (no `import()` of fetched code, so a strict CSP with `script-src` of the widget
 * host allows it).
 */
import { PANEL_GLOBAL, type MountPanel } from './panel/contract.ts';

let loading: Promise<MountPanel | null> | null = null;

/**
 * The panel script's URL, relative to the widget script (the server serves widget chunks under `widget/`).
 *
 * @example panelScriptUrl('https://x.test/widget.js?v=2') // 'https://x.test/widget/widget-panel.js'
 */
export function panelScriptUrl(widgetSrc: string): string {
  return new URL('widget/widget-panel.js', widgetSrc).href;
}

const registered = (): MountPanel | null => {
  const candidate = (window as unknown as Record<string, unknown>)[PANEL_GLOBAL];
  return typeof candidate === 'function' ? (candidate as MountPanel) : null;
};

/**
 * Loads (once) and returns the panel's mount function; null when the script could not be loaded.
 *
 * @example const mount = await loadPanel('https://x.test/widget-panel.js');
 */
export function loadPanel(src: string): Promise<MountPanel | null> {
  const ready = registered();
  if (ready) return Promise.resolve(ready);
  loading ??= new Promise<MountPanel | null>((resolve) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.addEventListener('load', () => resolve(registered()));
    script.addEventListener('error', () => {
      loading = null;
      script.remove();
      resolve(null);
    });
    (document.head ?? document.documentElement).appendChild(script);
  });
  return loading;
}
