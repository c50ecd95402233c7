// Every mirror read as most customers read it mid-outage: on a phone (390×844 and 360×740), in Chromium.
// What matters must be on the first screen, every target big enough to tap, text readable, and the page
// must stay correct with JavaScript off and fresh with it on.
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page, Request, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../../site/i18n/index.ts';
import { axeViolations } from '../helpers/axe.ts';
import { launch } from '../helpers/browser.ts';
import { serveInTwoParts } from '../helpers/slow-server.ts';
import { servedMirrors } from '../helpers/served-mirrors.ts';
import { candor } from '../helpers/cli.ts';
import { keptPages } from '../helpers/kept-pages.ts';
import { contextsPerTest } from '../helpers/test-contexts.ts';
import { BASIC_SITE, EXAMPLE_OUT, FIXTURE_NOW, FIXTURES, MIRRORS_OUT, OUT, REPO } from '../helpers/paths.ts';
import { DEFAULTS } from '../../bench/generate/index.ts';
import { writeSite } from '../../bench/generate/write.ts';

const PHONE_OUT = join(OUT, 'phone');
const PHONES = [{ width: 390, height: 844 }, { width: 360, height: 740 }];

/** Every mirror of every fixture, with the base path it is served under. */
const MIRRORS = [
  { name: 'basic', dir: BASIC_SITE, base: '/status/' },
  { name: 'mirrors/world', dir: join(MIRRORS_OUT, 'world'), base: '/' },
  { name: 'mirrors/eu', dir: join(MIRRORS_OUT, 'eu'), base: '/status/' },
  { name: 'example/global', dir: join(EXAMPLE_OUT, 'global'), base: '/' },
  { name: 'example/eu', dir: join(EXAMPLE_OUT, 'eu'), base: '/' },
  { name: 'example/apac', dir: join(EXAMPLE_OUT, 'apac'), base: '/' },
  { name: 'example/cn', dir: join(EXAMPLE_OUT, 'cn'), base: '/status/' },
  { name: 'phone/main', dir: join(PHONE_OUT, 'main'), base: '/' },
  { name: 'phone/apac', dir: join(PHONE_OUT, 'apac'), base: '/status/' },
];

let browser: Browser;
const mirrors = servedMirrors();
const newContext = contextsPerTest(() => browser);
const pages = keptPages(() => browser, newContext);

beforeAll(async () => {
  // Three incidents open at once, identity files and an email sign-up: built here, as of the fixtures' instant.
  const r = candor(['build', '--root', join(FIXTURES, 'phone'), '--out', PHONE_OUT, '--now', FIXTURE_NOW]);
  if (r.code !== 0) throw new Error(`${r.stdout}\n${r.stderr}`);
  for (const m of MIRRORS) await mirrors.serve(m.name, m.dir, m.base);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  mirrors.close();
});

/**
 * Opens a page on a phone, collecting errors, failed requests and requests to other hosts. The page is one kept
 * between tests (kept-pages.ts) unless `fresh`: a test that installs a fake clock, routes requests or listens to the
 * page itself takes a page of its own.
 */
async function open(mirror: string, path: string, options: BrowserContextOptions = {}, { fresh = false } = {}) {
  const base = mirrors.url(mirror);
  const contextOptions = { viewport: PHONES[0], timezoneId: 'UTC', ...options };
  const page = fresh ? await (await newContext(contextOptions)).newPage() : await pages.page(contextOptions);
  const problems: string[] = [];
  pages.listen(page, 'pageerror', (e: Error) => problems.push(`pageerror: ${e.message}`));
  // Requests cut short by leaving the page (the search index loading on History) are not failures.
  pages.listen(page, 'requestfailed', (r: Request) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`failed: ${r.url()}`));
  pages.listen(page, 'response', (r: Response) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
  pages.listen(page, 'request', (r: Request) => !r.url().startsWith(new URL(base).origin) && problems.push(`foreign: ${r.url()}`));
  const response = await page.goto(new URL(path, base).href);
  expect(response?.status()).toBe(200);
  return { page, problems, base };
}

/**
 * Sums every layout shift from the page's first moment on, and notes what moved (element, box before and after, time
 * since navigation): read them with shiftsOf, whose answer names the culprits when the sum is not 0.
 */
const watchShifts = (page: Page) =>
  page.addInitScript(() => {
    const w = window as unknown as { shifts: number; moved: string[] };
    w.shifts = 0;
    w.moved = [];
    const name = (n: Node | null) => (n instanceof Element ? `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ''}${n.className && typeof n.className === 'string' ? `.${n.className.trim().split(/\s+/).join('.')}` : ''} "${(n.textContent ?? '').trim().slice(0, 40)}"` : String(n?.nodeName));
    const box = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] })[]) {
        w.shifts += e.value;
        for (const s of e.sources ?? []) w.moved.push(`${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms: ${name(s.node)} ${box(s.previousRect)} → ${box(s.currentRect)}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
/** The layout shifts summed, with what moved when any did. */
const shiftsOf = async (page: Page) => {
  const { shifts, moved } = await page.evaluate(() => {
    const w = window as unknown as { shifts: number; moved: string[] };
    return { shifts: w.shifts, moved: w.moved };
  });
  return shifts ? `${shifts} (${moved.join('; ')})` : 0;
};

/** Bottom edge of the first match, in CSS px from the top of the page. */
const bottom = (page: Page, selector: string) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);

/** Links, summaries and buttons smaller than 24×24 (WCAG 2.5.8), except links inside written prose. */
const smallTargets = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('a, summary, button')]
      .filter((e) => !e.closest('.md') && e.getClientRects().length > 0)
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 24 || r.height < 24)
      .map(({ e, r }) => `${e.textContent!.trim().slice(0, 30)} ${Math.round(r.width)}×${Math.round(r.height)}`),
  );

/** Text set smaller than 16 CSS px. */
const smallText = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()) && e.getClientRects().length > 0)
      .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 16)
      .map((e) => `${e.tagName} ${e.textContent!.trim().slice(0, 30)} ${getComputedStyle(e).fontSize}`),
  );

describe('one open incident, first screen', () => {
  for (const viewport of PHONES) {
    it(`home at ${viewport.width}×${viewport.height}: state, title, scope, latest update and next update without scrolling`, async () => {
      const { page, problems } = await open('basic', '', { viewport });
      expect(await page.locator('.banner h1').innerText()).toBe('Partial outage');
      const card = page.locator('#active ~ article.card');
      expect(await card.count()).toBe(1);
      expect(await card.locator('h3').innerText()).toBe('API requests failing for some customers in Europe');
      expect(await card.locator('.scope').innerText()).toBe('Affects: API and Dashboard · Europe');
      expect(await card.locator('.md').innerText()).toContain('We know what is wrong');
      for (const selector of ['.banner h1', '#active ~ article.card h3', '#active ~ article.card .scope', '#active ~ article.card .md p', '#active ~ article.card .next']) {
        expect(await bottom(page, selector), selector).toBeLessThanOrEqual(viewport.height);
      }
      expect(problems).toEqual([]);
    });

    it(`incident page at ${viewport.width}×${viewport.height}: state, scope, next update and the latest update first`, async () => {
      const { page } = await open('basic', 'incidents/2026-11-23-api-errors-eu/', { viewport });
      expect(await page.locator('main .state').innerText()).toBe('Major · Identified');
      expect(await page.locator('ol.updates > li').first().locator('h3').innerText()).toMatch(/^Identified · /);
      for (const selector of ['main h1', 'main .state', 'main .scope', 'main p.next', 'ol.updates > li h3', 'ol.updates > li .md p']) {
        expect(await bottom(page, selector), selector).toBeLessThanOrEqual(viewport.height);
      }
      // An open incident belongs to the current status, not to History (in the header's menu, closed on a phone).
      expect(await page.locator('header nav a[aria-current]').textContent()).toBe('Current status');
    });
  }
});

describe('every example mirror, first screen', () => {
  // The shipped example has long, real-sized updates in five languages: the next update must never be pushed
  // below the first screen by the text, and at least the update's first lines must show.
  const top = (page: Page, selector: string) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  for (const mirror of ['example/global', 'example/eu', 'example/apac', 'example/cn']) {
    for (const viewport of PHONES) {
      it(`${mirror} at ${viewport.width}×${viewport.height}: title, scope, next update and the update's first lines`, async () => {
        const { page } = await open(mirror, '', { viewport });
        // The example's one open incident is Europe's: the Asia-Pacific and China mirrors list it under "other regions".
        const card = ':is(#active, #elsewhere) ~ article.card';
        const cards = page.locator(card);
        expect(await cards.count(), 'the example shows an open incident').toBeGreaterThan(0);
        for (const selector of ['.banner h1', `${card} h3`, `${card} .scope`, `${card} .next`]) {
          expect(await bottom(page, selector), `${mirror} ${selector}`).toBeLessThanOrEqual(viewport.height);
        }
        // Two lines of the update's text at least.
        expect((await top(page, `${card} .md p`)) + 48, `${mirror} first lines`).toBeLessThanOrEqual(viewport.height);
      });
    }
  }
});

describe('several open incidents', () => {
  it('shows each as a compact summary linking to its page, the worst first, in the first screen', async () => {
    const { page, problems } = await open('phone/main', '');
    const cards = page.locator('#active ~ article.card');
    expect(await cards.count()).toBe(3);
    for (const card of await cards.all()) {
      expect(await card.getAttribute('class')).toContain('compact');
      expect(await card.locator('h3 a').getAttribute('href')).toMatch(/^\/incidents\/2026-11-23-[a-z-]+\/$/);
      expect((await card.boundingBox())!.height).toBeLessThan(300);
    }
    expect(await cards.first().locator('h3').innerText()).toBe('API requests fail in Asia-Pacific');
    expect(await bottom(page, '#active ~ article.card .next')).toBeLessThanOrEqual(844);
    expect(await bottom(page, '#active ~ article.card:nth-of-type(2) h3')).toBeLessThanOrEqual(844);
    expect(problems).toEqual([]);
  });

  it('folds all-operational groups on a phone and opens the others; a wide screen shows all', async () => {
    const { page } = await open('phone/main', '');
    expect(await page.locator('details.group:has(h3:text("Core"))').getAttribute('open')).toBe('');
    expect(await page.locator('details.group:has(h3:text("Extras"))').getAttribute('open')).toBeNull();
    expect(await page.getByRole('link', { name: 'Reports', exact: true }).isVisible()).toBe(false);
    await page.locator('details.group summary:has(h3:text("Extras"))').click();
    expect(await page.getByRole('link', { name: 'Reports', exact: true }).isVisible()).toBe(true);
    const wide = await open('phone/main', '', { viewport: { width: 1280, height: 800 } });
    expect(await wide.page.getByRole('link', { name: 'Reports', exact: true }).isVisible()).toBe(true);
  });
});

describe('every mirror on a phone', () => {
  for (const m of MIRRORS) {
    it(`${m.name}: targets ≥ 24×24, text ≥ 16 px, no sideways scroll at 320 px, a subscribe link on every page`, async () => {
      const { page, problems, base } = await open(m.name, '');
      const incident = await page.locator('main a[href*="/incidents/"]').first().getAttribute('href');
      for (const path of ['', 'history/', 'subscribe/', incident ? new URL(incident, base).href : '']) {
        await page.setViewportSize(PHONES[0]!);
        await page.goto(new URL(path, base).href);
        expect(await smallTargets(page), path).toEqual([]);
        expect(await smallText(page), path).toEqual([]);
        const subscribe = page.locator('header nav a[href$="subscribe/"]');
        expect(await subscribe.count(), path).toBe(1);
        await page.setViewportSize({ width: 320, height: 640 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBe(0);
      }
      expect(problems).toEqual([]);
    });

    it(`${m.name}: the subscribe page offers feeds, per-component feeds, the calendar, the API and the badge`, async () => {
      const { page, problems } = await open(m.name, '');
      // On a phone the header's links are in its menu.
      await page.locator('header .menu summary').click();
      await page.locator('header nav a[href$="subscribe/"]').click();
      await page.waitForURL('**/subscribe/');
      const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const file of ['rss.xml', 'atom.xml', 'maintenance.ics']) expect(hrefs.some((h) => h?.endsWith(`/${file}`)), file).toBe(true);
      expect(hrefs.filter((h) => /\/components\/[^/]+\/rss\.xml$/.test(h ?? '')).length).toBeGreaterThan(0);
      expect(await page.locator('main code').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/api\/v2\/summary\.json$/), expect.stringMatching(/widget\.js/)]));
      // Each linked feed and calendar is a file of this mirror.
      for (const href of hrefs.filter((h) => /\.(xml|ics)$/.test(h ?? ''))) expect((await page.request.get(new URL(href!, page.url()).href)).status(), href!).toBe(200);
      expect(await page.locator('main img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });
  }

  it('links the email sign-up where the config gives one', async () => {
    const { page } = await open('phone/apac', 'de/subscribe/');
    expect(await page.locator('h1').innerText()).toBe('Updates abonnieren');
    expect(await page.getByRole('link', { name: 'Für E-Mail-Updates anmelden' }).getAttribute('href')).toBe('https://phone.example/newsletter');
    const basic = await open('basic', 'subscribe/');
    expect(await basic.page.locator('#email').count()).toBe(0);
  });

  for (const [mirror, path] of [['basic', ''], ['basic', 'incidents/2026-11-23-api-errors-eu/'], ['basic', 'subscribe/'], ['phone/main', ''], ['phone/apac', ''], ['phone/apac', 'subscribe/'], ['phone/main', 'components/exports/']] as const) {
    it(`has no axe violations at phone size on ${mirror} /${path}`, async () => {
      const { page } = await open(mirror, path);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

describe('uptime you can tap', () => {
  const DAY = 86_400_000;
  // Billing exists from 2026-10-01; the fixtures are built as of 2026-11-23.
  const billingDays = (Date.parse('2026-11-23') - Date.parse('2026-10-01')) / DAY + 1;

  for (const javaScriptEnabled of [true, false]) {
    it(`every day is a 24×24 target saying what happened, with links, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async () => {
      const { page, problems } = await open('basic', 'components/billing/', { javaScriptEnabled, hasTouch: true });
      const days = page.locator('.daygrid a');
      expect(await days.count()).toBe(billingDays);
      expect(await smallTargets(page)).toEqual([]);
      // Each day names its date, state and uptime; a day with maintenance leads to it.
      const maintenance = page.locator('.daygrid a[href="#d-2026-10-05"]');
      expect(await maintenance.getAttribute('aria-label')).toBe('October 5, 2026: Under maintenance · 100.00%');
      await maintenance.tap();
      const entry = page.locator('#d-2026-10-05');
      expect(await entry.isVisible()).toBe(true);
      expect(await entry.getByRole('link').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual([
        ['Billing maintenance in the United States', '/status/incidents/2026-10-05-billing-maintenance/'],
      ]);
      // A quiet day has its own entry too, shown when its day is chosen (here by keyboard).
      const quiet = page.locator('#d-2026-10-06');
      expect(await quiet.isVisible()).toBe(false);
      await page.locator('.daygrid a[href="#d-2026-10-06"]').focus();
      await page.keyboard.press('Enter');
      expect(await quiet.innerText()).toMatch(/^October 6, 2026: Operational · 100\.00%\s+Nothing reported\.$/);
      expect(problems).toEqual([]);
    });
  }

  it('the day a reader jumps to is laid out at once, whatever its place in the list', async () => {
    // Rows far down a long list skip layout until they near the screen. The row a link leads to must not wait
    // for that: read in the same task as the jump, before any frame, it already has its text.
    const { page } = await open('basic', 'components/billing/');
    const text = await page.evaluate(() => {
      location.hash = '#d-2026-10-06';
      return document.getElementById('d-2026-10-06')!.innerText;
    });
    expect(text).toMatch(/^October 6, 2026: Operational · 100\.00%\s+Nothing reported\.$/);
  });

  it('the home page’s bars lead to the day grid', async () => {
    const { page } = await open('basic', '', { hasTouch: true });
    await page.locator('a.bars[href$="components/api/#days"]').tap();
    await page.waitForURL('**/components/api/#days');
    const today = page.locator('.daygrid a[href="#d-2026-11-23"]');
    expect(await today.getAttribute('class')).toBe('u4');
    await today.tap();
    expect(await page.locator('#d-2026-11-23 a').first().innerText()).toBe('API requests failing for some customers in Europe');
  });

  it('has no axe violations on a chosen day', async () => {
    const { page } = await open('basic', 'components/billing/#d-2026-10-06');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('finding the past', () => {
  /** Types into the history search once its index has loaded, and returns what it found. */
  async function search(page: Page, { q = '', component, region }: { q?: string; component?: string; region?: string }) {
    await page.locator('#search:not([hidden])').waitFor();
    if (component !== undefined) await page.selectOption('select[name=component]', component);
    if (region !== undefined) await page.selectOption('select[name=region]', region);
    await page.fill('#q', q);
    await page.locator('#q').press('Enter');
    // The first search loads Pagefind's index and WebAssembly: on a busy machine that takes more than a second.
    await expect.poll(() => page.locator('#found').innerText(), { timeout: 15_000 }).not.toBe('');
    return {
      found: await page.locator('#found').innerText(),
      links: await page.locator('#results a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')])),
    };
  }

  it('searches every incident by words, from a static index', async () => {
    const { page, problems } = await open('basic', 'history/');
    const r = await search(page, { q: 'sign in' });
    expect(r.found).toBe('1 incident found');
    expect(r.links).toEqual([['Nobody could sign in to the dashboard', '/status/incidents/2026-11-10-login-outage/']]);
    expect(problems).toEqual([]);
  });

  it('filters by component and by region; an incident in all regions counts for each', async () => {
    const { page } = await open('basic', 'history/2026-10/');
    const billing = await search(page, { component: 'Billing' });
    expect(billing.links.map(([t]) => t).toSorted()).toEqual(['Billing emails <script>alert(1)</script> delayed', 'Billing maintenance in the United States']);
    const europe = await search(page, { component: '', region: 'Europe' });
    expect(europe.links.map(([t]) => t)).toContain('API requests failing for some customers in Europe');
    expect(europe.links.map(([t]) => t)).toContain('Nobody could sign in to the dashboard');
    expect(europe.links.map(([t]) => t)).not.toContain('Billing maintenance in the United States');
  });

  it('searches in the page’s language and links to pages in it', async () => {
    const { page } = await open('mirrors/eu', 'history/');
    const r = await search(page, { q: 'langsam' });
    expect(r.links).toEqual([['Zahlungen sind in Europa langsam', '/status/incidents/2026-10-24-payments-slow/']]);
  });

  it('searches a language other than the mirror’s first from that language’s own bundles', async () => {
    const { page, problems } = await open('mirrors/eu', 'fr/history/', {}, { fresh: true });
    const asked: string[] = [];
    page.on('request', (r) => r.url().includes('/pagefind/') && asked.push(new URL(r.url()).pathname));
    const r = await search(page, { q: 'renvoie' });
    expect(r.links).toEqual([['Search is unavailable in the United States', '/status/fr/incidents/2026-10-26-search-down/']]);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((u) => !u.startsWith('/status/pagefind/fr/')), 'only the French bundles are fetched').toEqual([]);
    expect(problems).toEqual([]);
  });

  it('loads Pagefind only when the reader uses the form, not with the page', async () => {
    const { page, problems } = await open('basic', 'history/', { timezoneId: 'UTC' }, { fresh: true });
    const asked: string[] = [];
    page.on('request', (r) => r.url().includes('/pagefind/') && asked.push(r.url()));
    await page.reload();
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    expect(await page.locator('#search').isVisible(), 'the form is offered at once').toBe(true);
    expect(await page.locator('.no-search').isVisible()).toBe(false);
    expect(asked, 'nothing of the index is fetched before the reader searches').toEqual([]);
    await page.locator('#q').focus();
    await expect.poll(() => asked.some((u) => /\/pagefind\/[0-9-]+\/pagefind\.js$/.test(u))).toBe(true);
    const r = await search(page, { q: 'sign in' });
    expect(r.found).toBe('1 incident found');
    expect(problems).toEqual([]);
  });

  it('brings the component and region links back when the index cannot load', async () => {
    const { page } = await open('basic', 'history/', {}, { fresh: true });
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.reload();
    await page.locator('#q').focus();
    await expect.poll(() => page.locator('.no-search').isVisible()).toBe(true);
    expect(await page.locator('#search').isVisible()).toBe(false);
    expect(await page.locator('.no-search a').count()).toBe(5);
  });

  it('without JavaScript offers the component and region pages instead', async () => {
    const { page } = await open('basic', 'history/', { javaScriptEnabled: false });
    expect(await page.locator('#search').isVisible()).toBe(false);
    expect(await page.locator('.no-search a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/status/components/api/#incidents', '/status/components/dashboard/#incidents', '/status/components/billing/#incidents', '/status/regions/eu/', '/status/regions/us/',
    ]);
  });
});

describe('times and freshness', () => {
  it('shows the reader’s own time visibly, and how long ago, kept fresh', async () => {
    const { page } = await open('phone/apac', '', { timezoneId: 'Europe/Berlin' }, { fresh: true });
    await page.clock.install({ time: new Date('2026-11-23T12:05:00Z') });
    await page.reload();
    const next = page.locator('#active ~ article.card .next').first();
    expect(await next.innerText()).toBe('我们将在20:45 GMT+8（您的时间：GMT+1 13:45）前发布下一次更新');
    expect(await page.locator('.banner .built').innerText()).toMatch(/^页面更新于2026年11月23日 20:00 GMT\+8（您的时间：GMT\+1 13:00） · 5分钟前$/);
    await page.clock.fastForward(10 * 60_000);
    expect(await page.locator('.banner .built .rel').innerText()).toBe(' · 15分钟前');
  });

  // The reader's own time is added to every moment on the page: it must never move what is already shown. The HTML
  // arrives in two parts with a pause between, as on a poor network, so the first part is painted before the
  // browser has parsed the rest: a script that adds times only once the page is parsed moves what was painted.
  for (const [mirror, path] of [['phone/apac', ''], ['phone/apac', 'incidents/2026-11-23-api-down/'], ['mirrors/eu', 'history/'], ['example/cn', '']] as const) {
    it(`adds local times without shifting the layout on ${mirror} /${path}, even when the page arrives slowly`, async () => {
      const { dir, base } = MIRRORS.find((m) => m.name === mirror)!;
      const { server, url } = await serveInTwoParts(dir, base);
      try {
        const page = await (await newContext({ viewport: PHONES[0], timezoneId: 'America/New_York' })).newPage();
        await watchShifts(page);
        await page.goto(new URL(path, url).href);
        // Let the optional scripts (times, and the search form on History) finish before measuring.
        await page.waitForTimeout(500);
        expect(await page.locator('.local').count(), 'the reader’s time is shown').toBeGreaterThan(0);
        expect(await shiftsOf(page)).toBe(0);
      } finally {
        server.close();
      }
    });
  }

  // The parser can pause between any two bytes; a busy phone pauses inside the header's menu, before its summary, and
  // the browser then paints a summary of its own in that place. Cut there on purpose, the row must not move.
  it('keeps the header still when the page pauses inside its menu', async () => {
    for (const [mirror, viewport] of [['phone/apac', PHONES[0]], ['example/cn', PHONES[1]], ['example/global', { width: 1280, height: 800 }]] as const) {
      const { dir, base } = MIRRORS.find((m) => m.name === mirror)!;
      const { server, url } = await serveInTwoParts(dir, base, { splitAfter: '<details class="menu">' });
      try {
        const page = await (await newContext({ viewport, timezoneId: 'UTC' })).newPage();
        await watchShifts(page);
        expect((await page.goto(url))?.status()).toBe(200);
        await page.waitForTimeout(300);
        expect(await page.locator('.menu').isVisible(), mirror).toBe(true);
        expect(await shiftsOf(page), mirror).toBe(0);
      } finally {
        server.close();
      }
    }
  });

  // History at scale: past its first 20 rows, a month's list is laid out only near the viewport (content-visibility),
  // which must not move anything either, while the page arrives slowly or as the reader scrolls through it.
  it('keeps a long History still while it loads and while the reader scrolls', async () => {
    const root = join(PHONE_OUT, 'long', 'site');
    const out = join(PHONE_OUT, 'long', 'dist');
    const now = DEFAULTS.now;
    // Fifty incidents a month, as 600 over a year (the month shown needs more than 20 rows), but only the last three
    // months of them: the build is a fifth of the size.
    await writeSite(root, join(REPO, 'candor.config.yaml'), { ...DEFAULTS, incidents: 150, years: 0.25 });
    const r = candor(['build', '--root', root, '--out', out, '--now', now.toISOString(), '--mirror', 'global']);
    expect(r.code, r.stderr).toBe(0);
    const { server, url } = await serveInTwoParts(join(out, 'global'), '/');
    try {
      const page = await (await newContext({ viewport: PHONES[0], timezoneId: 'America/New_York' })).newPage();
      await watchShifts(page);
      await page.goto(new URL('history/', url).href);
      const rows = page.locator('main ul.long > li');
      expect(await rows.count(), 'enough rows to reach past the first 20').toBeGreaterThan(25);
      expect(await rows.nth(0).evaluate((li) => getComputedStyle(li).contentVisibility)).toBe('visible');
      expect(await rows.nth(24).evaluate((li) => getComputedStyle(li).contentVisibility)).toBe('auto');
      await page.waitForTimeout(500);
      for (let y = 0; y < 6; y++) {
        await page.mouse.wheel(0, 700);
        await page.waitForTimeout(150);
      }
      expect(await shiftsOf(page)).toBe(0);
    } finally {
      server.close();
    }
  });

  it('without JavaScript says when the page was built and shows the mirror’s zone', async () => {
    const { page } = await open('phone/main', '', { javaScriptEnabled: false });
    expect(await page.locator('.banner .built').innerText()).toBe('Page updated Nov 23, 2026, 12:00 PM GMT');
    expect(await page.locator('.local').count()).toBe(0);
  });

  it('refreshes the banner from status.json in place, announces it, and moves nothing', async () => {
    const { page } = await open('phone/main', '', {}, { fresh: true });
    await page.clock.install({ time: new Date('2026-11-23T12:05:00Z') });
    await page.route('**/api/v2/status.json', (route) => route.fulfill({ json: { page: {}, status: { indicator: 'none', description: 'All Systems Operational' } } }));
    await page.reload();
    const before = await page.locator('#active').boundingBox();
    await page.clock.fastForward(61_000);
    await expect.poll(() => page.locator('.banner h1').innerText()).toBe('All systems operational');
    expect(await page.locator('#live').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('#live').innerText()).toContain('All systems operational.');
    expect(await page.locator('#active').boundingBox()).toEqual(before);
  });
});

describe('a regional mirror staying fresh', () => {
  it('announces a change of the whole site without rewriting its region’s headline, which status.json cannot give', async () => {
    const { page } = await open('phone/apac', '', {}, { fresh: true });
    await page.clock.install({ time: new Date('2026-11-23T12:05:00Z') });
    const whole = await page.locator('.banner').getAttribute('data-whole');
    expect(whole).toBe('critical');
    await page.route('**/api/v2/status.json', (route) => route.fulfill({ json: { page: {}, status: { indicator: 'none', description: 'All Systems Operational' } } }));
    await page.reload();
    const headline = await page.locator('.banner h1').innerText();
    await page.clock.fastForward(61_000);
    await expect.poll(() => page.locator('#live').innerText()).toBe(catalogs['zh-CN']!['overall.changed']);
    expect(await page.locator('.banner h1').innerText()).toBe(headline);
  });
});

describe('identity', () => {
  it('uses the configured favicon, logo, theme colour and social image, served by the mirror itself', async () => {
    const { page, problems } = await open('phone/apac', '');
    expect(await page.locator('link[rel=icon]').getAttribute('href')).toBe('/status/brand/favicon.svg');
    expect(await page.locator('meta[name=theme-color]').getAttribute('content')).toBe('#7a1fa2');
    expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toBe('https://phone.test/status/brand/social.png');
    expect(await page.locator('header .brand img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect((await page.request.get(new URL('brand/favicon.svg', page.url()).href)).status()).toBe(200);
    expect(problems).toEqual([]);
  });

  it('gives a default favicon where none is configured, so no page asks for a missing /favicon.ico', async () => {
    const { page, problems } = await open('basic', '');
    const href = await page.locator('link[rel=icon]').getAttribute('href');
    expect(href).toBe('/status/favicon.svg');
    expect((await page.request.get(new URL(href!, page.url()).href)).status()).toBe(200);
    expect(problems).toEqual([]);
  });
});
