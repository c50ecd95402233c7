// Uptime as the checks measured it (monitoring/<check>.json), beside the uptime derived from what people declared
// (uptime.ts). A day's availability is 1 − failures ÷ runs over the component's checks; a day without runs is
// "no data", never counted as up. Nothing here names a check's target: only its id, component, regions and label.
import type { Check } from './schema/monitoring.ts';
import type { Site } from './site.ts';
import { DAY, utcDay } from './time.ts';

export interface MeasuredDayUptime {
  /** UTC day, `YYYY-MM-DD`. */
  date: string;
  runs: number;
  failures: number;
  /** 0…1, or null when no check ran that day. */
  availability: number | null;
  /** The slowest check's median and 95th-percentile response time that day, when any check had a successful run. */
  p50_ms: number | null;
  p95_ms: number | null;
}

export interface MeasuredSeries {
  /** The checks counted, in config order (only those with measurements). */
  checks: Check[];
  /** Oldest first, one per day of the window. */
  days: MeasuredDayUptime[];
  /** 1 − all failures ÷ all runs over the window, or null when nothing ran. */
  percent: number | null;
  /** Median over the window's days of each day's p50 and p95, or null when no day has one. */
  p50_ms: number | null;
  p95_ms: number | null;
}

/**
 * The checks measuring a component as a mirror shows it: with a region focus (mirror `regions:`), the checks of
 * those regions and the checks tied to no region; without a focus, all of them.
 */
export function checksFor(site: Site, componentId: string, focus: readonly string[] = []): Check[] {
  return site.config.monitoring.checks.filter(
    (c) => c.component === componentId && site.measurements[c.id] !== undefined && (focus.length === 0 || c.regions.length === 0 || c.regions.some((r) => focus.includes(r))),
  );
}

/** The component's measured uptime over the last `days` UTC days up to `now`, or undefined when no check measures it. */
export function measuredUptime(site: Site, componentId: string, { days, now, focus = [] }: { days: number; now: Date; focus?: readonly string[] }): MeasuredSeries | undefined {
  const checks = checksFor(site, componentId, focus);
  if (checks.length === 0) return undefined;
  const byDate = checks.map((c) => new Map(site.measurements[c.id]!.days.map((d) => [d.date, d])));
  const first = now.getTime() - (days - 1) * DAY;
  const series: MeasuredDayUptime[] = [];
  let runs = 0;
  let failures = 0;
  for (let i = 0; i < days; i++) {
    const date = utcDay(new Date(first + i * DAY));
    const measured = byDate.map((m) => m.get(date)).filter((d) => d !== undefined);
    const dayRuns = sum(measured.map((d) => d.runs));
    const dayFailures = sum(measured.map((d) => d.failures));
    runs += dayRuns;
    failures += dayFailures;
    series.push({
      date,
      runs: dayRuns,
      failures: dayFailures,
      availability: dayRuns ? 1 - dayFailures / dayRuns : null,
      p50_ms: max(measured.map((d) => d.p50_ms)),
      p95_ms: max(measured.map((d) => d.p95_ms)),
    });
  }
  return {
    checks,
    days: series,
    percent: runs ? 1 - failures / runs : null,
    p50_ms: median(series.map((d) => d.p50_ms)),
    p95_ms: median(series.map((d) => d.p95_ms)),
  };
}

/** Lowest availability of bands 1 (good) to 3; below the last, band 4. Charts and badges colour by the same bands. */
export const AVAILABILITY_BANDS = [0.999, 0.99, 0.95] as const;

/** 1 (at least 99.9 % up) … 4 (under 95 %). */
export function availabilityBand(availability: number): 1 | 2 | 3 | 4 {
  const i = AVAILABILITY_BANDS.findIndex((min) => availability >= min);
  return (i === -1 ? 4 : i + 1) as 1 | 2 | 3 | 4;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function max(xs: (number | undefined)[]): number | null {
  const known = xs.filter((x) => x !== undefined);
  return known.length ? Math.max(...known) : null;
}

function median(xs: (number | null)[]): number | null {
  const known = xs.filter((x) => x !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = known.length >> 1;
  return known.length % 2 ? known[mid]! : Math.round((known[mid - 1]! + known[mid]!) / 2);
}
