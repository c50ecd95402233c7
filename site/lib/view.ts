// Derived state for pages, computed once per mirror of a build and bounded so the home page never grows with history.
import { historyMonths, incidentsByMonth } from '../model/history.ts';
import { componentRegions, componentStates, incidentRegions, overall, overallIn, regionStates } from '../model/status.ts';
import type { Incident } from '../model/site.ts';
import { firstMatching } from '../model/first-matching.ts';
import { isOpen, statusAt, timeline } from '../model/timeline.ts';
import { measuredUptime, type MeasuredSeries } from '../model/measured-uptime.ts';
import { dailyUptime, type UptimeSeries } from '../model/uptime.ts';
import { mirror, now, perMirror, perMirrorBy, site } from './data.ts';

/** How many past incidents the home page lists. */
export const RECENT_LIMIT = 6;

// Each value is made once per mirror a thread renders (data.ts renderFor): some depend on the mirror's focus, and
// a value kept from another mirror would be a wrong page, not a slow one.

export const current = perMirror(() => overall(site, now));
/** What the home page leads with: the mirror's focus regions' state, or the whole picture without a focus. */
export const headline = perMirror(() => overallIn(site, now, mirror.regions));
export const components = perMirror(() => componentStates(site, now));
export const regions = perMirror(() => regionStates(site, components()));

/** A component's daily uptime over `uptime.days`, as the incidents declared it. */
export const uptime = perMirrorBy((componentId: string): UptimeSeries => dailyUptime(site, componentId, { days: site.config.uptime.days, now }));

/** What the checks measured for a component, as this mirror shows it (its region focus); undefined without checks. */
export const measured = perMirrorBy((componentId: string): MeasuredSeries | undefined => measuredUptime(site, componentId, { days: site.config.uptime.days, now, focus: mirror.regions }));

export const tl = (incident: Incident) => timeline(incident, site.config, now);
/** Whether it is open at the build's moment, without deriving its timeline where no clock moves it (statusAt). */
export const isOpenNow = (incident: Incident) => isOpen(incident, site.config, now);


/**
 * Maintenance still "scheduled" at `now`, soonest first: the same test as the API's upcoming.json. With automatic
 * transitions (the default) a window leaves this list at its start; without them, when someone posts.
 */
export const upcomingMaintenance = perMirror(() =>
  site.incidents
    .filter((i) => i.kind === 'maintenance' && statusAt(i, site.config, now).status === 'scheduled')
    .sort((a, b) => a.started.getTime() - b.started.getTime()),
);

/** Closed incidents and maintenance, newest first, for the home page's short history. */
export const recent = perMirror(() => {
  const since = now.getTime() - site.config.uptime.days * 86_400_000;
  return firstMatching(site.incidents, RECENT_LIMIT, (i) => i.started.getTime() >= since && !isOpenNow(i));
});

/** `YYYY-MM` months that have incidents, newest first, always including the current month. */
export const months = perMirror(() => historyMonths(site.incidents, now));

export const byMonth = perMirror(() => incidentsByMonth(site.incidents));

/** Whether something touching these regions is in the mirror's region focus. */
const inFocus = (regions: string[]) => mirror.regions.some((r) => regions.includes(r));

/** Incidents touching a region, newest first. */
export function regionIncidents(regionId: string): Incident[] {
  return site.incidents.filter((i) => incidentRegions(site, i).includes(regionId));
}

/** Components in config order, grouped; ungrouped ones first. Region focus puts the mirror's regions' components first. */
export const groupedComponents = perMirror(() => {
  const visible = site.config.components.filter((c) => !c.only_show_if_degraded || components().get(c.id)!.state !== 'operational');
  const ordered = [...visible].sort((a, b) => Number(inFocus(componentRegions(site, b.id))) - Number(inFocus(componentRegions(site, a.id))));
  const groups = [{ id: undefined as string | undefined, components: ordered.filter((c) => !c.group) }];
  for (const g of site.config.groups) groups.push({ id: g.id, components: ordered.filter((c) => c.group === g.id) });
  return groups.filter((g) => g.components.length > 0);
});
