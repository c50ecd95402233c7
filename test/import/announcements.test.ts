// Announcements: notices that are neither incident nor maintenance, optionally pinned. Shown on the home page
// (pinned ones until `until`, others for a week), in the site feeds, and validated like every content file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shownAnnouncements } from '../../site/model/announcements.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { candor } from '../helpers/cli.ts';
import { page, text } from '../helpers/html.ts';
import { OUT } from '../helpers/paths.ts';
import { md, testdir } from '../helpers/testdir.ts';

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

describe('announcements, built', () => {
  let out: string;
  beforeAll(() => {
    const root = testdir(files);
    out = join(OUT, 'announcements');
    const build = candor(['build', '--root', root, '--out', out, '--now', NOW]);
    expect(build.code, build.stdout + build.stderr).toBe(0);
  });

  it('shows the pinned and the recent one on the home page, pinned first, in every language', () => {
    const home = page(join(out, 'main'), '');
    const section = home.querySelector('#announcements')!.parentNode!;
    expect(section.querySelectorAll('h3').map((h) => text(h))).toEqual(['We moved to status.acme.example', 'A new region in Stockholm']);
    expect(text(section.querySelector('.meta'))).toMatch(/^Pinned · /);
    expect(section.querySelector('.md strong')!.text).toBe('status.acme.example');
  });

  it('puts every announcement in the site feeds, linked to its place on the home page', () => {
    const rss = readFileSync(join(out, 'main', 'rss.xml'), 'utf8');
    for (const title of ['We moved to status.acme.example', 'A new region in Stockholm', 'Holiday support hours']) expect(rss).toContain(`<title>${title}</title>`);
    expect(rss).toContain('#announcement-2026-02-01-new-domain</link>');
    expect(readFileSync(join(out, 'main', 'atom.xml'), 'utf8')).toContain('Holiday support hours');
  });
});
