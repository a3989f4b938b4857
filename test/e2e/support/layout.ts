/**
 * Layout checks for the admin e2e: every control inside some elements is within the viewport and within
 * its section horizontally, is not covered by something else where a pointer would click it, and shows
 * its text unclipped.
 */
import type { Locator } from 'playwright-core';

/** What is wrong with one control, e.g. `button "Remove Page URL": right edge 906 > section 832`. */
export type LayoutProblem = string;

/**
 * Problems of the controls (buttons, comboboxes, text inputs, checkbox labels) inside each of `scopes`,
 * measured against the viewport and the nearest `bounds` ancestor (a CSS selector).
 *
 * @example expect(await unreachableControls(page.locator('[data-condition-id]'), '#section-rules')).toEqual([]);
 */
export async function unreachableControls(scopes: Locator, bounds: string): Promise<LayoutProblem[]> {
  return scopes.evaluateAll((elements, boundsSelector) => {
    const problems: string[] = [];
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.getAttribute('role') ? `[${element.getAttribute('role')}]` : ''} "${
        element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? ''
      }"`;
    for (const scope of elements) {
      const box = scope.closest(boundsSelector)?.getBoundingClientRect();
      const controls = scope.querySelectorAll<HTMLElement>(
        'button, [role="combobox"], input:not([type="checkbox"]):not([type="radio"]):not([hidden]), textarea, label',
      );
      for (const control of controls) {
        const style = getComputedStyle(control);
        if (
          style.visibility === 'hidden' ||
          style.display === 'none' ||
          control.getClientRects().length === 0
        )
          continue;
        if (control.tagName === 'INPUT' && Number(style.opacity) === 0) continue; // Garden hides native inputs
        control.scrollIntoView({ block: 'center', inline: 'nearest' });
        const rect = control.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) continue;
        const label = name(control);
        if (rect.left < -0.5 || rect.right > window.innerWidth + 0.5)
          problems.push(
            `${label}: x ${Math.round(rect.left)}-${Math.round(rect.right)} outside the viewport (${window.innerWidth})`,
          );
        if (box && (rect.left < box.left - 0.5 || rect.right > box.right + 0.5))
          problems.push(
            `${label}: x ${Math.round(rect.left)}-${Math.round(rect.right)} outside ${boundsSelector} (${Math.round(box.left)}-${Math.round(box.right)})`,
          );
        const x = Math.min(Math.max(rect.left + rect.width / 2, 0), window.innerWidth - 1);
        const y = Math.min(Math.max(rect.top + rect.height / 2, 0), window.innerHeight - 1);
        const hit = document.elementFromPoint(x, y);
        if (!hit || !(control === hit || control.contains(hit) || hit.contains(control)))
          problems.push(
            `${label}: covered at (${Math.round(x)}, ${Math.round(y)}) by ${hit ? name(hit) : 'nothing'}`,
          );
        for (const text of control.querySelectorAll<HTMLElement>('*')) {
          if (text.children.length > 0 || !text.textContent?.trim()) continue;
          if (text.scrollWidth > text.clientWidth + 1 && getComputedStyle(text).overflow !== 'visible')
            problems.push(
              `${label}: text "${text.textContent.trim()}" is clipped (${text.scrollWidth} > ${text.clientWidth})`,
            );
        }
      }
    }
    return problems;
  }, bounds);
}
