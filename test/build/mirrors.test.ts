// Two mirrors of one content folder (test/fixtures/mirrors): own URLs, languages, zones, region focus.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../site/i18n/index.ts';
import { page, text } from '../helpers/html.ts';
import { MIRRORS_OUT } from '../helpers/paths.ts';

const WORLD = join(MIRRORS_OUT, 'world');
const EU = join(MIRRORS_OUT, 'eu');
const MIRRORS = [
  { dir: WORLD, url: 'https://status.multi.test/', base: '/' },
  { dir: EU, url: 'https://eu.multi.test/status/', base: '/status/' },
];

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
}

describe('each mirror', () => {
  for (const m of MIRRORS) {
    it(`${m.url} links only to itself, except where it points readers to the other mirror`, () => {
      const files = htmlFiles(m.dir);
      expect(files.length).toBeGreaterThan(20);
      for (const file of files) {
        const doc = parse(readFileSync(join(m.dir, file), 'utf8'));
        const crossLinks = new Set([...doc.querySelectorAll('link[rel=alternate][hreflang]'), ...doc.querySelectorAll('nav.mirrors a')]);
        for (const el of doc.querySelectorAll('[href], [src]')) {
          const url = el.getAttribute('href') ?? el.getAttribute('src')!;
          if (url.startsWith('/')) expect(url, `${file}: ${url}`).toMatch(new RegExp(`^${m.base}`));
          else if (/^https?:/.test(url) && !crossLinks.has(el)) expect(url, `${file}: ${el.toString()}`).toMatch(new RegExp(`^${m.url}`));
        }
        const canonical = doc.querySelector('link[rel=canonical]')?.getAttribute('href');
        if (!file.startsWith('404')) expect(canonical, file).toMatch(new RegExp(`^${m.url}`));
      }
    });
  }

  it('serves its default language at the root and the others under a prefix, with lang and hreflang', () => {
    const de = page(EU, '');
    expect(de.querySelector('html')!.getAttribute('lang')).toBe('de');
    expect(page(EU, 'fr').querySelector('html')!.getAttribute('lang')).toBe('fr');
    expect(page(EU, 'en').querySelector('html')!.getAttribute('lang')).toBe('en');
    const hreflang = Object.fromEntries(de.querySelectorAll('link[rel=alternate][hreflang]').map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]));
    // Languages served by both mirrors are announced once, by the first mirror, identically on both.
    expect(hreflang).toEqual({ en: 'https://status.multi.test/', fr: 'https://status.multi.test/fr/', de: 'https://eu.multi.test/status/', 'x-default': 'https://status.multi.test/' });
    const worldHreflang = page(WORLD, 'fr').querySelectorAll('link[rel=alternate][hreflang]').map((l) => l.getAttribute('href'));
    expect(worldHreflang).toEqual(Object.values(hreflang));
  });

  it('offers a language switcher that stays on the same page', () => {
    const p = page(EU, 'incidents/2026-10-24-payments-slow');
    const links = p.querySelectorAll('nav.langs a').map((a) => [a.getAttribute('lang'), a.getAttribute('href'), text(a)]);
    expect(links).toEqual([
      ['de', '/status/incidents/2026-10-24-payments-slow/', 'Deutsch'],
      ['fr', '/status/fr/incidents/2026-10-24-payments-slow/', 'Français'],
      ['en', '/status/en/incidents/2026-10-24-payments-slow/', 'English'],
    ]);
    expect(p.querySelector('nav.langs a[aria-current]')!.getAttribute('lang')).toBe('de');
  });

  it('links to the same page on the other mirror under "other regions"', () => {
    const links = page(WORLD, 'history').querySelectorAll('nav.mirrors a').map((a) => [text(a), a.getAttribute('href')]);
    expect(links).toEqual([['Europe', 'https://eu.multi.test/status/history/']]);
    expect(text(page(EU, 'history').querySelector('nav.mirrors a'))).toBe('Weltweit');
  });
});

describe('languages and time zones', () => {
  it('shows times in the mirror\'s zone with the zone named, across a daylight-saving change, and UTC in the markup', () => {
    // Europe/Berlin leaves summer time on 25 October 2026: UTC+2 before, UTC+1 after.
    const before = page(EU, 'incidents/2026-10-24-payments-slow');
    const after = page(EU, 'incidents/2026-10-26-search-down');
    const started = (p: ReturnType<typeof page>) => p.querySelectorAll('dl.facts time')[0]!;
    expect(started(before).getAttribute('datetime')).toBe('2026-10-24T10:00:00.000Z');
    expect(text(started(before))).toBe('24.10.2026, 12:00 MESZ');
    expect(started(after).getAttribute('datetime')).toBe('2026-10-26T10:00:00.000Z');
    expect(text(started(after))).toBe('26.10.2026, 11:00 MEZ');
    // The world mirror shows the same instants in UTC.
    expect(text(started(page(WORLD, 'incidents/2026-10-24-payments-slow')))).toBe('Oct 24, 2026, 10:00 AM UTC');
  });

  it('renders the structured facts of an update in the reader\'s language before anyone translates the prose', () => {
    const p = page(EU, 'incidents/2026-10-26-search-down');
    const facts = text(p.querySelector('dl.facts'));
    expect(facts).toContain('Vereinigte Staaten');
    expect(facts).not.toContain('United States');
    const resolved = p.querySelector('ol.updates > li')!;
    expect(text(resolved.querySelector('h3'))).toBe(`${catalogs.de!['status.resolved']} · 26.10.2026, 12:30 MEZ`);
    expect(text(resolved)).toContain(catalogs.de!['incident.dataLoss.none']);
    expect(text(p.querySelector('dl.facts'))).toContain(`${catalogs.de!['incident.status']} ${catalogs.de!['status.resolved']}`);
  });

  it('shows the original text, marked with its language and a localized note, where a translation is missing', () => {
    const p = page(EU, 'incidents/2026-10-26-search-down');
    const untranslated = p.querySelectorAll('ol.updates .md');
    for (const md of untranslated) {
      expect(md.getAttribute('lang')).toBe('en');
      const note = md.querySelector('p.note')!;
      expect(note.getAttribute('lang')).toBe('de');
      expect(text(note)).not.toBe('');
      expect(text(note)).not.toMatch(/translated yet/);
    }
    // The title is English too, and says so.
    expect(p.querySelector('h1')!.getAttribute('lang')).toBe('en');
    // French has a translation of the first update, so that one carries no note and no foreign lang.
    const fr = page(EU, 'fr/incidents/2026-10-26-search-down').querySelectorAll('ol.updates .md');
    expect(fr.map((md) => [md.getAttribute('lang') ?? 'fr', md.querySelector('p.note') !== null])).toEqual([['en', true], ['fr', false]]);
    expect(text(fr[1])).toBe('La recherche ne renvoie aucun résultat.');
  });

  it('uses translated titles and config names where they exist', () => {
    const p = page(EU, 'incidents/2026-10-24-payments-slow');
    expect(text(p.querySelector('h1'))).toBe('Zahlungen sind in Europa langsam');
    expect(p.querySelector('h1')!.hasAttribute('lang')).toBe(false);
    expect(text(p.querySelector('ol.updates > li:last-child .md'))).toBe('Kartenzahlungen dauern bis zu einer Minute.');
    expect(text(p.querySelector('.tags a'))).toBe('Zahlungen');
  });
});

describe('region focus', () => {
  it('lists the focus region\'s incidents and components first on its mirror, with a filter for it', () => {
    const eu = page(EU, '');
    expect(eu.querySelectorAll('article.card h3').map((h) => text(h))[0]).toBe('Payment confirmations delayed in Europe');
    // Search runs only in the US, so on the EU mirror it drops below the components that run in Europe.
    expect(eu.querySelectorAll('.comp .row a').map((a) => text(a))).toEqual(['API', 'Zahlungen', 'Suche']);
    const world = page(WORLD, '');
    expect(world.querySelectorAll('article.card h3').map((h) => text(h))[0]).toBe('API errors in the United States');
    expect(world.querySelectorAll('.comp .row a').map((a) => text(a))).toEqual(['Search', 'API', 'Payments']);
    const filter = eu.querySelector('a[href="/status/regions/eu/"]')!;
    expect(text(filter)).toContain('Europa');
  });

  it('builds a page per region with only what affects it', () => {
    const eu = page(EU, 'regions/eu');
    expect(eu.querySelectorAll('article.card h3').map((h) => text(h))).toEqual(['Payment confirmations delayed in Europe']);
    expect(eu.querySelectorAll('.comp .row a').map((a) => text(a))).toEqual(['API', 'Zahlungen']);
    expect(eu.querySelectorAll('main ul.list li a').map((a) => text(a))).toEqual(['Zahlungen sind in Europa langsam']);
  });
});

describe('concurrent updates', () => {
  it('shows both of two updates posted in the same minute by two people', () => {
    const p = page(WORLD, 'incidents/2026-11-23-api-errors');
    const updates = p.querySelectorAll('ol.updates > li');
    expect(updates.map((u) => u.getAttribute('id'))).toEqual(['u-2026-11-23T091030Z', 'u-2026-11-23T091000Z', 'u-2026-11-23T0905Z']);
    expect(text(updates[0])).toContain('Posted by Ben half a minute later');
    expect(text(updates[1])).toContain('Posted by Ana');
  });
});
