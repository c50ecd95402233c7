// Reads the webhook bodies monitoring tools send, as they send them, into one list of alert events:
// Prometheus Alertmanager (webhook version 4: a group of alerts, each firing or resolved), Grafana's unified
// alerting webhook (the same shape plus orgId, state, title, message), Datadog (its payload is whatever the owner
// writes in the webhook tile; we read the documented variables $ALERT_ID, $ALERT_TRANSITION, $TAGS, $DATE …, named
// as docs/monitoring.md shows) and a generic shape for anything else. Labels are for routing only: nothing read
// here is ever written into incident text.
import { z } from 'zod';

export type AlertSource = 'alertmanager' | 'grafana' | 'datadog' | 'generic';

export interface AlertEvent {
  source: AlertSource;
  /** Stable per alert across repeats: Alertmanager's fingerprint, Datadog's monitor id and scope. */
  id: string;
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  /** When it started firing (or, for a resolved alert, when it stopped). */
  startsAt?: Date;
  endsAt?: Date;
  /** The rule's name (alertname; Datadog's monitor id): for the pull request only, never for the page. */
  name: string;
}

export type Parsed = { ok: true; source: AlertSource; events: AlertEvent[]; ignored: string[] } | { ok: false; problem: string };

/** Bounds on hostile or runaway input: a real group is a few alerts with a few dozen labels. */
export const LIMITS = { alerts: 500, labels: 64, labelValue: 1000 } as const;

const labels = z
  .record(z.string().min(1).max(100), z.string().max(LIMITS.labelValue))
  .refine((l) => Object.keys(l).length <= LIMITS.labels, { error: `has more than ${LIMITS.labels} labels` });
// Alertmanager and Grafana write "0001-01-01T00:00:00Z" for "no end yet".
const time = z.string().max(64).optional();

const alertmanagerAlert = z.looseObject({
  status: z.enum(['firing', 'resolved']),
  labels,
  startsAt: time,
  endsAt: time,
  fingerprint: z.string().max(200).optional(),
});
const alertmanagerGroup = z.looseObject({
  status: z.enum(['firing', 'resolved']),
  alerts: z.array(alertmanagerAlert).max(LIMITS.alerts, { error: `more than ${LIMITS.alerts} alerts in one payload` }),
  groupKey: z.string().max(10_000).optional(),
  version: z.string().max(10).optional(),
  orgId: z.number().optional(),
});

const datadog = z.looseObject({
  alert_id: z.union([z.string(), z.number()]).transform(String).pipe(z.string().min(1).max(200)),
  alert_transition: z.string().max(50),
  alert_scope: z.string().max(2000).optional(),
  alert_cycle_key: z.union([z.string(), z.number()]).transform(String).optional(),
  alert_title: z.string().max(1000).optional(),
  tags: z.string().max(20_000).optional(),
  date: z.union([z.string(), z.number()]).optional(),
  last_updated: z.union([z.string(), z.number()]).optional(),
  date_posix: z.union([z.string(), z.number()]).optional(),
});

const generic = z.strictObject({
  /** Any stable id for this alert; repeats with the same id are the same alert. */
  id: z.string().min(1).max(200),
  status: z.enum(['firing', 'resolved']),
  labels,
  /** When it started (firing) or ended (resolved); ISO 8601 with a zone. */
  at: z.string().max(64).optional(),
  name: z.string().max(200).optional(),
});
const genericList = z.strictObject({ alerts: z.array(generic).max(LIMITS.alerts) });

/** Datadog's $ALERT_TRANSITION values: which mean "down now", which "back", and which are not outages. */
const DATADOG_FIRING = new Set(['triggered', 're-triggered', 'renotify', 'no data', 're-no data']);
const DATADOG_RESOLVED = new Set(['recovered', 're-recovered']);
const DATADOG_NOT_OUTAGE = new Set(['warn', 're-warn']);

export function parseAlertPayload(raw: unknown): Parsed {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problem: 'the payload is not a JSON object' };
  const o = raw as Record<string, unknown>;
  if (Array.isArray(o.alerts) && ('groupKey' in o || 'receiver' in o || 'version' in o)) {
    const source: AlertSource = 'orgId' in o || 'state' in o ? 'grafana' : 'alertmanager';
    const r = alertmanagerGroup.safeParse(o);
    if (!r.success) return { ok: false, problem: `${source} payload: ${describe(r.error)}` };
    const events = r.data.alerts.map((a, i): AlertEvent => ({
      source,
      id: a.fingerprint ?? fingerprintOf(a.labels),
      status: a.status,
      labels: a.labels,
      startsAt: dateOf(a.startsAt),
      endsAt: dateOf(a.endsAt),
      name: a.labels.alertname ?? `alert ${i + 1}`,
    }));
    return { ok: true, source, events, ignored: [] };
  }
  if ('alert_transition' in o || 'alert_id' in o) {
    const r = datadog.safeParse(o);
    if (!r.success) return { ok: false, problem: `datadog payload: ${describe(r.error)}` };
    const d = r.data;
    const transition = d.alert_transition.trim().toLowerCase();
    // Not $ALERT_TITLE: Datadog puts the alert's scope (host names) into it.
    const name = `monitor ${d.alert_id}`;
    if (DATADOG_NOT_OUTAGE.has(transition)) return { ok: true, source: 'datadog', events: [], ignored: [`${name}: "${d.alert_transition}" is a warning, not an outage`] };
    const status = DATADOG_FIRING.has(transition) ? 'firing' : DATADOG_RESOLVED.has(transition) ? 'resolved' : undefined;
    if (!status) return { ok: false, problem: `datadog payload: alert_transition "${d.alert_transition.slice(0, 50)}" is not one Datadog sends (Triggered, Re-Triggered, Renotify, No Data, Recovered, Warn); map it with "alert_transition": "$ALERT_TRANSITION"` };
    const at = dateOf(d.date_posix ?? d.date ?? d.last_updated);
    // A multi-alert monitor fires once per scope: the monitor id and scope together are one alert.
    const id = d.alert_scope ? `${d.alert_id}/${d.alert_scope}` : d.alert_id;
    return { ok: true, source: 'datadog', events: [{ source: 'datadog', id, status, labels: datadogTags(d.tags ?? ''), startsAt: status === 'firing' ? at : undefined, endsAt: status === 'resolved' ? at : undefined, name }], ignored: [] };
  }
  if ('labels' in o || Array.isArray(o.alerts)) {
    const list = Array.isArray(o.alerts) ? genericList.safeParse(o) : generic.safeParse(o);
    if (!list.success) return { ok: false, problem: `generic payload: ${describe(list.error)}` };
    const alerts = 'alerts' in list.data ? list.data.alerts : [list.data];
    const events = alerts.map((a): AlertEvent => {
      const at = dateOf(a.at);
      return { source: 'generic', id: a.id, status: a.status, labels: a.labels, startsAt: a.status === 'firing' ? at : undefined, endsAt: a.status === 'resolved' ? at : undefined, name: a.name ?? a.id };
    });
    return { ok: true, source: 'generic', events, ignored: [] };
  }
  return { ok: false, problem: 'not a payload Candor knows: expected Alertmanager or Grafana (an "alerts" list with "groupKey"), Datadog ("alert_id" and "alert_transition") or the generic shape ({ "id", "status", "labels" }); see docs/monitoring' };
}

/** `env:prod, service:api,team` → { env: 'prod', service: 'api', team: '' }; Datadog lowercases tags already. */
export function datadogTags(tags: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of tags.split(',').map((t) => t.trim()).filter(Boolean).slice(0, LIMITS.labels)) {
    const i = tag.indexOf(':');
    out[i < 0 ? tag : tag.slice(0, i)] = i < 0 ? '' : tag.slice(i + 1);
  }
  return out;
}

function dateOf(v: string | number | undefined): Date | undefined {
  if (v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : /^\d+$/.test(v) ? Number(v) : undefined;
  // Epoch values: Datadog's $DATE is milliseconds, $DATE_POSIX seconds.
  const d = n !== undefined ? new Date(n > 1e11 ? n : n * 1000) : new Date(v);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1970) return undefined;
  return d;
}

function fingerprintOf(l: Record<string, string>): string {
  return Object.keys(l).sort().map((k) => `${k}=${l[k]}`).join(',').slice(0, 200);
}

function describe(error: z.ZodError): string {
  const first = error.issues[0]!;
  const where = first.path.length ? first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : 'the payload';
  return `${where}: ${first.message}${error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : ''}`;
}
