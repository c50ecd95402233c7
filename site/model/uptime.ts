// Uptime per component per day, derived from incident history.
//
// Formula: for every minute, the component's state is the worst any incident gave it. Each state counts
// as a share of downtime set by `uptime.weights` in the config (defaults: major outage 1, partial outage
// 0.5, degraded performance 0, maintenance 0). A day's uptime is 1 − weighted downtime ÷ observed time,
// where observed time is the part of the UTC day that has passed and that the component existed for.
import { perMoment } from './per-moment.ts';
import type { Site } from './site.ts';
import { stateRank, worstState, type ComponentStateName } from './states.ts';
import { DAY, utcDay } from './time.ts';
import { settledBy, timeline } from './timeline.ts';

export interface DayUptime {
  /** UTC day, `YYYY-MM-DD`. */
  date: string;
  /** 0…1, or null when the component did not exist yet. */
  uptime: number | null;
  /** Worst state seen that day. */
  worst: ComponentStateName;
  /** Incidents that touched it that day. */
  incidents: string[];
}

export interface UptimeSeries {
  days: DayUptime[];
  /** Over the whole window, or null when there is no data. */
  percent: number | null;
}

/** A day's colour class: u0 no data, u1 maintenance, u2 degraded, u3 partial, u4 major; none for a plain day. */
export const dayClass = (d: DayUptime) => (d.uptime === null ? 'u0' : d.worst === 'operational' ? undefined : `u${stateRank(d.worst)}`);

interface Interval {
  from: number;
  to: number;
  state: ComponentStateName;
  incident: string;
}

/**
 * Uptime of one component over the `days` UTC days up to `now`. The days are UTC in every mirror, so the series is
 * made once per component and moment and shared (per-moment.ts): read it, never change it.
 */
export function dailyUptime(site: Site, componentId: string, { days, now }: { days: number; now: Date }): UptimeSeries {
  return uptimeSeries(site, now, `${componentId}\u0000${days}`);
}

const uptimeSeries = perMoment((site, now, key) => {
  const [componentId, days] = key.split('\u0000') as [string, string];
  return seriesOf(site, componentId, { days: Number(days), now });
});

/** The first UTC day of a window of `days` days ending with the day of `end`. */
const firstDayOf = (end: number, days: number) => Date.parse(`${utcDay(new Date(end - (days - 1) * DAY))}T00:00:00Z`);

/**
 * What every incident imposed on each component within the window, in one pass over the history for all
 * components (one pass per component read every incident's timeline eight times over); incidents settled before the
 * window are passed over without deriving their timelines.
 */
const windowIntervals = perMoment((site, now, days): ReadonlyMap<string, readonly Interval[]> => {
  const end = now.getTime();
  const firstDay = firstDayOf(end, Number(days));
  const windowStart = new Date(firstDay);
  const byComponent = new Map<string, Interval[]>();
  for (const incident of site.incidents) {
    if (incident.started.getTime() > end || settledBy(incident, site.config, windowStart)) continue;
    for (const seg of timeline(incident, site.config, now).segments) {
      const to = Math.min(seg.to?.getTime() ?? end, end);
      if (to <= firstDay) continue;
      for (const [componentId, state] of Object.entries(seg.states)) {
        if (state === 'operational') continue;
        let list = byComponent.get(componentId);
        if (!list) byComponent.set(componentId, (list = []));
        list.push({ from: Math.max(seg.from.getTime(), firstDay), to, state, incident: incident.id });
      }
    }
  }
  return byComponent;
});

function seriesOf(site: Site, componentId: string, { days, now }: { days: number; now: Date }): UptimeSeries {
  const end = now.getTime();
  const firstDay = firstDayOf(end, days);
  const component = site.config.components.find((c) => c.id === componentId);
  const since = component?.since ? Date.parse(`${component.since}T00:00:00Z`) : -Infinity;
  const weights = site.config.uptime.weights;
  const weight = (s: ComponentStateName) => (s === 'operational' ? 0 : weights[s]);
  const intervals = windowIntervals(site, now, String(days)).get(componentId) ?? [];

  let observed = 0;
  let down = 0;
  const result: DayUptime[] = [];
  for (let d = 0; d < days; d++) {
    const dayStart = firstDay + d * DAY;
    const from = Math.max(dayStart, since);
    const to = Math.min(dayStart + DAY, end);
    const date = utcDay(new Date(dayStart));
    if (to <= from) {
      result.push({ date, uptime: null, worst: 'operational', incidents: [] });
      continue;
    }
    const inDay = intervals.filter((i) => i.from < to && i.to > from);
    const dayDown = weightedDowntime(inDay, from, to, weight);
    observed += to - from;
    down += dayDown;
    result.push({
      date,
      uptime: 1 - dayDown / (to - from),
      worst: worstState(inDay.map((i) => i.state)),
      incidents: [...new Set(inDay.map((i) => i.incident))],
    });
  }
  return { days: result, percent: observed ? 1 - down / observed : null };
}

/** Sweeps the boundaries of overlapping intervals, taking the worst state in each slice. */
function weightedDowntime(intervals: Interval[], from: number, to: number, weight: (s: ComponentStateName) => number): number {
  if (intervals.length === 0) return 0;
  const cuts = [...new Set([from, to, ...intervals.flatMap((i) => [i.from, i.to]).filter((t) => t > from && t < to)])].sort((a, b) => a - b);
  let total = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k]!, b = cuts[k + 1]!;
    let worst: ComponentStateName = 'operational';
    for (const i of intervals) if (i.from <= a && i.to >= b && stateRank(i.state) > stateRank(worst)) worst = i.state;
    total += (b - a) * weight(worst);
  }
  return total;
}
