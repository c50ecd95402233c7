// Announcements: notices that are neither incident nor maintenance, optionally pinned. Shown on the home page
// (pinned ones until `until`, others for a week), in the site feeds, and validated like every content file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shownAnnouncements } from '../../site/model/announcements.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { candor } from '../helpers/cli.ts';
import { page, text } from '../helpers/html.ts';
import { OUT } from '../helpers/paths.ts';
import { md, MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const NOW = '2026-03-10T12:00:00Z';
const files = {
  'announcements/2026-02-01-new-domain.md': md({ title: 'We moved to status.acme.example', published: '2026-02-01T09:00:00Z', pinned: true, until: '2026-06-01T00:00:00Z' }, 'Our status page now lives at **status.acme.example**.'),
  'announcements/2026-03-08-new-region.md': md({ title: 'A new region in Stockholm', published: '2026-03-08T09:00:00Z' }, 'Components in Stockholm are listed from today.'),
  'announcements/2026-01-05-holiday-support.md': md({ title: 'Holiday support hours', published: '2026-01-05T09:00:00Z' }, 'Support answers within a day.'),
};

describe('which announcements the home page shows', () => {
  it('keeps pinned ones until `until` and others for a week, pinned first', async () => {
    const loaded = await loadSite(testdir(files), { now: new Date(NOW) });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const shown = (now: string) => shownAnnouncements(loaded.value, new Date(now)).map((a) => a.id);
    expect(shown('2026-01-04T00:00:00Z')).toEqual([]);
    expect(shown('2026-01-06T00:00:00Z')).toEqual(['2026-01-05-holiday-support']);
    expect(shown('2026-02-01T10:00:00Z')).toEqual(['2026-02-01-new-domain']);
    expect(shown(NOW)).toEqual(['2026-02-01-new-domain', '2026-03-08-new-region']);
    expect(shown('2026-03-16T00:00:00Z')).toEqual(['2026-02-01-new-domain']);
    expect(shown('2027-03-10T00:00:00Z')).toEqual([]);
  });

  it('names the file, field and fix for a bad announcement', async () => {
    const loaded = await loadSite(testdir({ 'announcements/2026-03-01-x.md': md({ title: 'X', published: '2026-03-01' }), 'announcements/notes.md': md({ title: 'Y' }) }), { now: new Date(NOW) });
    expect(loaded.ok).toBe(false);
    const errors = loaded.ok ? [] : loaded.errors;
    expect(errors.map((e) => [e.file, e.field])).toEqual([
      ['announcements/2026-03-01-x.md', 'published'],
      ['announcements/notes.md', undefined],
    ]);
    expect(errors[1]!.fix).toContain('announcements/2026-01-10-new-domain.md');
  });
});

// Two mirrors, one of them in two languages and under a path, so every feed link is checked in each.
const CONFIG = MINIMAL_CONFIG.replace(
  'mirrors:\n  - { id: main, url: https://status.test.example/, locale: en }\n',
  'mirrors:\n  - { id: main, url: https://status.test.example/, locale: en }\n  - { id: eu, url: https://test.example.eu/status/, locale: de, locales: [de, en], time_zone: Europe/Berlin }\n',
);
const MIRRORS = { main: 'https://status.test.example/', eu: 'https://test.example.eu/status/' };

/** Every feed file a built mirror serves, by path inside it. */
function feedsOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /(?:^|\/)(?:rss|atom)\.xml$/.test(f));
}

describe('announcements, built', () => {
  let out: string;
  beforeAll(() => {
    const root = testdir(files, { config: CONFIG });
    out = join(OUT, 'announcements');
    const build = candor(['build', '--root', root, '--out', out, '--now', NOW]);
    expect(build.code, build.stdout + build.stderr).toBe(0);
  });

  it('shows the pinned and the recent one on the home page, pinned first, each linked to its own page', () => {
    const home = page(join(out, 'main'), '');
    const section = home.querySelector('#announcements')!.parentNode!;
    expect(section.querySelectorAll('h3').map((h) => text(h))).toEqual(['We moved to status.acme.example', 'A new region in Stockholm']);
    expect(section.querySelectorAll('h3 a').map((a) => a.getAttribute('href'))).toEqual(['/announcements/2026-02-01-new-domain/', '/announcements/2026-03-08-new-region/']);
    expect(text(section.querySelector('.meta'))).toMatch(/^Pinned · /);
    expect(section.querySelector('.md strong')!.text).toBe('status.acme.example');
  });

  it('gives every announcement its own page in every mirror and language, also once it has left the home page', () => {
    for (const [mirror, prefix] of [['main', ''], ['eu', ''], ['eu', 'en/']] as const) {
      for (const id of Object.keys(files).map((f) => f.replace(/^announcements\/|\.md$/g, ''))) {
        const p = page(join(out, mirror), `${prefix}announcements/${id}`);
        expect(text(p.querySelector('h1')), `${mirror} ${prefix}${id}`).toBe(text(parse(readFileSync(join(out, 'main', 'announcements', id, 'index.html'), 'utf8')).querySelector('h1')));
      }
    }
    const holiday = page(join(out, 'eu'), 'announcements/2026-01-05-holiday-support');
    expect(text(holiday.querySelector('h1'))).toBe('Holiday support hours');
    expect(text(holiday.querySelector('.md'))).toBe('Support answers within a day.');
    expect(holiday.querySelector('html')!.getAttribute('lang')).toBe('de');
    expect(text(page(join(out, 'main'), 'announcements/2026-02-01-new-domain').querySelector('.meta'))).toMatch(/^Pinned · /);
  });

  it('puts every announcement in the site feeds, and every link of every feed resolves to a built page', () => {
    const rss = readFileSync(join(out, 'main', 'rss.xml'), 'utf8');
    for (const title of ['We moved to status.acme.example', 'A new region in Stockholm', 'Holiday support hours']) expect(rss).toContain(`<title>${title}</title>`);
    expect(rss).toContain('<link>https://status.test.example/announcements/2026-02-01-new-domain/</link>');
    expect(readFileSync(join(out, 'main', 'atom.xml'), 'utf8')).toContain('Holiday support hours');
    let checked = 0;
    for (const [mirror, url] of Object.entries(MIRRORS)) {
      const feeds = feedsOf(join(out, mirror));
      expect(feeds.length, mirror).toBeGreaterThan(1);
      for (const feed of feeds) {
        const xml = readFileSync(join(out, mirror, feed), 'utf8');
        const links = [...xml.matchAll(/<link>([^<]+)<\/link>|<link[^>]*href="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!.replace(/&amp;/g, '&'));
        for (const link of links.filter((l) => l.startsWith(url))) {
          const path = decodeURIComponent(new URL(link).pathname.slice(new URL(url).pathname.length));
          const file = join(out, mirror, path.endsWith('/') || path === '' ? join(path, 'index.html') : path);
          expect(existsSync(file), `${mirror}/${feed}: ${link}`).toBe(true);
          // A link to a place on a page is dead once that place is gone (an announcement leaves the home page).
          const hash = new URL(link).hash.slice(1);
          if (hash) expect(readFileSync(file, 'utf8'), `${mirror}/${feed}: ${link}`).toContain(`id="${hash}"`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
