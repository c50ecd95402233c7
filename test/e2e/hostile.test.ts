// Content that tries every way to run script (test/fixtures/hostile), loaded in Chromium: nothing may run,
// and every page must still render whole.
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDir } from '../../scripts/lib/serve.ts';
import { launch } from '../helpers/browser.ts';
import { feedparser } from '../helpers/external.ts';
import { HOSTILE_SITE } from '../helpers/paths.ts';
import { contextsPerTest } from '../helpers/test-contexts.ts';

let browser: Browser;
let server: Server;
let base: string;
const newContext = contextsPerTest(() => browser);

beforeAll(async () => {
  ({ server, url: base } = await serveDir(HOSTILE_SITE, '/'));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** A page that records any sign of script: dialogs, the flag the payloads set, and page errors. */
async function watched(): Promise<{ page: Page; ran: () => Promise<string[]> }> {
  const page = await (await newContext()).newPage();
  const signs: string[] = [];
  page.on('dialog', (d) => {
    signs.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => signs.push(`error: ${e.message}`));
  return {
    page,
    ran: async () => {
      const flag = await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned).catch(() => undefined);
      return flag ? [...signs, `ran: ${flag}`] : signs;
    },
  };
}

/**
 * Gives event-handler payloads their chance: every element in main receives the pointer, focus and animation
 * events a reader's hand would cause (one pass in the page, hidden elements too), and the real pointer moves over
 * each link, image and tag the content can put there. The day grid's 90 links are left to the first pass: they
 * are ours, each a date and a figure, and hovering them one by one took 11 s of a page.
 */
async function poke(page: Page) {
  await page.evaluate(() => {
    const events = ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove', 'pointerdown', 'mousedown', 'pointerup', 'mouseup', 'focus', 'focusin', 'animationstart', 'transitionend'];
    for (const el of document.querySelectorAll('main *')) for (const type of events) el.dispatchEvent(new Event(type, { bubbles: true }));
  });
  for (const el of await page.locator('main a:not(.daygrid a), main img, main svg, main b, .tag').all()) {
    await el.hover({ timeout: 500 }).catch(() => {});
    await el.click({ trial: true, timeout: 500 }).catch(() => {});
  }
}

describe('hostile content in Chromium', () => {
  for (const path of ['', 'incidents/2026-11-23-hostile/', 'fr/incidents/2026-11-23-hostile/', 'components/api/', 'components/web/', 'history/', 'regions/eu/', 'maintenance/']) {
    it(`/${path} runs no script and still renders whole`, async () => {
      const { page, ran } = await watched();
      await page.goto(new URL(path, base).href);
      await poke(page);
      expect(await ran()).toEqual([]);
      expect(await page.locator('footer').count()).toBe(1);
      expect(await page.locator('body').evaluate((b) => getComputedStyle(b).display)).not.toBe('none');
    });
  }

  it('shows the hostile strings as text, with every update present', async () => {
    const { page } = await watched();
    await page.goto(new URL('incidents/2026-11-23-hostile/', base).href);
    expect(await page.locator('h1').innerText()).toBe("<script>window.__pwned='title'</script> API errors");
    expect(await page.locator('ol.updates > li').count()).toBe(2);
    expect(await page.locator('main').innerText()).toContain("<script>window.__pwned='entities'</script> stays text.");
    expect(await page.locator('main a[href^="javascript"], main a[href^="data"], main img[src^="javascript"], main iframe, main svg script').count()).toBe(0);
  });

  for (const path of ['badge.svg', 'components/api/badge.svg', 'fr/components/web/badge.svg']) {
    it(`the badge ${path} is an inert image`, async () => {
      const { page, ran } = await watched();
      const response = await page.goto(new URL(path, base).href);
      expect(response?.headers()['content-type']).toContain('image/svg+xml');
      expect(await page.locator('script').count()).toBe(0);
      expect(await ran()).toEqual([]);
    });
  }

  for (const feed of ['rss.xml', 'atom.xml', 'fr/atom.xml']) {
    it(`the entries of ${feed}, opened as HTML the way a feed reader shows them, run no script`, async () => {
      const parsed = feedparser(join(HOSTILE_SITE, feed));
      expect(parsed.entries.length).toBeGreaterThan(0);
      for (const entry of parsed.entries) {
        const { page, ran } = await watched();
        // No CSP here: the entry's own HTML must be harmless, whatever the reader does.
        await page.setContent(`<!doctype html><title>${entry.title.replace(/</g, '&lt;')}</title><h1>${entry.title.replace(/</g, '&lt;')}</h1>${entry.content}`);
        await poke(page);
        expect(await ran()).toEqual([]);
        expect(await page.locator('h3').count()).toBe(2);
      }
    });
  }
});
