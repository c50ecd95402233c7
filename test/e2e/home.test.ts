// The fixture site in a real browser: the ongoing incident is visible, nothing errors, axe finds nothing.
import { AxeBuilder } from '@axe-core/playwright';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDir } from '../../scripts/lib/serve.ts';
import { launch } from '../helpers/browser.ts';
import { BASIC_SITE } from '../helpers/paths.ts';

let browser: Browser;
let server: Server;
let base: string;

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
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, colorScheme: options.colorScheme ?? 'light', timezoneId: options.timezoneId ?? 'UTC' });
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

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
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
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`has no axe violations on /${path} (${colorScheme})`, async () => {
        const { page, problems } = await open(path, { colorScheme });
        expect(await axe(page)).toEqual([]);
        expect(problems).toEqual([]);
      });
    }
  }

  it('works fully with JavaScript off', async () => {
    const { page } = await open('incidents/2026-11-23-api-errors-eu/', { javaScript: false });
    expect(await page.locator('h1').innerText()).toBe('API requests failing for some customers in Europe');
    expect(await page.locator('ol.updates > li').count()).toBe(2);
    expect(await page.locator('.next time').getAttribute('title')).toBeNull();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
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
