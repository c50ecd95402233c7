// How history is split into months: one page per month, so no history page grows with the whole history.
// Shared by the pages and by the build's page reuse (lib/reuse.ts), which must agree on what a month page lists.
import type { Incident } from './site.ts';

/** `YYYY-MM` of a moment, in UTC. */
export function monthKey(d: Date): string {
  return d.toISOString().slice(0, 7);
}

/** Months that have incidents, newest first, always including the current month. */
export function historyMonths(incidents: Incident[], now: Date): string[] {
  const set = new Set(incidents.map((i) => monthKey(i.started)));
  set.add(monthKey(now));
  return [...set].sort().reverse();
}

/** Incidents per month, in the order given (the site's: newest first). */
export function incidentsByMonth(incidents: Incident[]): Map<string, Incident[]> {
  const map = new Map<string, Incident[]>();
  for (const i of incidents) {
    const k = monthKey(i.started);
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  }
  return map;
}
