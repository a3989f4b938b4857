/**
 * Accessibility checks with axe-core, injected into the page the way @axe-core/playwright does it (that
 * package's engines field asks for Node 22; axe-core itself runs anywhere). The source is evaluated through
 * the DevTools protocol, so pages with a strict CSP (no inline script) can be checked as they are.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One violation as the tests report it: rule, impact, and where (a few selectors). */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * The critical and serious violations on the page (or frame) as it is now, WCAG 2.1 A/AA and axe's
 * best practices.
 *
 * @example expect(await seriousViolations(page)).toEqual([]);
 */
export async function seriousViolations(target: Page | Frame): Promise<AxeFinding[]> {
  await target.evaluate(axeSource);
  const violations = await target.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[]; failureSummary?: string }[];
    }[];
  });
  return violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes
        .slice(0, 5)
        .map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
    }));
}
