/**
 * Styles of the launcher and the bubble, applied inside the shadow root (a constructed stylesheet, so a
 * strict Content-Security-Policy without 'unsafe-inline' styles still allows them).
 */

/** The bubble and launcher stylesheet (widget.css; minified by the build). */
export { default as baseStyles } from './widget.css?raw';

/**
 * Applies a stylesheet to a shadow root: a constructed stylesheet when supported, else a `<style>` element.
 *
 * @example adoptStyles(shadowRoot, baseStyles)
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
}
