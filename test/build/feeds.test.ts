// Feeds as subscribers' readers see them, parsed by software we did not write.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { feedparser, xmllint } from '../helpers/external.ts';
import { page } from '../helpers/html.ts';
import { BASIC_SITE, EXAMPLE_OUT, MIRRORS_OUT } from '../helpers/paths.ts';

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const FEEDS = [
  { dir: BASIC_SITE, path: 'rss.xml', url: 'https://status.acme.test/status/', entries: 5 },
  { dir: BASIC_SITE, path: 'atom.xml', url: 'https://status.acme.test/status/', entries: 5 },
  { dir: BASIC_SITE, path: 'components/dashboard/rss.xml', url: 'https://status.acme.test/status/', entries: 3 },
  { dir: BASIC_SITE, path: 'components/dashboard/atom.xml', url: 'https://status.acme.test/status/', entries: 3 },
  { dir: join(MIRRORS_OUT, 'eu'), path: 'rss.xml', url: 'https://eu.multi.test/status/', entries: 4 },
  { dir: join(MIRRORS_OUT, 'eu'), path: 'fr/atom.xml', url: 'https://eu.multi.test/status/fr/', entries: 4 },
];

describe('feeds', () => {
  it('name the WebSub hub the config sets, so readers can subscribe to pushes', async () => {
    for (const file of [join(EXAMPLE_OUT, 'eu', 'fr', 'rss.xml'), join(EXAMPLE_OUT, 'global', 'atom.xml')]) {
      expect(await xmllint(file)).toBe('');
      expect(feedparser(file).links, file).toContainEqual({ rel: 'hub', href: 'https://pubsubhubbub.appspot.com/' });
    }
    // No hub configured, no hub named.
    expect(feedparser(join(BASIC_SITE, 'atom.xml')).links.map((l) => l.rel)).not.toContain('hub');
  });

  for (const f of FEEDS) {
    it(`${f.dir.split('/').slice(-1)[0]}/${f.path} is well-formed, parses cleanly and links only to its own mirror`, async () => {
      const file = join(f.dir, f.path);
      expect(await xmllint(file)).toBe('');
      const feed = feedparser(file);
      expect(feed.bozo, feed.bozo_exception).toBe(false);
      expect(feed.version).toBe(f.path.endsWith('rss.xml') ? 'rss20' : 'atom10');
      expect(feed.entries).toHaveLength(f.entries);
      for (const e of feed.entries) {
        expect(e.link.startsWith(f.url), e.link).toBe(true);
        expect(e.id).toBe(e.link);
        expect(e.title).not.toBe('');
      }
      // Newest update first.
      const times = feed.entries.map((e) => Date.parse(e.updated));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });
  }

  it('uses RFC 822 dates and the required elements in RSS', () => {
    const xml = readFileSync(join(BASIC_SITE, 'rss.xml'), 'utf8');
    const channel = xml.slice(xml.indexOf('<channel>'), xml.indexOf('<item>'));
    for (const tag of ['title', 'link', 'description', 'language', 'lastBuildDate']) expect(channel, tag).toMatch(new RegExp(`<${tag}>[^<]+</${tag}>`));
    const dates = [...xml.matchAll(/<(pubDate|lastBuildDate)>([^<]+)</g)].map((m) => m[2]!);
    expect(dates).toHaveLength(6);
    for (const d of dates) expect(d).toMatch(RFC822);
    const guids = [...xml.matchAll(/<guid isPermaLink="true">([^<]+)<\/guid>/g)].map((m) => m[1]);
    expect(guids).toHaveLength(5);
  });

  it('uses RFC 3339 dates and the required elements in Atom', () => {
    const doc = parse(readFileSync(join(BASIC_SITE, 'atom.xml'), 'utf8'), { lowerCaseTagName: false });
    const feed = doc.querySelector('feed')!;
    for (const tag of ['id', 'title', 'updated', 'author']) expect(feed.querySelector(`:scope > ${tag}`), tag).not.toBeNull();
    expect(feed.querySelector(':scope > updated')!.textContent).toMatch(RFC3339);
    for (const entry of doc.querySelectorAll('entry')) {
      for (const tag of ['id', 'title', 'updated']) expect(entry.querySelector(tag), tag).not.toBeNull();
      expect(entry.querySelector('updated')!.textContent).toMatch(RFC3339);
    }
  });

  it('lists an incident\'s updates newest first with status and time, as escaped, sanitised HTML', () => {
    const feed = feedparser(join(BASIC_SITE, 'rss.xml'));
    const ongoing = feed.entries.find((e) => e.title === 'API requests failing for some customers in Europe')!;
    const html = parse(ongoing.content);
    expect(html.querySelectorAll('h3').map((h) => h.textContent)).toEqual(['Identified · Nov 23, 2026, 11:25 AM GMT+1', 'Investigating · Nov 23, 2026, 10:50 AM GMT+1']);
    expect(ongoing.content).toContain('Next update by 1:30 PM GMT+1');
    const hostile = feed.entries.find((e) => e.link.endsWith('/2026-11-20-hostile-markdown/'))!;
    expect(hostile.title).toBe('Billing emails <script>alert(1)</script> delayed');
    expect(hostile.content).not.toMatch(/<script|onerror|javascript:/i);
    // In the raw XML the HTML is escaped, never a live tag.
    expect(readFileSync(join(BASIC_SITE, 'rss.xml'), 'utf8')).not.toContain('<script');
  });

  it('speaks the feed\'s language', () => {
    const fr = feedparser(join(MIRRORS_OUT, 'eu', 'fr', 'atom.xml'));
    expect(fr.title).toBe('Mises à jour de l’état des services Multi GmbH'.replace('Multi GmbH', 'Multi Co'));
    const search = fr.entries.find((e) => e.link.endsWith('/2026-10-26-search-down/'))!;
    expect(search.content).toContain('La recherche ne renvoie aucun résultat.');
    expect(search.content).toMatch(/Résolu · 26 oct\. 2026, 12:30 (UTC\+1|HNEC)/);
  });

  it('declares its language in Atom as RSS does, on every mirror and in every language', () => {
    const atoms = [
      [join(BASIC_SITE, 'atom.xml'), 'en'],
      [join(BASIC_SITE, 'components/dashboard/atom.xml'), 'en'],
      [join(MIRRORS_OUT, 'eu', 'atom.xml'), 'de'],
      [join(MIRRORS_OUT, 'eu', 'fr', 'atom.xml'), 'fr'],
      [join(EXAMPLE_OUT, 'cn', 'atom.xml'), 'zh-CN'],
      [join(EXAMPLE_OUT, 'apac', 'atom.xml'), 'en-AU'],
    ] as const;
    for (const [file, locale] of atoms) {
      expect(readFileSync(file, 'utf8'), file).toContain(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`);
      expect(feedparser(file).language, file).toBe(locale);
    }
    expect(readFileSync(join(MIRRORS_OUT, 'eu', 'fr', 'rss.xml'), 'utf8')).toContain('<language>fr</language>');
  });

  it('is announced on every page for autodiscovery', () => {
    const home = page(BASIC_SITE, '');
    const links = home.querySelectorAll('link[rel=alternate][type]').map((l) => [l.getAttribute('type'), l.getAttribute('href')]);
    expect(links).toEqual([
      ['application/rss+xml', 'https://status.acme.test/status/rss.xml'],
      ['application/atom+xml', 'https://status.acme.test/status/atom.xml'],
    ]);
  });
});
