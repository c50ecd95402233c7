// The maintenance calendar (RFC 5545), one event per maintenance window, in UTC.
import ical, { ICalEventStatus } from 'ical-generator';
import { t } from '../../i18n/index.ts';
import { formatter, localize } from '../format.ts';
import { timesAsText } from '../time-tokens.ts';
import { stableId } from '../ids.ts';
import type { MirrorConfig } from '../schema/config.ts';
import type { Incident, Site } from '../site.ts';
import { timeline } from '../timeline.ts';
import { prose } from '../translate.ts';

export function maintenanceCalendar(site: Site, mirror: MirrorConfig, locale: string, now: Date, incidentUrl: (i: Incident) => string): string {
  const source = site.config.locale;
  const name = localize(site.config.name, locale, source);
  const calendar = ical({ name: t(locale, 'calendar.name', { name }), prodId: { company: 'Candor', product: 'Status page', language: locale.toUpperCase() } });
  for (const incident of site.incidents.filter((i) => i.kind === 'maintenance')) {
    const tl = timeline(incident, site.config, now);
    const window = tl.window!;
    const latest = timesAsText(prose({ body: tl.latest.body }, tl.latest.translations, locale, source).body, formatter(locale, mirror.time_zone), tl.latest.at);
    calendar.createEvent({
      // Stable across builds and mirrors' rebuilds, unique per window.
      id: `${stableId('incident', incident.id)}@${new URL(mirror.url).host}`,
      // Rises each time the window moves, so calendar apps replace the old event.
      sequence: incident.updates.filter((u) => u.scheduledEnd).length,
      // The time of the latest change (an update, or the clock starting or completing the window), not of the
      // build: an unchanged window yields identical output, and a changed status reaches calendar apps.
      stamp: tl.clock.reduce((at, c) => (c.at > at ? c.at : at), tl.latest.at),
      start: window.start,
      end: window.end,
      summary: prose({ body: '', title: incident.title }, incident.translations, locale, source).title!,
      description: `${t(locale, `status.${tl.status}`)}: ${latest}`,
      url: incidentUrl(incident),
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
