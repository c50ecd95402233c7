// One moment, one time: a {time:…} in update text reads in each mirror's zone and language, the same as the
// "Next update by …" line beside it, in the page, feeds, API, calendar, email, chat and social variants.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelVariants, messageParts } from '../../site/model/channels.ts';
import { formatter } from '../../site/model/format.ts';
import { lint } from '../../site/model/lint/index.ts';
import { maintenanceCalendar } from '../../site/model/publish/calendar.ts';
import { feedEntries } from '../../site/model/publish/entries.ts';
import { statuspageDocuments } from '../../site/model/statuspage/documents.ts';
import { timesAsHtml, timesAsText, timeToken } from '../../site/model/time-tokens.ts';
import { candor } from '../helpers/cli.ts';
import { REPO } from '../helpers/paths.ts';
import { siteOf } from '../helpers/site.ts';
import { md, MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const POSTED = new Date('2026-11-23T08:21:00Z');
const NEXT = new Date('2026-11-23T09:15:00Z');
const TEXT = `We'll post again by ${timeToken(NEXT)}, or sooner.`;
// Zones and languages the example does not use too: en-NZ in Auckland, fr-CA in Montreal.
const MIRRORS = `mirrors:
  - { id: main, url: https://status.test.example/, locale: en, time_zone: UTC }
  - { id: eu, url: https://eu.test.example/, locale: de, locales: [de, fr], time_zone: Europe/Berlin }
  - { id: nz, url: https://nz.test.example/, locale: en-NZ, time_zone: Pacific/Auckland }
  - { id: ca, url: https://ca.test.example/, locale: fr-CA, time_zone: America/Toronto }
`;
const CONFIG = MINIMAL_CONFIG.replace(/mirrors:\n.*\n$/s, MIRRORS);
const DIR = 'incidents/2026-11-23-api';
const FILES = {
  [`${DIR}/index.md`]: md({ kind: 'incident', title: 'API errors', impact: 'minor', components: ['api'], started: '2026-11-23T08:00:00Z' }),
  [`${DIR}/2026-11-23T0821Z.md`]: md({ status: 'identified', next_update: NEXT.toISOString() }, `Some customers see errors. ${TEXT}`),
  [`${DIR}/2026-11-23T0821Z.fr.md`]: `Certains clients voient des erreurs. Prochaine mise à jour avant ${timeToken(NEXT)}.`,
};

describe('time tokens', () => {
  it('render in each zone and language, with the date only when it is another day', () => {
    expect(timeToken(NEXT)).toBe('{time:2026-11-23T09:15:00Z}');
    const cases: [string, string, string][] = [
      ['en', 'UTC', '9:15 AM UTC'],
      ['de', 'Europe/Berlin', '10:15 MEZ'],
      ['en-AU', 'Australia/Sydney', '8:15 pm AEDT'],
      ['zh-CN', 'Asia/Shanghai', '17:15 GMT+8'],
    ];
    for (const [locale, zone, expected] of cases) {
      const fmt = formatter(locale, zone);
      expect(timesAsText(TEXT, fmt, POSTED)).toBe(`We'll post again by ${expected}, or sooner.`);
      expect(timesAsHtml(`<p>${TEXT}</p>`, fmt, POSTED)).toBe(`<p>We'll post again by <time datetime="2026-11-23T09:15:00.000Z">${expected}</time>, or sooner.</p>`);
    }
    // Another day than the update's: with the date. An offset is the same moment.
    expect(timesAsText('{time:2026-11-24T10:15:00+01:00}', formatter('en', 'UTC'), POSTED)).toBe('Nov 24, 2026, 9:15 AM UTC');
    // Not a timestamp: left as written (lint reports it).
    expect(timesAsText('{time:09:15}', formatter('en', 'UTC'), POSTED)).toBe('{time:09:15}');
  });

  it('agree with the next-update line in every output of every mirror', async () => {
    const now = new Date('2026-11-23T08:30:00Z');
    const site = await siteOf(FILES, now, CONFIG);
    const incident = site.incidents[0]!;
    const update = incident.updates[0]!;
    for (const mirror of site.config.mirrors) {
      const locales = mirror.locales ?? [mirror.locale];
      for (const locale of locales) {
        const parts = messageParts(incident, update, { site, mirror, locale, url: mirror.url });
        const shown = formatter(locale, mirror.time_zone).time(NEXT, POSTED);
        expect(parts.nextUpdateTime).toBe(shown);
        expect(parts.bodyText, `${mirror.id}/${locale}`).toContain(shown);
        const variants = channelVariants(incident, update, { site, mirror, locale, url: mirror.url });
        for (const text of [variants.page, variants.email.text, variants.email.html, variants.social]) {
          expect(text).not.toContain('{time:');
        }
        expect(variants.email.text).toContain(shown);
        const feed = feedEntries({ site, mirror, locale, now, incidentUrl: () => mirror.url })[0]!.html;
        expect(feed).toContain(`<time datetime="2026-11-23T09:15:00.000Z">${shown}</time>`);
      }
      const api = statuspageDocuments({ site, mirror, now, incidentUrl: () => mirror.url })['incidents.json'] as { incidents: { incident_updates: { body: string }[] }[] };
      expect(api.incidents[0]!.incident_updates[0]!.body).toContain(formatter(mirror.locale, mirror.time_zone).time(NEXT, POSTED));
    }
    // The fr-CA mirror reads the fr translation, in Toronto time.
    const ca = site.config.mirrors.find((m) => m.id === 'ca')!;
    expect(messageParts(incident, update, { site, mirror: ca, locale: 'fr-CA', url: ca.url }).bodyText).toMatch(/^Certains clients voient des erreurs\. Prochaine mise à jour avant 4\sh\s15\sHNE\.$/);
  });

  it('reach the calendar in the mirror\'s zone', async () => {
    const files = {
      'incidents/2026-11-29-db/index.md': md({ kind: 'maintenance', title: 'DB', components: ['web'], scheduled: { start: '2026-11-29T01:00:00Z', end: '2026-11-29T03:00:00Z' } }),
      'incidents/2026-11-29-db/2026-11-20T1000Z.md': md({ status: 'scheduled' }, 'From {time:2026-11-29T01:00:00Z} to {time:2026-11-29T03:00:00Z}.'),
    };
    const site = await siteOf(files, new Date('2026-11-21T00:00:00Z'), CONFIG);
    const eu = site.config.mirrors.find((m) => m.id === 'eu')!;
    const ics = maintenanceCalendar(site, eu, 'de', new Date('2026-11-21T00:00:00Z'), () => eu.url).replace(/\r\n /g, '');
    expect(ics).toContain('From 29.11.2026\\, 02:00 MEZ to 29.11.2026\\, 04:00 MEZ.');
  });

  it('lint flags a bare clock time where mirrors differ in zone, with the token to write, and a broken token', async () => {
    const bare = { ...FILES, [`${DIR}/2026-11-23T0821Z.md`]: md({ status: 'identified', next_update: NEXT.toISOString() }, "Some customers see errors. We'll post again by 09:15 UTC.") };
    const findings = lint(await siteOf(bare, POSTED, CONFIG), POSTED).filter((f) => f.rule === 'bare-clock-time');
    expect(findings).toEqual([
      expect.objectContaining({
        file: `${DIR}/2026-11-23T0821Z.md`,
        severity: 'warning',
        message: '"09:15" is a clock time in one zone, but this site\'s mirrors show times in UTC, Europe/Berlin, Pacific/Auckland, America/Toronto',
        fix: 'write the moment as {time:2026-11-23T09:15:00Z} in place of "09:15 UTC": each mirror shows it in its own zone and language',
      }),
    ]);
    // Other languages' ways of writing a time are caught too.
    for (const text of ['um 10:15 Uhr', 'avant 10 h 15', 'före kl. 10.15', '10 点 15 分前', 'by 9 pm']) {
      const site = await siteOf({ ...FILES, [`${DIR}/2026-11-23T0821Z.fr.md`]: text }, POSTED, CONFIG);
      expect(lint(site, POSTED).filter((f) => f.rule === 'bare-clock-time').length, text).toBe(1);
    }
    // One zone for every mirror: a clock time is unambiguous, nothing to report.
    const oneZone = MINIMAL_CONFIG;
    expect(lint(await siteOf({ [`${DIR}/index.md`]: FILES[`${DIR}/index.md`]!, [`${DIR}/2026-11-23T0821Z.md`]: bare[`${DIR}/2026-11-23T0821Z.md`]! }, POSTED, oneZone), POSTED).filter((f) => f.rule === 'bare-clock-time')).toEqual([]);
    const broken = { ...FILES, [`${DIR}/2026-11-23T0821Z.fr.md`]: 'Avant {time:2026-11-23T09:15}.' };
    expect(lint(await siteOf(broken, POSTED, CONFIG), POSTED).find((f) => f.rule === 'time-token')).toMatchObject({ severity: 'error', message: '{time:2026-11-23T09:15}: "2026-11-23T09:15" has no time zone; add "Z" for UTC or an offset such as "+02:00"' });
  });

  it('is what the CLI and templates write, and the example uses it throughout', () => {
    const root = testdir(FILES, { config: CONFIG });
    const r = candor(['update', 'api', '--yes', '--root', root, '--template', 'still-working', '--set', 'what=use the API', '--at', '2026-11-23T09:10:00Z']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(root, DIR, '2026-11-23T0910Z.md'), 'utf8')).toContain("We'll post again by {time:2026-11-23T09:40:00Z}, even if there is nothing new.");
    const lintExample = candor(['lint', '--root', REPO]);
    expect(lintExample.stdout).not.toContain('bare-clock-time');
  });
});
