// Reusing unchanged pages between builds (scripts/lib/reuse.ts): after an update is posted, an incident resolved,
// a past incident added, an update corrected, an announcement published, a translation edited, a check's
// measurements changed, the config changed or the clock moved on, a build over the previous output must write
// exactly the files a full build writes, byte for byte.
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candor } from '../helpers/cli.ts';
import { FIXTURE_NOW, FIXTURES } from '../helpers/paths.ts';
import { md } from '../helpers/testdir.ts';
import { previousManifest } from '../../scripts/lib/reuse.ts';
import { BUILDS } from '../../scripts/lib/staging.ts';

/** What the last build over a previous output printed. */
let lastOutput = '';

/** Builds `root` over `out` as of `now`, checks it byte for byte against a full build from scratch, and returns how many pages it reused. */
function buildAndCompare(root: string, out: string, now: string): number {
  const run = candor(['build', '--root', root, '--out', out, '--now', now]);
  expect(run.code, run.stderr).toBe(0);
  lastOutput = run.stdout;
  const reused = Number(/\((\d+) unchanged, reused\)/.exec(run.stdout)?.[1] ?? 0);

  const full = mkdtempSync(join(tmpdir(), 'candor-reuse-full-'));
  const fresh = candor(['build', '--root', root, '--out', full, '--now', now, '--full']);
  expect(fresh.code, fresh.stderr).toBe(0);
  for (const mirror of readdirSync(full).filter((m) => !m.startsWith('.'))) {
    const files = readdirSync(join(full, mirror), { recursive: true, encoding: 'utf8' }).sort();
    expect(readdirSync(join(out, mirror), { recursive: true, encoding: 'utf8' }).sort()).toEqual(files);
    // Every file, the pages kept from the earlier output among them, and the search index built over them.
    for (const f of files.filter((f) => /\.\w+$/.test(f))) expect(readFileSync(join(out, mirror, f)).equals(readFileSync(join(full, mirror, f))), `${mirror}/${f}`).toBe(true);
  }
  rmSync(full, { recursive: true, force: true });
  return reused;
}

describe('candor build over a previous output', () => {
  const root = mkdtempSync(join(tmpdir(), 'candor-reuse-'));
  cpSync(join(FIXTURES, 'basic'), root, { recursive: true });
  const out = join(root, 'dist');
  const page = (route: string) => readFileSync(join(out, 'main', route, 'index.html'), 'utf8');

  it('reuses nothing on the first build', () => {
    const first = candor(['build', '--root', root, '--out', out, '--now', FIXTURE_NOW]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).not.toContain('reused');
  });

  it('renders the incident with a new update again, and reuses the past', () => {
    const incident = 'incidents/2026-11-23-api-errors-eu';
    // Neither lists the incident: the postmortems page and the maintenance calendar are kept, the same files.
    const listsOfOthers = ['postmortems/index.html', 'maintenance.ics'];
    const files = () => listsOfOthers.map((f) => statSync(join(out, 'main', f)).ino);
    const before = files();
    writeFileSync(join(root, incident, '2026-11-23T1210Z.md'), md({ status: 'monitoring', next_update: '2026-11-23T13:00:00Z' }, 'A fix is in place; we are watching it.'));
    const later = '2026-11-23T12:20:00Z';
    expect(buildAndCompare(root, out, later)).toBeGreaterThan(0);
    expect(files()).toEqual(before);
    expect(page(incident)).toContain('A fix is in place; we are watching it.');
    expect(page(incident)).toContain(`datetime="${new Date(later).toISOString()}"`);
  });

  it('indexes for search only the bundle of the days that changed, and links the others from the previous output', () => {
    const kept = join(out, 'main', 'pagefind', '2026-10', 'pagefind-entry.json');
    const before = statSync(kept).ino;
    const incident = 'incidents/2026-11-23-api-errors-eu';
    writeFileSync(join(root, incident, '2026-11-23T1222Z.md'), md({ status: 'monitoring', next_update: '2026-11-23T13:00:00Z' }, 'Error rates are back to normal; we keep watching.'));
    buildAndCompare(root, out, '2026-11-23T12:25:00Z');
    expect(lastOutput).toContain('search: 1 of 4 bundles indexed');
    expect(statSync(kept).ino, 'the unchanged bundle is the same file, not indexed again').toBe(before);
    // This month's thirds (the incidents of the 23rd and 30th, of the 20th, of the 10th), and the month before.
    expect(JSON.parse(readFileSync(join(out, 'main', 'pagefind', 'bundles.json'), 'utf8'))).toEqual(['2026-11-21', '2026-11-11', '2026-11-01', '2026-10']);
  });

  it('renders the month pages again when a past incident is added, since each lists every month with its count', () => {
    const dir = join(root, 'incidents', '2026-10-20-late-report');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.md'), md({ title: 'Reports arrived late', kind: 'incident', impact: 'minor', components: ['api'], started: '2026-10-20T09:00:00Z' }));
    writeFileSync(join(dir, '2026-10-20T0905Z.md'), md({ status: 'resolved' }, 'Reports were late for a few minutes.'));
    expect(buildAndCompare(root, out, '2026-11-23T12:30:00Z')).toBeGreaterThan(0);
    expect(page('history/2026-10')).toContain('Reports arrived late');
    expect(page('history/2026-11')).toMatch(/2026-10\/[^>]*>[^<]*<\/a> <span class="meta">\(2\)/);
  });

  it('renders the incident again when it is resolved, and its promise of a postmortem', () => {
    const incident = 'incidents/2026-11-23-api-errors-eu';
    writeFileSync(join(root, incident, '2026-11-23T1230Z.md'), md({ status: 'resolved' }, 'Requests succeed again.'));
    expect(buildAndCompare(root, out, '2026-11-23T12:35:00Z')).toBeGreaterThan(0);
    expect(page(incident)).toContain('Requests succeed again.');
  });

  it('follows the clock alone: a window starting and ending, a promised postmortem falling due', () => {
    // The maintenance of 2026-11-30 02:00–03:00 is in progress, then over; the resolved incident's postmortem was
    // due 72 hours after it was resolved, so the page stops promising one.
    const promised = page('incidents/2026-11-23-api-errors-eu');
    expect(buildAndCompare(root, out, '2026-11-30T02:30:00Z')).toBeGreaterThan(0);
    expect(page('incidents/2026-11-30-db-upgrade')).toMatch(/In progress/);
    expect(page('incidents/2026-11-23-api-errors-eu')).not.toBe(promised);
    expect(buildAndCompare(root, out, '2026-11-30T03:30:00Z')).toBeGreaterThan(0);
    expect(page('incidents/2026-11-30-db-upgrade')).toMatch(/Completed/);
  });

  it('renders the measured component\'s page again when a day of measurements changes, and reuses the past', () => {
    const file = join(root, 'monitoring', 'api-paris.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('{"date":"2026-11-23","runs":144,"failures":0', '{"date":"2026-11-23","runs":144,"failures":72'));
    expect(buildAndCompare(root, out, '2026-11-23T12:38:00Z')).toBeGreaterThan(0);
    // 108 failed runs in 6,192.
    expect(page('components/api')).toContain('98.25% of check runs succeeded');
  });

  it('reuses nothing once the config changes, since every page names components and mirrors', () => {
    const config = join(root, 'candor.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('name: Dashboard,', 'name: Control panel,'));
    expect(buildAndCompare(root, out, '2026-11-23T12:40:00Z')).toBe(0);
    expect(page('incidents/2026-11-10-login-outage')).toContain('Control panel');
  });

  it('renders again a page that something else changed in the output', () => {
    const file = join(out, 'main', 'incidents', '2026-11-10-login-outage', 'index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('</main>', '<p>edited by hand</p></main>'));
    expect(readFileSync(file, 'utf8')).toContain('edited by hand');
    const reused = buildAndCompare(root, out, '2026-11-23T12:45:00Z');
    expect(reused).toBeGreaterThan(0);
    expect(page('incidents/2026-11-10-login-outage')).not.toContain('edited by hand');
  });

  it('renders again a page whose file was replaced by a link, even a link to the very bytes it recorded', () => {
    // Kept pages are looked up by path, not walked (scripts/lib/reuse.ts `reusable`): a stat that followed the link
    // would find the recorded size and time, and the new output would hold the link instead of a page.
    const file = join(out, 'main', 'incidents', '2026-11-10-login-outage', 'index.html');
    const copy = join(root, 'login-outage.html');
    cpSync(file, copy, { preserveTimestamps: true });
    rmSync(file);
    symlinkSync(copy, file);
    expect(buildAndCompare(root, out, '2026-11-23T12:46:00Z')).toBeGreaterThan(0);
    expect(lstatSync(file).isFile()).toBe(true);
  });

  it('records every page as it is on disk, the kept ones as well as the rendered ones', () => {
    expect(buildAndCompare(root, out, '2026-11-23T12:47:00Z')).toBeGreaterThan(0);
    // Kept pages' records are carried over from the previous manifest rather than read again: they must still
    // be the files' own size and modification second, or the next build would reuse nothing (or the wrong file).
    const target = join(out, 'main');
    const manifest = previousManifest(target)!;
    const records = Object.entries(manifest.pages);
    expect(records.length).toBeGreaterThan(5);
    for (const [file, [, size, mtime]] of records) {
      const stat = statSync(join(target, file));
      expect([file, size, mtime]).toEqual([file, stat.size, Math.floor(stat.mtimeMs / 1000)]);
    }
    expect(manifest.pages['incidents/2026-11-10-login-outage/index.html']).toBeDefined();
  });

  it('reuses pages from an output restored with its timestamps, as a CI cache restores it', () => {
    const saved = join(root, 'saved');
    cpSync(join(out, 'main'), saved, { recursive: true, preserveTimestamps: true });
    rmSync(join(out, 'main'), { recursive: true });
    cpSync(saved, join(out, 'main'), { recursive: true, preserveTimestamps: true });
    expect(buildAndCompare(root, out, '2026-11-23T12:50:00Z')).toBeGreaterThan(0);
  });

  it('reuses nothing from an output folder that something else wrote', () => {
    // The same path and the same files, but written at another time: not the files the last build recorded.
    const copy = join(root, 'copy');
    cpSync(join(out, 'main'), copy, { recursive: true });
    const long = new Date('2001-01-01T00:00:00Z');
    for (const f of readdirSync(copy, { recursive: true, encoding: 'utf8' })) utimesSync(join(copy, f), long, long);
    rmSync(join(out, 'main'), { recursive: true });
    renameSync(copy, join(out, 'main'));
    expect(buildAndCompare(root, out, '2026-11-23T12:55:00Z')).toBe(0);
  });

  // Feeds list the newest fifty entries, which most builds leave as they were (site/lib/reuse.ts).
  const feedFile = (component: string | undefined, kind: 'rss' | 'atom') => join(out, 'main', component ? `components/${component}/` : '', `${kind}.xml`);
  const inodes = () => new Map([undefined, 'api', 'dashboard', 'billing'].flatMap((c) => (['rss', 'atom'] as const).map((k) => [`${c ?? 'site'} ${k}`, statSync(feedFile(c, k)).ino])));

  it('keeps the feeds a corrected update does not appear in, and writes again the ones it does', () => {
    buildAndCompare(root, out, '2026-11-23T13:00:00Z');
    const before = inodes();
    // The incident affects the API and the dashboard; billing's feeds do not list it.
    writeFileSync(join(root, 'incidents/2026-11-23-api-errors-eu/2026-11-23T1230Z.md'), md({ status: 'resolved' }, 'Requests succeed again everywhere in Europe.'));
    buildAndCompare(root, out, '2026-11-23T13:05:00Z');
    const after = inodes();
    for (const kind of ['rss', 'atom'] as const) {
      expect(after.get(`billing ${kind}`), `billing ${kind}: the same file, kept`).toBe(before.get(`billing ${kind}`));
      for (const c of ['site', 'api', 'dashboard']) expect(after.get(`${c} ${kind}`), `${c} ${kind}: written again`).not.toBe(before.get(`${c} ${kind}`));
    }
    expect(readFileSync(feedFile('api', 'atom'), 'utf8')).toContain('Requests succeed again everywhere in Europe.');
    expect(readFileSync(feedFile('billing', 'rss'), 'utf8')).not.toContain('Requests succeed again everywhere in Europe.');
  });

  it('adds an announcement to the site-wide feeds once the clock reaches its publication, and leaves the components\' feeds', () => {
    mkdirSync(join(root, 'announcements'), { recursive: true });
    writeFileSync(join(root, 'announcements', '2026-11-24-new-address.md'), '---\ntitle: Our status page has a new address\npublished: 2026-11-24T09:00:00Z\n---\nFind us at status.acme.test from now on.\n');
    buildAndCompare(root, out, '2026-11-24T08:00:00Z');
    expect(readFileSync(feedFile(undefined, 'atom'), 'utf8')).not.toContain('Our status page has a new address');
    const before = inodes();
    // Nothing but the moment changes: the announcement is published.
    buildAndCompare(root, out, '2026-11-24T09:30:00Z');
    const after = inodes();
    for (const kind of ['rss', 'atom'] as const) {
      expect(readFileSync(feedFile(undefined, kind), 'utf8')).toContain('Our status page has a new address');
      expect(after.get(`site ${kind}`)).not.toBe(before.get(`site ${kind}`));
      for (const c of ['api', 'dashboard', 'billing']) expect(after.get(`${c} ${kind}`), `${c} ${kind}: kept`).toBe(before.get(`${c} ${kind}`));
    }
  });

  it('renders the list of postmortems again when one it lists changes', () => {
    const file = join(root, 'incidents', '2026-11-10-login-outage', 'postmortem.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('published: 2026-11-12T10:00:00Z', 'published: 2026-11-13T09:00:00Z'));
    buildAndCompare(root, out, '2026-11-24T09:35:00Z');
    expect(page('postmortems')).toContain('datetime="2026-11-13T09:00:00.000Z"');
  });

  it('keeps the badges, the widget and the tab icon while what they say is the same, and writes a badge again once it changes', () => {
    const badges = ['api', 'dashboard', 'billing'].flatMap((c) => ['badge', 'uptime'].flatMap((b) => [`components/${c}/${b}.svg`, `components/${c}/${b}.json`]));
    const files = ['badge.svg', 'badge.json', 'widget.js', 'favicon.svg', ...badges];
    const inodes = () => new Map(files.map((f) => [f, statSync(join(out, 'main', f)).ino]));
    const said = (f: string) => (JSON.parse(readFileSync(join(out, 'main', f), 'utf8')) as { message: string }).message;
    const before = inodes();
    // Only the moment moves, within the day: no state and no uptime figure changes, so no badge is written again.
    buildAndCompare(root, out, '2026-11-24T09:40:00Z');
    expect(inodes()).toEqual(before);
    // Billing goes down: its badge and the page's say so; the others are the same files.
    const dir = join(root, 'incidents', '2026-11-24-billing-down');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.md'), md({ title: 'Invoices cannot be created', kind: 'incident', impact: 'major', components: ['billing'], started: '2026-11-24T09:41:00Z' }));
    writeFileSync(join(dir, '2026-11-24T0942Z.md'), md({ status: 'investigating', next_update: '2026-11-24T10:15:00Z' }, 'Invoices cannot be created. We are looking into it.'));
    const operational = said('components/billing/badge.json');
    buildAndCompare(root, out, '2026-11-24T09:45:00Z');
    const after = inodes();
    expect(said('components/billing/badge.json')).not.toBe(operational);
    for (const f of ['badge.svg', 'badge.json', 'components/billing/badge.svg', 'components/billing/badge.json']) expect(after.get(f), `${f}: written again`).not.toBe(before.get(f));
    for (const f of ['widget.js', 'favicon.svg', ...badges.filter((f) => !f.startsWith('components/billing/'))]) expect(after.get(f), `${f}: kept`).toBe(before.get(f));
  });
});

describe('candor build over a previous output, several mirrors and languages', () => {
  const root = mkdtempSync(join(tmpdir(), 'candor-reuse-mirrors-'));
  cpSync(join(FIXTURES, 'mirrors'), root, { recursive: true });
  const out = join(root, 'dist');

  it('renders again only what an edited translation changes, in every mirror that serves it', () => {
    expect(candor(['build', '--root', root, '--out', out, '--now', FIXTURE_NOW]).code).toBe(0);
    const file = join(root, 'incidents', '2026-10-26-search-down', '2026-10-26T1010Z.fr.md');
    writeFileSync(file, 'Texte revu : la recherche ne répondait pas.\n');
    expect(buildAndCompare(root, out, FIXTURE_NOW)).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'world', 'fr', 'incidents', '2026-10-26-search-down', 'index.html'), 'utf8')).toContain('Texte revu : la recherche ne répondait pas.');
  });

  it('keeps a search index for each language, and drops the bundles of a language a mirror no longer serves', () => {
    const bundles = (mirror: string, language = '') => JSON.parse(readFileSync(join(out, mirror, 'pagefind', language, 'bundles.json'), 'utf8')) as string[];
    expect(bundles('world', 'fr')).toEqual(bundles('world'));
    expect(existsSync(join(out, 'world', 'pagefind', 'fr', bundles('world', 'fr')[0]!, 'pagefind-entry.json'))).toBe(true);
    const config = join(root, 'candor.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('locales: [en, fr]', 'locales: [en]'));
    // Twice: the first build writes over the served output's spare, the second over the output that had French.
    buildAndCompare(root, out, FIXTURE_NOW);
    buildAndCompare(root, out, FIXTURE_NOW);
    expect(existsSync(join(out, 'world', 'pagefind', 'fr'))).toBe(false);
    expect(bundles('eu', 'fr').length).toBeGreaterThan(0);
  });
});

describe('candor build on the spare (the output the build before replaced)', () => {
  /** Every file under `dir` with its bytes. */
  const contents = (dir: string) => new Map(readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().filter((f) => statSync(join(dir, f)).isFile()).map((f) => [f, readFileSync(join(dir, f))]));

  it('brings the spare up to date without changing a file of the output being served, and ends as a full build would', () => {
    const root = mkdtempSync(join(tmpdir(), 'candor-spare-'));
    cpSync(join(FIXTURES, 'basic'), root, { recursive: true });
    const out = join(root, 'dist');
    const served = () => realpathSync(join(out, 'main'));
    const spare = join(out, BUILDS, '.spare-main');
    expect(candor(['build', '--root', root, '--out', out, '--now', '2026-11-23T12:05:00Z']).code).toBe(0);
    const firstFolder = statSync(served()).ino;
    // The second build links the past from the first, so the first (now the spare) and the second (served) share
    // those pages' files.
    writeFileSync(join(root, 'incidents/2026-11-23-api-errors-eu/2026-11-23T1210Z.md'), md({ status: 'monitoring', next_update: '2026-11-23T13:00:00Z' }, 'A fix is in place; we are watching it.'));
    buildAndCompare(root, out, '2026-11-23T12:20:00Z');
    const second = statSync(served()).ino;
    const servedBefore = contents(served());

    // The third build works on the spare, and changes pages whose files it shares with the served output: a past
    // incident corrected, another deleted, the open one updated.
    writeFileSync(join(root, 'incidents/2026-11-10-login-outage/2026-11-10T1000Z.md'), md({ status: 'resolved' }, 'Everyone can sign in again; nothing was lost.'));
    rmSync(join(root, 'incidents/2026-10-05-billing-maintenance'), { recursive: true });
    writeFileSync(join(root, 'incidents/2026-11-23-api-errors-eu/2026-11-23T1222Z.md'), md({ status: 'monitoring', next_update: '2026-11-23T13:00:00Z' }, 'Error rates are back to normal.'));
    expect(buildAndCompare(root, out, '2026-11-23T12:25:00Z')).toBeGreaterThan(0);
    expect(statSync(served()).ino, 'the spare became the new output').toBe(firstFolder);
    expect(readFileSync(join(out, 'main/incidents/2026-11-10-login-outage/index.html'), 'utf8')).toContain('nothing was lost');

    // What was served during the build is now the spare, every file as it was.
    expect(statSync(spare).ino).toBe(second);
    const after = contents(spare);
    expect([...after.keys()]).toEqual([...servedBefore.keys()]);
    const changed = [...servedBefore].filter(([f, bytes]) => !after.get(f)!.equals(bytes)).map(([f]) => f);
    expect(changed, 'files of the served output changed during the build').toEqual([]);
  });

  it('takes no spare that is a link: it is removed, and what it points to is left alone', () => {
    const root = mkdtempSync(join(tmpdir(), 'candor-spare-link-'));
    cpSync(join(FIXTURES, 'basic'), root, { recursive: true });
    const out = join(root, 'dist');
    expect(candor(['build', '--root', root, '--out', out, '--now', '2026-11-23T12:05:00Z']).code).toBe(0);
    // Someone else's folder, and a spare that points at it.
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(join(elsewhere, 'incidents'), { recursive: true });
    writeFileSync(join(elsewhere, 'incidents', 'notes.txt'), 'not the build\'s');
    symlinkSync(elsewhere, join(out, BUILDS, '.spare-main'));
    expect(buildAndCompare(root, out, '2026-11-23T12:10:00Z')).toBeGreaterThan(0);
    expect(readFileSync(join(elsewhere, 'incidents', 'notes.txt'), 'utf8')).toBe('not the build\'s');
    // The first output replaced the link as the spare.
    expect(lstatSync(join(out, BUILDS, '.spare-main')).isDirectory()).toBe(true);
  });

  it('starts from an empty folder with --full, and deletes the output it replaces', () => {
    const root = mkdtempSync(join(tmpdir(), 'candor-spare-full-'));
    cpSync(join(FIXTURES, 'basic'), root, { recursive: true });
    const out = join(root, 'dist');
    for (const now of ['2026-11-23T12:05:00Z', '2026-11-23T12:10:00Z']) expect(candor(['build', '--root', root, '--out', out, '--now', now]).code).toBe(0);
    const spare = statSync(join(out, BUILDS, '.spare-main')).ino;
    const replaced = realpathSync(join(out, 'main'));
    expect(candor(['build', '--root', root, '--out', out, '--now', '2026-11-23T12:15:00Z', '--full']).code).toBe(0);
    // The spare is left for a later build; the replaced output is gone.
    expect(readdirSync(join(out, BUILDS)).sort()).toEqual(['.spare-main', realpathSync(join(out, 'main')).split('/').pop()]);
    expect(statSync(join(out, BUILDS, '.spare-main')).ino).toBe(spare);
    expect(statSync(replaced, { throwIfNoEntry: false })).toBeUndefined();
  });
});
