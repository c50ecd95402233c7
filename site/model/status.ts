// Current state of components, regions and the page, from open incidents and maintenance: worst wins.
import { perMoment } from './per-moment.ts';
import type { Incident, Site } from './site.ts';
import { INDICATORS, worstIndicator, worstState, type ComponentStateName, type Indicator, type OverallIndicator } from './states.ts';
import { isOpen, settledBy, statesAt, timeline } from './timeline.ts';

export interface ComponentStatus {
  id: string;
  state: ComponentStateName;
  /** State in each region the component runs in. */
  regions: Record<string, ComponentStateName>;
  /** Incidents and maintenance affecting it now. */
  incidents: string[];
}

/** Regions a component runs in: its own list, or every configured region. */
export function componentRegions(site: Site, componentId: string): string[] {
  const c = site.config.components.find((x) => x.id === componentId);
  return c?.regions ?? site.config.regions.map((r) => r.id);
}

/** Incidents (and maintenance) that affect something at `now`. */
export const activeAt: (site: Site, now: Date) => readonly Incident[] = perMoment((site, now) =>
  site.incidents.filter((i) => !settledBy(i, site.config, now) && Object.keys(statesAt(timeline(i, site.config, now), now)).length > 0),
);

/** Each component's state at `now`; shared by every caller at that moment (per-moment.ts), so read it, never change it. */
export const componentStates: (site: Site, now: Date) => ReadonlyMap<string, Readonly<ComponentStatus>> = perMoment((site, now) => statesOfComponents(site, now));

function statesOfComponents(site: Site, now: Date): Map<string, ComponentStatus> {
  const result = new Map<string, ComponentStatus>();
  for (const c of site.config.components) {
    const regions = Object.fromEntries(componentRegions(site, c.id).map((r) => [r, 'operational' as ComponentStateName]));
    result.set(c.id, { id: c.id, state: 'operational', regions, incidents: [] });
  }
  for (const incident of activeAt(site, now)) {
    const states = statesAt(timeline(incident, site.config, now), now);
    for (const [id, state] of Object.entries(states)) {
      const status = result.get(id);
      if (!status) continue;
      if (state !== 'operational') status.incidents.push(incident.id);
      status.state = worstState([status.state, state]);
      const hit = incident.regions.length ? incident.regions : Object.keys(status.regions);
      for (const r of hit) if (r in status.regions) status.regions[r] = worstState([status.regions[r]!, state]);
    }
  }
  return result;
}

/** Worst state of any component in each region. */
export function regionStates(site: Site, components: ReadonlyMap<string, Readonly<ComponentStatus>>): Map<string, ComponentStateName> {
  const result = new Map(site.config.regions.map((r) => [r.id, 'operational' as ComponentStateName]));
  for (const c of components.values()) {
    for (const [r, state] of Object.entries(c.regions)) result.set(r, worstState([result.get(r) ?? 'operational', state]));
  }
  return result;
}

export interface Overall {
  indicator: OverallIndicator;
  /** Open incidents, most severe first. */
  incidents: Incident[];
  /** Maintenance under way. */
  maintenance: Incident[];
}

/** The page level a component state stands for (the inverse of INDICATOR_STATE); maintenance is no outage. */
const STATE_INDICATOR: Record<ComponentStateName, Indicator> = {
  operational: 'none',
  under_maintenance: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};

/**
 * What an open incident adds to the page's level. Investigating or identified: its impact level. Monitoring — a
 * fix is in place and the team watches it before the all-clear — adds only what its components still show,
 * never more than its impact: components back to Operational add nothing, so the banner, the component list
 * and status.json agree while the incident stays open (docs: writing-incidents, "What each status means").
 */
export function incidentIndicator(site: Site, incident: Incident, now: Date): Indicator {
  const impact = site.config.impacts[incident.impact!]?.indicator ?? 'minor';
  const t = timeline(incident, site.config, now);
  if (t.status !== 'monitoring') return impact;
  const shown = STATE_INDICATOR[worstState(Object.values(statesAt(t, now)))];
  return INDICATORS.indexOf(shown) < INDICATORS.indexOf(impact) ? shown : impact;
}

/**
 * The page's indicator, as Statuspage defines it: the worst level among open incidents (incidentIndicator). A
 * level unknown to the config counts as "minor"; a level the team declared with `indicator: none` (Statuspage's
 * impact "none", a notice that affects no service) or an incident being monitored over recovered components
 * leaves the page at "none" while its incident is open; the banner still names the open incident. Shared by
 * every caller at that moment (per-moment.ts), so read it, never change it.
 */
export const overall: (site: Site, now: Date) => Readonly<Overall> = perMoment((site, now) => overallAt(site, now));

function overallAt(site: Site, now: Date): Overall {
  const incidents = site.incidents.filter((i) => i.kind === 'incident' && i.started <= now && isOpen(i, site.config, now));
  const maintenance = activeAt(site, now).filter((i) => i.kind === 'maintenance');
  const rank = (i: Incident) => ['none', 'minor', 'major', 'critical'].indexOf(site.config.impacts[i.impact!]?.indicator ?? 'minor');
  incidents.sort((a, b) => rank(b) - rank(a) || b.started.getTime() - a.started.getTime());
  return { indicator: indicatorOf(site, incidents, maintenance, now), incidents, maintenance };
}

/** The worst level among these incidents; "maintenance" when none is worse than "none" and maintenance is under way. */
function indicatorOf(site: Site, incidents: Incident[], maintenance: Incident[], now: Date): OverallIndicator {
  let indicator: Indicator = 'none';
  for (const i of incidents) indicator = worstIndicator(indicator, incidentIndicator(site, i, now));
  return indicator === 'none' && maintenance.length ? 'maintenance' : indicator;
}

export interface RegionalOverall extends Overall {
  /** Open incidents that touch none of the regions: named as existing, not as the reader's state. */
  elsewhere: Incident[];
  /** The whole site's indicator, as the API gives it, for the page script to compare with status.json. */
  whole: OverallIndicator;
}

/**
 * The state for readers in `regions` (a mirror's region focus): only incidents and maintenance touching one of them
 * set the headline, so a reader in Asia-Pacific is not told of a "partial outage" that is Europe's alone; the rest
 * are `elsewhere`, for the page to say plainly that other regions have incidents. No regions: the whole picture.
 */
export function overallIn(site: Site, now: Date, regions: readonly string[]): RegionalOverall {
  const whole = overall(site, now);
  if (regions.length === 0) return { ...whole, elsewhere: [], whole: whole.indicator };
  const here = (i: Incident) => incidentRegions(site, i).some((r) => regions.includes(r));
  const incidents = whole.incidents.filter(here);
  const maintenance = whole.maintenance.filter(here);
  return { indicator: indicatorOf(site, incidents, maintenance, now), incidents, maintenance, elsewhere: whole.incidents.filter((i) => !here(i)), whole: whole.indicator };
}

/** Regions an incident touches: its own list, or every region its components run in. */
export function incidentRegions(site: Site, incident: Incident): string[] {
  if (incident.regions.length) return incident.regions;
  return [...new Set(incident.components.flatMap((c) => componentRegions(site, c)))];
}
