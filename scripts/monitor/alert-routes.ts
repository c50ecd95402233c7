// Alerts to signals: every route in `monitoring.alerts` whose `match` labels all equal the alert's gives a signal
// for its component and regions. What did not match is reported, never guessed.
import type { AlertRoute } from '../../site/model/schema/monitoring.ts';
import type { AlertEvent } from './alert-payloads.ts';
import type { Signal } from './signal.ts';

export function routeAlerts(events: AlertEvent[], routes: AlertRoute[], now: Date): { signals: Signal[]; unmatched: AlertEvent[] } {
  const signals: Signal[] = [];
  const unmatched: AlertEvent[] = [];
  for (const e of events) {
    const matching = routes.filter((r) => Object.entries(r.match).every(([k, v]) => e.labels[k] === v));
    if (!matching.length) unmatched.push(e);
    for (const r of matching) {
      const since = (e.status === 'firing' ? e.startsAt : e.endsAt) ?? now;
      signals.push({
        component: r.component,
        regions: r.regions,
        state: e.status === 'firing' ? 'failing' : 'passing',
        since,
        source: `${e.source} ${e.name}`,
        // The rule's name and the route's own labels (from the config), not the alert's other labels: those name
        // instances, hosts and addresses, and the pull request is as public as the repository.
        detail: [`${e.source} alert "${e.name}" ${e.status} since ${since.toISOString()}, matched by ${Object.entries(r.match).map(([k, v]) => `${k}=${v}`).join(', ')}`],
        impact: r.impact,
      });
    }
  }
  return { signals, unmatched };
}
