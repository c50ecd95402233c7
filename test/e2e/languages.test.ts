// Switching language in a real browser keeps the reader on the same page; localized pages stay accessible.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { launch } from '../helpers/browser.ts';
import { EXAMPLE_OUT, MIRRORS_OUT } from '../helpers/paths.ts';
import { servedMirrors } from '../helpers/served-mirrors.ts';

let browser: Browser;
const mirrors = servedMirrors();
const serve = (dir: string, base: string) => mirrors.serve(`${dir}|${base}`, dir, base);

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  mirrors.close();
});

describe('languages in Chromium', () => {
  it('switches language and lands on the same page', async () => {
    const base = await serve(join(MIRRORS_OUT, 'eu'), '/status/');
    const page = await browser.newPage();
    await page.goto(new URL('incidents/2026-10-24-payments-slow/', base).href);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.locator('h1').innerText()).toBe('Zahlungen sind in Europa langsam');
    await page.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL('**/status/fr/incidents/2026-10-24-payments-slow/');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/status/en/incidents/2026-10-24-payments-slow/');
    expect(await page.locator('h1').innerText()).toBe('Payments are slow in Europe');
    await page.close();
  });

  for (const [mirror, base, locale] of [['eu', '/', 'de'], ['cn', '/status/', 'zh-CN'], ['eu', '/', 'ro']] as const) {
    it(`has no axe violations on the example ${mirror} mirror in ${locale}`, async () => {
      const url = await serve(join(EXAMPLE_OUT, mirror), base);
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(new URL(locale === 'ro' ? 'ro/' : '', url).href);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
