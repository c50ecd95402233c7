// Every output of a real build agrees about each incident's and window's state, at several moments: the home
// page, /maintenance/, incident pages, history, the API documents, the calendar, badges and feeds. Drafts never
// reach any of them; {time:…} moments never show as written; variant mirrors (en-NZ, fr-CA) read their language.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../site/i18n/index.ts';
import { candorAsync } from '../helpers/cli.ts';
import { page, text } from '../helpers/html.ts';
import { md, testdir } from '../helpers/testdir.ts';
import { EXAMPLE_OUT, REPO } from '../helpers/paths.ts';
import { mirrorLocales } from '../../site/lib/urls.ts';
import { siteMoment } from '../../site/model/example-clock.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { timeline } from '../../site/model/timeline.ts';

const CONFIG = `name: { en: Agree Co, fr: Agree Co }
components:
  - { id: api, name: { en: API, fr: API } }
  - { id: web, name: { en: Website, fr: Site web } }
mirrors:
  - { id: world, url: https://status.agree.test/, locale: en, time_zone: UTC }
  - { id: anz, url: https://anz.agree.test/status/, locale: en-NZ, locales: [en-NZ, fr-CA], time_zone: Pacific/Auckland }
`;
const API = 'incidents/2026-11-23-api';
const DB = 'incidents/2026-11-29-db';
const OLD = 'incidents/2026-11-10-web';
const FILES = {
  [`${API}/index.md`]: md({ kind: 'incident', title: 'API errors', impact: 'major', components: ['api'], started: '2026-11-23T08:00:00Z' }),
  [`${API}/index.fr.md`]: md({ title: 'Erreurs de l’API' }),
  [`${API}/2026-11-23T0821Z.md`]: md({ status: 'identified', next_update: '2026-11-23T09:15:00Z' }, "Some customers can't create invoices through the API. We'll post again by {time:2026-11-23T09:15:00Z}."),
  [`${API}/2026-11-23T0821Z.fr.md`]: 'Certains clients ne peuvent pas créer de factures par l’API. Prochaine mise à jour avant {time:2026-11-23T09:15:00Z}.',
  [`${API}/2026-11-23T0830Z.md`]: md({ status: 'monitoring', draft: true, next_update: '2026-11-23T10:00:00Z' }, 'SECRET DRAFT UPDATE'),
  [`${DB}/index.md`]: md({ kind: 'maintenance', title: 'Database upgrade', components: ['web'], scheduled: { start: '2026-11-29T01:00:00Z', end: '2026-11-29T03:00:00Z' } }),
  [`${DB}/2026-11-20T1000Z.md`]: md({ status: 'scheduled' }, 'From {time:2026-11-29T01:00:00Z} to {time:2026-11-29T03:00:00Z}, the website is read-only.'),
  [`${OLD}/index.md`]: md({ kind: 'incident', title: 'Website down', impact: 'major', components: ['web'], started: '2026-11-10T10:00:00Z' }),
  [`${OLD}/2026-11-10T1005Z.md`]: md({ status: 'investigating', next_update: '2026-11-10T10:30:00Z' }, "Customers can't open the website."),
  [`${OLD}/2026-11-10T1020Z.md`]: md({ status: 'resolved', data_loss: 'none' }, 'Fixed.'),
  [`${OLD}/postmortem.md`]: md({ draft: true }, '## Root cause\n\n{{root_cause}} SECRET DRAFT POSTMORTEM'),
  [`${OLD}/2026-11-10T1030Z.md`]: md({ status: 'investigating', reopen: true, draft: true, next_update: '2026-11-10T11:00:00Z' }, 'SECRET DRAFT UPDATE'),
};

/** Moments: incident open and window announced; window under way by the clock; a week after it ended. */
const MOMENTS = { before: '2026-11-23T08:40:00Z', during: '2026-11-29T02:00:00Z', after: '2026-12-06T03:00:00Z' } as const;
const EXPECTED = { before: 'scheduled', during: 'in_progress', after: 'completed' } as const;
type Moment = keyof typeof MOMENTS;

const root = testdir(FILES, { config: CONFIG });
const out = (m: Moment) => join(root, `dist-${m}`);
const MIRRORS = [
  { id: 'world', locales: [['en', '']] },
  { id: 'anz', locales: [['en-NZ', ''], ['fr-CA', 'fr-CA/']] },
] as const;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|json|xml|ics|svg|js)$/.test(f));
}
const json = (dir: string, path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8'));

beforeAll(async () => {
  // One build per moment, side by side.
  const runs = await Promise.all(
    (Object.keys(MOMENTS) as Moment[]).map((m) => candorAsync(['build', '--root', root, '--out', out(m), '--now', MOMENTS[m]])),
  );
  for (const r of runs) if (r.code !== 0) throw new Error(`build failed\n${r.stdout}\n${r.stderr}`);
}, 600_000);

describe.each(Object.keys(MOMENTS) as Moment[])('built as of %s', (moment) => {
  const status = EXPECTED[moment];

  it('every page, API document, calendar and badge agrees on the window\'s state', () => {
    for (const mirror of MIRRORS) {
      const dir = join(out(moment), mirror.id);
      for (const [locale, prefix] of mirror.locales) {
        const label = t(locale, `status.${status}`);
        const where = `${moment} ${mirror.id}/${locale}`;
        // The window's own page.
        expect(text(page(dir, `${prefix}incidents/2026-11-29-db`).querySelector('dl.facts dd')), where).toBe(label);
        // /maintenance/: in exactly one section, the one its state says.
        const mnt = page(dir, `${prefix}maintenance`);
        const section = { scheduled: 'upcoming', in_progress: 'active', completed: 'past' }[status];
        for (const id of ['upcoming', 'active', 'past']) {
          const listed = (mnt.querySelector(`section[aria-labelledby=${id}]`)?.innerHTML ?? '').includes('incidents/2026-11-29-db/');
          expect(listed, `${where} /maintenance/ ${id}`).toBe(id === section);
        }
        // Home: under way only while it is.
        const home = page(dir, prefix);
        expect((home.querySelector('section[aria-labelledby=active-mnt]')?.innerHTML ?? '').includes('2026-11-29-db'), `${where} home`).toBe(status === 'in_progress');
        expect((home.querySelector('section[aria-labelledby=upcoming]')?.innerHTML ?? '').includes('2026-11-29-db'), `${where} home upcoming`).toBe(status === 'scheduled');
        // History's line for the month says the same.
        expect(text(page(dir, `${prefix}history/2026-11`).querySelector('a[href$="incidents/2026-11-29-db/"]')?.parentNode), where).toContain(label);
        // Calendar.
        expect(readFileSync(join(dir, `${prefix}maintenance.ics`), 'utf8').replace(/\r\n /g, ''), where).toContain(`DESCRIPTION:${label}:`);
      }
      // API documents.
      expect(json(dir, 'api/v2/scheduled-maintenances.json').scheduled_maintenances[0].status).toBe(status);
      expect(json(dir, 'api/v2/scheduled-maintenances/upcoming.json').scheduled_maintenances.length).toBe(status === 'scheduled' ? 1 : 0);
      expect(json(dir, 'api/v2/scheduled-maintenances/active.json').scheduled_maintenances.length).toBe(status === 'in_progress' ? 1 : 0);
      // The open incident outranks maintenance in the page indicator; the website component's badge shows the window.
      expect(json(dir, 'api/v2/status.json').status.indicator).toBe('major');
      const web = json(dir, 'api/v2/components.json').components.find((c: { name: string }) => c.name === 'Website');
      expect(web.status).toBe(status === 'in_progress' ? 'under_maintenance' : 'operational');
      expect(json(dir, 'components/web/badge.json').message).toBe(t(mirror.locales[0][0], `state.${status === 'in_progress' ? 'under_maintenance' : 'operational'}`));
    }
  });

  it('publishes no draft and no unrendered moment anywhere', () => {
    for (const mirror of MIRRORS) {
      const dir = join(out(moment), mirror.id);
      for (const f of files(dir)) {
        const body = readFileSync(join(dir, f), 'utf8');
        expect(body, f).not.toContain('SECRET DRAFT');
        expect(body, f).not.toContain('{time:');
        expect(body, f).not.toContain('{{root_cause}}');
      }
      expect(() => page(dir, 'incidents/2026-11-10-web/postmortem')).toThrow(/no page/);
      expect(page(dir, 'postmortems').querySelectorAll('main li')).toHaveLength(0);
      // The draft reopening did not reopen anything.
      expect(text(page(dir, 'incidents/2026-11-10-web').querySelector('dl.facts dd'))).toBe(t(mirror.locales[0][0], 'status.resolved'));
    }
  });

  it('shows each moment once in every mirror\'s own zone, and variant mirrors read their language without a note', () => {
    const checks = [
      { dir: join(out(moment), 'world'), prefix: '', shown: '9:15 AM UTC', note: false, lang: "Some customers can't create invoices" },
      { dir: join(out(moment), 'anz'), prefix: '', shown: '10:15 pm NZDT', note: false, lang: "Some customers can't create invoices" },
      { dir: join(out(moment), 'anz'), prefix: 'fr-CA/', shown: '22 h 15 UTC+13', note: false, lang: 'Certains clients ne peuvent pas' },
    ];
    for (const c of checks) {
      const p = page(c.dir, `${c.prefix}incidents/2026-11-23-api`);
      const times = p.querySelectorAll('time[datetime="2026-11-23T09:15:00.000Z"]').map((el) => text(el).replace(/\s/g, ' '));
      // In the update's text and in the next-update line: one moment, one time.
      expect(times.length, c.dir).toBeGreaterThanOrEqual(2);
      // Days later the next-update line adds the date; the time and zone are the same everywhere.
      for (const shown of times) expect(shown.endsWith(c.shown), `${c.dir} ${times.join(' | ')}`).toBe(true);
      expect(times).toContain(c.shown);
      expect(text(p.querySelector('main'))).toContain(c.lang);
      expect(p.querySelectorAll('.note').length, `${c.dir}${c.prefix}`).toBe(0);
    }
  });
});

describe('the example, as a newcomer builds it today', () => {
  // Built by the global setup at the real clock; the example's own clock decides what it shows.
  it('agrees with the model about every incident and window, in every mirror and language', async () => {
    const loaded = await loadSite(REPO, { now: new Date() });
    if (!loaded.ok) throw new Error('example invalid');
    const site = loaded.value;
    const moment = siteMoment(site.config, new Date());
    expect(moment.toISOString()).toBe('2026-11-23T08:40:00.000Z');
    for (const mirror of site.config.mirrors) {
      const dir = join(EXAMPLE_OUT, mirror.id);
      const incidents = json(dir, 'api/v2/incidents.json').incidents as { name: string; status: string; shortlink: string }[];
      const windows = json(dir, 'api/v2/scheduled-maintenances.json').scheduled_maintenances as { status: string; shortlink: string }[];
      const ics = readFileSync(join(dir, 'maintenance.ics'), 'utf8').replace(/\r\n /g, '');
      for (const locale of mirrorLocales(mirror)) {
        const prefix = locale === mirror.locale ? '' : `${locale}/`;
        for (const incident of site.incidents) {
          const status = timeline(incident, site.config, moment).status;
          const where = `${mirror.id}/${locale} ${incident.id}`;
          expect(text(page(dir, `${prefix}incidents/${incident.id}`).querySelector('dl.facts dd')), where).toBe(t(locale, `status.${status}`));
          if (locale !== mirror.locale) continue;
          const api = [...incidents, ...windows].find((x) => x.shortlink.endsWith(`incidents/${incident.id}/`));
          expect(api?.status, where).toBe(status);
          if (incident.kind === 'maintenance') expect(ics, where).toContain(`DESCRIPTION:${t(locale, `status.${status}`)}:`);
        }
        const home = page(dir, prefix);
        // The open incident's next update is not overdue, and the window is upcoming.
        expect(text(home.querySelector('p.next')), `${mirror.id}/${locale}`).not.toBe('');
        expect(home.querySelector('p.next')!.innerHTML).not.toContain(t(locale, 'incident.nextUpdateOverdue', { time: '' }).trim());
        expect(home.querySelector('section[aria-labelledby=upcoming]')?.innerHTML ?? '', `${mirror.id}/${locale}`).toContain('incidents/2026-11-29-database-upgrade/');
      }
      for (const f of files(dir)) expect(readFileSync(join(dir, f), 'utf8'), `${mirror.id}/${f}`).not.toContain('{time:');
    }
    // The en-AU mirror reads the English text as its own: no "not translated" note anywhere.
    for (const f of files(join(EXAMPLE_OUT, 'apac')).filter((x) => x.endsWith('.html') && !x.includes('/zh-CN/'))) {
      expect(readFileSync(join(EXAMPLE_OUT, 'apac', f), 'utf8'), f).not.toContain(t('en-AU', 'translation.missing'));
    }
  });
});
