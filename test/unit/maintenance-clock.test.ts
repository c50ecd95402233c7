// Maintenance follows the clock when people don't post: in progress from its start, completed at its end,
// in the model and in every document derived from it, at several moments and at the real clock.
import { describe, expect, it } from 'vitest';
import { maintenanceCalendar } from '../../site/model/publish/calendar.ts';
import { badgeContent } from '../../site/model/publish/badge.ts';
import { componentStates, overall } from '../../site/model/status.ts';
import { statuspageDocuments } from '../../site/model/statuspage/documents.ts';
import { timeline } from '../../site/model/timeline.ts';
import type { Site } from '../../site/model/site.ts';
import { siteOf } from '../helpers/site.ts';
import { md, MINIMAL_CONFIG } from '../helpers/testdir.ts';

const HOUR = 3_600_000;
const DIR = 'incidents/2026-11-23-db';

/** A window announced three days ahead, with the updates given (stem → status, extra fields). */
function window(start: Date, end: Date, updates: Record<string, Record<string, unknown>> = {}, index: Record<string, unknown> = {}) {
  const stem = (d: Date) => d.toISOString().slice(0, 16).replace(/[-:]/g, '').replace(/^(\d{8})/, (x) => `${x.slice(0, 4)}-${x.slice(4, 6)}-${x.slice(6)}`) + 'Z';
  const announced = new Date(start.getTime() - 72 * HOUR);
  return {
    [`${DIR}/index.md`]: md({ kind: 'maintenance', title: 'Database upgrade', components: ['web'], scheduled: { start: start.toISOString(), end: end.toISOString() }, ...index }),
    [`${DIR}/${stem(announced)}.md`]: md({ status: 'scheduled' }, 'The web app will be read-only.'),
    ...Object.fromEntries(Object.entries(updates).map(([at, f]) => [`${DIR}/${stem(new Date(at))}.md`, md(f, 'Text.')])),
  };
}

/** What every output says about the window at `now`: they must agree. */
function views(site: Site, now: Date) {
  const mirror = site.config.mirrors[0]!;
  const docs = statuspageDocuments({ site, mirror, now, incidentUrl: (i) => `${mirror.url}incidents/${i.id}/` }) as Record<string, { scheduled_maintenances: { status: string }[] }>;
  const ics = maintenanceCalendar(site, mirror, 'en', now, (i) => `${mirror.url}incidents/${i.id}/`);
  const listed = (path: string) => docs[path]!.scheduled_maintenances.length > 0;
  return {
    status: timeline(site.incidents[0]!, site.config, now).status,
    indicator: overall(site, now).indicator,
    web: componentStates(site, now).get('web')!.state,
    api: docs['scheduled-maintenances.json']!.scheduled_maintenances[0]!.status,
    upcoming: listed('scheduled-maintenances/upcoming.json'),
    active: listed('scheduled-maintenances/active.json'),
    calendar: /DESCRIPTION:([^:\r\n]*):/.exec(ics)?.[1],
    badge: badgeContent({ components: componentStates(site, now), indicator: overall(site, now).indicator }, 'en', 'web').message,
  };
}

const START = new Date('2026-11-23T01:00:00Z');
const END = new Date('2026-11-23T03:00:00Z');
const at = (offsetHours: number) => new Date(START.getTime() + offsetHours * HOUR);

describe('maintenance follows the clock', () => {
  it('is scheduled before, in progress during and completed after its window, everywhere, with nobody posting', async () => {
    const files = window(START, END);
    const before = await siteOf(files, at(-1));
    expect(views(before, at(-1))).toMatchObject({ status: 'scheduled', indicator: 'none', web: 'operational', api: 'scheduled', upcoming: true, active: false, calendar: 'Scheduled', badge: 'Operational' });
    const during = await siteOf(files, at(1));
    expect(views(during, at(1))).toMatchObject({ status: 'in_progress', indicator: 'maintenance', web: 'under_maintenance', api: 'in_progress', upcoming: false, active: true, calendar: 'In progress', badge: 'Under maintenance' });
    for (const later of [at(3), at(24 * 7), at(24 * 365)]) {
      const site = await siteOf(files, later);
      expect(views(site, later)).toMatchObject({ status: 'completed', indicator: 'none', web: 'operational', api: 'completed', upcoming: false, active: false, calendar: 'Completed', badge: 'Operational' });
      expect(timeline(site.incidents[0]!, site.config, later)).toMatchObject({ open: false, resolvedAt: END, durationMs: 2 * HOUR });
    }
  });

  it('lets updates win: an early completion, an extension, and work that started late', async () => {
    const early = await siteOf(window(START, END, { '2026-11-23T01:00:00Z': { status: 'in_progress' }, '2026-11-23T02:10:00Z': { status: 'completed' } }), at(1.5));
    expect(views(early, at(1.5))).toMatchObject({ status: 'completed', web: 'operational', active: false });
    const extended = window(START, END, { '2026-11-23T02:30:00Z': { status: 'in_progress', scheduled_end: '2026-11-23T05:00:00Z' } });
    expect(views(await siteOf(extended, at(3)), at(3))).toMatchObject({ status: 'in_progress', web: 'under_maintenance', active: true });
    expect(views(await siteOf(extended, at(4)), at(4))).toMatchObject({ status: 'completed', web: 'operational' });
    // A "verifying" update is not overridden until the window ends.
    const verifying = window(START, END, { '2026-11-23T02:00:00Z': { status: 'verifying' } });
    expect(views(await siteOf(verifying, at(1.5)), at(1.5)).status).toBe('verifying');
    expect(views(await siteOf(verifying, at(2.5)), at(2.5)).status).toBe('completed');
  });

  it('can be turned off per window and per site; then only updates move it', async () => {
    const perWindow = window(START, END, {}, { automatic: false });
    for (const now of [at(1), at(24 * 7)]) expect(views(await siteOf(perWindow, now), now)).toMatchObject({ status: 'scheduled', web: 'operational', upcoming: true, active: false });
    const manualSite = `${MINIMAL_CONFIG}maintenance: { automatic: false }\n`;
    expect(views(await siteOf(window(START, END), at(1), manualSite), at(1)).status).toBe('scheduled');
    // A window may opt back in on a manual site.
    expect(views(await siteOf(window(START, END, {}, { automatic: true }), at(1), manualSite), at(1)).status).toBe('in_progress');
  });

  it('at the real clock: a window around now is in progress, one that ended an hour ago is completed', async () => {
    const now = new Date();
    const running = await siteOf(window(new Date(now.getTime() - HOUR), new Date(now.getTime() + HOUR)), now);
    expect(views(running, now)).toMatchObject({ status: 'in_progress', indicator: 'maintenance', active: true, upcoming: false });
    const past = await siteOf(window(new Date(now.getTime() - 3 * HOUR), new Date(now.getTime() - HOUR)), now);
    expect(views(past, now)).toMatchObject({ status: 'completed', indicator: 'none', active: false, upcoming: false });
  });
});
