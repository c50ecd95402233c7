// Every page fits a phone in every language and every state: nothing scrolls sideways at 320 or 390 px, and
// the headline is never cut. The headline's wording is set in place to each catalog string (and its state's
// class), so every language is checked in every state without a build per state; names are stretched the same
// way, to a long incident title and a long unbroken component name.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogs, type MessageKey } from '../../site/i18n/index.ts';
import { launch } from '../helpers/browser.ts';
import { EXAMPLE_OUT } from '../helpers/paths.ts';
import { servedMirrors } from '../helpers/served-mirrors.ts';

const WIDTHS = [320, 390];

/** Each headline state: its catalog key, the banner's class and the state label's class. */
const HEADLINES = [
  ['overall.none', 'i-none', 's-operational'],
  ['overall.minor', 'i-minor', 's-degraded_performance'],
  ['overall.major', 'i-major', 's-partial_outage'],
  ['overall.critical', 'i-critical', 's-major_outage'],
  ['overall.maintenance', 'i-maintenance', 's-under_maintenance'],
] as const satisfies readonly (readonly [MessageKey, string, string])[];

/** Lines under the headline, with the largest count any of them is likely to show. */
const DETAILS: [MessageKey, Record<string, string | number>][] = [
  ['overall.detail.incidents', { count: 12 }],
  ['overall.detail.maintenance', {}],
  ['overall.elsewhere', { count: 12 }],
  ['region.title', { region: 'Asie-Pacifique, Amérique du Nord et Europe' }],
];

/** Where each language is served in the example: the EU mirror has five, the China mirror Chinese. */
const LOCALES = [
  { locale: 'de', mirror: 'eu', prefix: '' },
  { locale: 'fr', mirror: 'eu', prefix: 'fr/' },
  { locale: 'sv', mirror: 'eu', prefix: 'sv/' },
  { locale: 'ro', mirror: 'eu', prefix: 'ro/' },
  { locale: 'en', mirror: 'eu', prefix: 'en/' },
  { locale: 'zh-CN', mirror: 'cn', prefix: '' },
];

/** Every kind of page a reader reaches. */
const PAGES = [
  '',
  'incidents/2026-11-23-reports-and-dashboard-slow-europe/',
  'incidents/2026-11-29-database-upgrade/',
  'incidents/2026-09-18-nobody-can-sign-in/postmortem/',
  'history/',
  'history/2026-11/',
  'components/reports/',
  'regions/eu/',
  'maintenance/',
  'postmortems/',
  'subscribe/',
];

const LONG_TITLE = 'Reports, exports, the dashboard, invoice reminders and card payment confirmations are slow or not loading';
const LONG_NAME = 'Zahlungsverkehrsabwicklungsschnittstellenüberwachung-eu-west-1';

let browser: Browser;
const mirrors = servedMirrors();

beforeAll(async () => {
  for (const [mirror, base] of [['eu', '/'], ['cn', '/status/']] as const) await mirrors.serve(mirror, join(EXAMPLE_OUT, mirror), base);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  mirrors.close();
});

/** How far the page scrolls sideways, and what is cut: elements wider inside than their box. */
const overflow = (page: Page) =>
  page.evaluate(() => ({
    sideways: document.scrollingElement!.scrollWidth - innerWidth,
    clipped: [...document.querySelectorAll('main h1, main h2, main h3, .banner p')]
      .filter((e) => e.scrollWidth > e.clientWidth)
      .map((e) => `${e.tagName} ${e.textContent!.trim().slice(0, 40)}: ${e.scrollWidth} > ${e.clientWidth}`),
  }));

/** Gives every incident title and component name on the page a long one. */
const stretchNames = (page: Page) =>
  page.evaluate(
    ([title, name]) => {
      for (const e of document.querySelectorAll('main h1:not(.banner h1), .card h3 a, .list > li a:first-of-type')) e.textContent = title;
      for (const e of document.querySelectorAll('.comp .row > a, a.tag, summary h3')) e.textContent = name;
      for (const e of document.querySelectorAll('.scope')) e.textContent = `${name}, ${name} · ${name}`;
    },
    [LONG_TITLE, LONG_NAME] as const,
  );

/** Fills a message's placeholders, as the page would. */
const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{count, plural,.*?other \{(.*?)\}\}/s, (_, other: string) => other).replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? k)).replace(/#/g, String(params.count ?? ''));

describe('fits a phone in every language', () => {
  for (const { locale, mirror, prefix } of LOCALES) {
    it(`${locale}: every headline state and detail line, at ${WIDTHS.join(' and ')} px`, async () => {
      const page = await browser.newPage({ viewport: { width: WIDTHS[0]!, height: 640 } });
      await page.goto(new URL(prefix, mirrors.url(mirror)).href);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      const failures: string[] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 640 });
        for (const [key, banner, state] of HEADLINES) {
          const text = catalogs[locale]![key];
          await page.evaluate(
            ([text, banner, state]) => {
              document.querySelector('.banner')!.className = `banner ${banner}`;
              const st = document.querySelector('.banner h1 .st')!;
              st.className = `st ${state}`;
              st.textContent = text;
            },
            [text, banner, state] as const,
          );
          const { sideways, clipped } = await overflow(page);
          if (sideways > 0) failures.push(`${width} px, ${key} "${text}": scrolls ${sideways} px sideways`);
          failures.push(...clipped.map((c) => `${width} px, ${key}: ${c}`));
        }
        for (const [key, params] of DETAILS) {
          const text = fill(catalogs[locale]![key], params);
          await page.evaluate((text) => {
            const p = document.querySelector('.banner p')!;
            p.textContent = text;
          }, text);
          const { sideways, clipped } = await overflow(page);
          if (sideways > 0) failures.push(`${width} px, ${key} "${text}": scrolls ${sideways} px sideways`);
          failures.push(...clipped.map((c) => `${width} px, ${key}: ${c}`));
        }
      }
      expect(failures).toEqual([]);
      await page.close();
    });

    it(`${locale}: every page with long incident and component names, at ${WIDTHS.join(' and ')} px`, async () => {
      const page = await browser.newPage({ viewport: { width: WIDTHS[0]!, height: 640 } });
      const failures: string[] = [];
      for (const path of PAGES) {
        const response = await page.goto(new URL(prefix + path, mirrors.url(mirror)).href);
        expect(response?.status(), path).toBe(200);
        await stretchNames(page);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 640 });
          const { sideways, clipped } = await overflow(page);
          if (sideways > 0) failures.push(`${width} px, /${prefix + path}: scrolls ${sideways} px sideways`);
          failures.push(...clipped.map((c) => `${width} px, /${prefix + path}: ${c}`));
        }
      }
      expect(failures).toEqual([]);
      await page.close();
    });
  }
});
