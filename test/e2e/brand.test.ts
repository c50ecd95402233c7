// The example's brand on a phone (390 px), light and dark: the logo variant for the scheme, the accent on links,
// a one-row header with a menu of every page, nothing wider than the screen, and axe clean.
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDir } from '../../scripts/lib/serve.ts';
import { axeViolations } from '../helpers/axe.ts';
import { launch } from '../helpers/browser.ts';
import { EXAMPLE_SITE } from '../helpers/paths.ts';

let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  ({ server, url: base } = await serveDir(EXAMPLE_SITE, '/'));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

const SCHEMES = [
  { scheme: 'light', logo: '/brand/ledgerly-logo.svg', accent: 'rgb(11, 110, 99)' },
  { scheme: 'dark', logo: '/brand/ledgerly-logo-dark.svg', accent: 'rgb(95, 211, 191)' },
] as const;

describe('the example’s brand on a phone', () => {
  for (const { scheme, logo, accent } of SCHEMES) {
    it(`${scheme}: its logo, the accent on links and the header line, one row, no overflow, axe clean`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(base);
      const img = page.locator('header .brand img');
      await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
      expect(new URL(await img.evaluate((i: HTMLImageElement) => i.currentSrc)).pathname).toBe(logo);
      expect(await img.boundingBox()).toMatchObject({ width: 28, height: 28 });
      expect(await page.locator('main .glance a').first().evaluate((a) => getComputedStyle(a).color)).not.toBe(accent);
      expect(await page.locator('main p a[href$="history/"]').evaluate((a) => getComputedStyle(a).color)).toBe(accent);
      expect(await page.locator('header.top').evaluate((h) => getComputedStyle(h).borderTopColor)).toBe(accent);
      const header = (await page.locator('header.top').boundingBox())!;
      expect(header.height).toBeLessThanOrEqual(48);
      // The menu (a details element) lists every page, Subscribe included.
      expect(await page.locator('header .menu a').first().isVisible()).toBe(false);
      await page.locator('header .menu summary').click();
      expect(await page.locator('header .menu a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['/', '/history/', '/maintenance/', '/postmortems/', '/subscribe/']);
      expect(await page.locator('header .menu a[href="/subscribe/"]').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('shows every link in the header row on a wide screen, the menu button hidden', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(base);
    expect(await page.locator('header .menu summary').isVisible()).toBe(false);
    for (const a of await page.locator('header .menu a').all()) expect(await a.isVisible()).toBe(true);
    await context.close();
  });
});
