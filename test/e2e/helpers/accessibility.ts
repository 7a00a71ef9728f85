import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The rules of axe-core's serious and critical violations that pages still break (issue 27 §3, surveyed on
 * every screenshot of the suite on 2026-12-07: contrast on 98 of 98, Taro's page scroller on 29, unlabelled
 * inputs and switches on 16, images without text on 12). Every other serious or critical WCAG 2.1 A/AA
 * violation fails the test that took the screenshot, so no page regresses; take a rule out of this list when
 * its pages are fixed.
 */
export const PENDING_RULES = ['color-contrast', 'scrollable-region-focusable', 'label', 'image-alt'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Serious and critical WCAG 2.1 A/AA violations on the page as it shows now, but for the pending rules. */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ content: AXE_SOURCE });
  const options = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, rules: Object.fromEntries(PENDING_RULES.map((rule) => [rule, { enabled: false }])), resultTypes: ['violations'] };
  const results = (await page.evaluate(`window.axe.run(document, ${JSON.stringify(options)})`)) as {
    violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
  };
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')) }));
}
