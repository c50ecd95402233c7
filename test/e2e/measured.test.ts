// Measured uptime on a phone without JavaScript: the component page's chart is drawn, fills the column and never
// makes the page scroll sideways at 320 or 390 px, with the day-by-day table closed or open, in every language.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { EXAMPLE_OUT } from '../helpers/paths.ts';
import { servedMirrors } from '../helpers/served-mirrors.ts';

const WIDTHS = [320, 390];
/** The example's measured API page in each language that shows one (the China mirror's region has no check). */
const PAGES = [
  ['global', 'components/api/'],
  ['eu', 'components/api/'],
  ['eu', 'fr/components/api/'],
  ['eu', 'sv/components/api/'],
  ['eu', 'ro/components/api/'],
  ['eu', 'en/components/api/'],
] as const;

let browser: Browser;
const mirrors = servedMirrors();

beforeAll(async () => {
  for (const mirror of ['global', 'eu']) await mirrors.serve(mirror, join(EXAMPLE_OUT, mirror), '/');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  mirrors.close();
});

describe('measured uptime on a phone, without JavaScript', () => {
  for (const [mirror, path] of PAGES) {
    it(`${mirror} /${path}: the chart fits at ${WIDTHS.join(' and ')} px, table closed and open`, async () => {
      const page = await browser.newPage({ viewport: { width: WIDTHS[0]!, height: 640 }, javaScriptEnabled: false });
      const response = await page.goto(new URL(path, mirrors.url(mirror)).href);
      expect(response?.status()).toBe(200);
      const chart = page.locator('section.measured svg.mchart');
      expect(await chart.locator('rect').count()).toBe(90);
      const failures: string[] = [];
      for (const open of [false, true]) {
        if (open) await page.locator('section.measured summary').click();
        expect(await page.locator('section.measured table').isVisible()).toBe(open);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 640 });
          const box = (await chart.boundingBox())!;
          const column = (await page.locator('section.measured').boundingBox())!;
          const sideways = await page.evaluate(() => document.scrollingElement!.scrollWidth - innerWidth);
          if (sideways > 0) failures.push(`${width} px, table ${open ? 'open' : 'closed'}: scrolls ${sideways} px sideways`);
          // Drawn across the column (not collapsed to nothing, not wider than it), and tall enough to read.
          if (box.width < column.width - 1 || box.x + box.width > width) failures.push(`${width} px: chart ${box.width} px wide in a ${column.width} px column`);
          if (box.height < 30) failures.push(`${width} px: chart ${box.height} px high`);
        }
      }
      expect(failures).toEqual([]);
      await page.close();
    });
  }
});
