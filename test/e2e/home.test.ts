// The fixture site in a real browser: the ongoing incident is visible, nothing errors, axe finds nothing.
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDir } from '../../scripts/lib/serve.ts';
import { axeViolations } from '../helpers/axe.ts';
import { launch } from '../helpers/browser.ts';
import { BASIC_SITE } from '../helpers/paths.ts';
import { contextsPerTest } from '../helpers/test-contexts.ts';

let browser: Browser;
let server: Server;
let base: string;
const newContext = contextsPerTest(() => browser);

beforeAll(async () => {
  ({ server, url: base } = await serveDir(BASIC_SITE, '/status/'));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Opens a page, collecting console errors, failed requests and requests to any other host. */
async function open(path: string, options: { javaScript?: boolean; colorScheme?: 'light' | 'dark'; timezoneId?: string } = {}) {
  const context = await newContext({ javaScriptEnabled: options.javaScript ?? true, colorScheme: options.colorScheme ?? 'light', timezoneId: options.timezoneId ?? 'UTC' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  page.on('request', (r) => !r.url().startsWith(new URL(base).origin) && problems.push(`foreign: ${r.url()}`));
  const response = await page.goto(new URL(path, base).href);
  expect(response?.status()).toBe(200);
  return { page, problems };
}

describe('in Chromium', () => {
  it('shows the ongoing incident on the home page without console errors or foreign requests', async () => {
    const { page, problems } = await open('');
    await expect.poll(() => page.locator('.banner h1').innerText()).toBe('Partial outage');
    const card = page.locator('article.card').first();
    expect(await card.locator('h3').innerText()).toBe('API requests failing for some customers in Europe');
    // The optional script shows the reader's own time (UTC here) beside the mirror's, visibly, not only on hover.
    expect(await card.locator('.next').innerText()).toBe('Next update by 1:30 PM GMT+1 (your time: 12:30 PM UTC)');
    // The full moment in the reader's zone, as a tooltip once the pointer reaches it.
    await card.locator('.next time').hover();
    expect(await card.locator('.next time').getAttribute('title')).toBe('Nov 23, 2026, 12:30 PM UTC');
    expect(problems).toEqual([]);
  });

  for (const path of ['', 'incidents/2026-11-23-api-errors-eu/', 'history/', 'components/api/', 'maintenance/', 'incidents/2026-11-10-login-outage/postmortem/']) {
    // One page, both schemes: the colours come from CSS media queries alone, so switching the scheme restyles the
    // page as loading it in that scheme would, and axe is injected once.
    it(`has no axe violations on /${path}, light and dark`, async () => {
      const { page, problems } = await open(path, { colorScheme: 'light' });
      const light = await axeViolations(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      expect({ light, dark: await axeViolations(page) }).toEqual({ light: [], dark: [] });
      expect(problems).toEqual([]);
    });
  }

  it('finds what axe exists to find, run the way these tests run it', async () => {
    // The checks above pass only if axe really ran: plant an image without a text alternative and grey-on-white
    // text, and both must come back as violations.
    const { page } = await open('');
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML('afterbegin', '<img id="planted-img" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40"><p id="planted-text" style="color:#ccc;background:#fff">Hard to read</p>');
    });
    expect(await axeViolations(page)).toEqual(expect.arrayContaining(['image-alt: #planted-img', 'color-contrast: #planted-text']));
  });

  it('works fully with JavaScript off', async () => {
    const { page } = await open('incidents/2026-11-23-api-errors-eu/', { javaScript: false });
    expect(await page.locator('h1').innerText()).toBe('API requests failing for some customers in Europe');
    expect(await page.locator('ol.updates > li').count()).toBe(2);
    expect(await page.locator('.next time').getAttribute('title')).toBeNull();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const context = await newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(base);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
  });

  it('embeds: the widget reads status.json and shows a localized banner linking to the page', async () => {
    const { page, problems } = await open('404.html');
    await page.addScriptTag({ url: new URL('widget.js', base).href });
    const banner = page.locator('#candor-status');
    await expect.poll(() => banner.count()).toBe(1);
    expect(await banner.getAttribute('role')).toBe('status');
    expect(await banner.innerText()).toBe('Partial outage Details');
    expect(await banner.locator('a').getAttribute('href')).toBe(base);
    expect(problems).toEqual([]);
  });

  it('runs no script from hostile content', async () => {
    const { page, problems } = await open('incidents/2026-11-20-hostile-markdown/');
    for (const link of await page.locator('main a').all()) await link.click({ trial: true }).catch(() => {});
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(await page.locator('h1').innerText()).toBe('Billing emails <script>alert(1)</script> delayed');
    expect(problems).toEqual([]);
  });
});
