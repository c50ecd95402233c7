// axe-core over a page the test has open, held to WCAG 2.2 AA (every level up to it).
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * What axe finds, one "rule: targets" line per violation; [] when the page is clean.
 *
 * Legacy mode runs axe once inside the page. The default mode is built for pages with cross-origin frames: it runs
 * axe in every frame, then opens a second, blank page and injects axe's 600 KB source again there to merge the
 * results. Candor's pages have no frames, so the answer is the same for about half of the browser's work.
 */
export async function axeViolations(page: Page, tags: string[] = WCAG_AA): Promise<string[]> {
  const result = await new AxeBuilder({ page }).setLegacyMode(true).withTags(tags).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
