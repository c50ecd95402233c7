// The one uptime figure a badge gives for a component: declared (from incidents) or measured (from checks), as
// `uptime.source` says. The component page shows both; this picks which of the two the badge repeats, so the badge
// and the page always give the same number for the same source.
import { measuredUptime } from './measured-uptime.ts';
import type { Site } from './site.ts';
import { dailyUptime } from './uptime.ts';

export interface UptimeFigure {
  /** Where the number comes from; `measured` only when a check measures the component on this mirror. */
  source: 'declared' | 'measured';
  /** 0…1 over `uptime.days`, or null when there is no data. */
  percent: number | null;
}

export function uptimeFigure(site: Site, componentId: string, { now, focus = [] }: { now: Date; focus?: readonly string[] }): UptimeFigure {
  const days = site.config.uptime.days;
  if (site.config.uptime.source === 'measured') {
    const measured = measuredUptime(site, componentId, { days, now, focus });
    if (measured) return { source: 'measured', percent: measured.percent };
  }
  return { source: 'declared', percent: dailyUptime(site, componentId, { days, now }).percent };
}
