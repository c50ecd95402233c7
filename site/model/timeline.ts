// An incident's story derived from its updates: status now, key moments, and component states over time.
import type { Config } from './schema/config.ts';
import type { Incident, Update } from './site.ts';
import { isFinalStatus, type ComponentStateName, type Status } from './states.ts';

/** From `from` until `to` (open-ended while the incident is open), these components were in these states. */
export interface Segment {
  from: Date;
  to?: Date;
  states: Record<string, ComponentStateName>;
}

export interface IncidentTimeline {
  status: Status;
  open: boolean;
  latest: Update;
  /** First update: when customers were told. */
  acknowledgedAt: Date;
  identifiedAt?: Date;
  monitoringAt?: Date;
  resolvedAt?: Date;
  /** From start to resolution (incidents) or from work starting to completion (maintenance). */
  durationMs?: number;
  /** Promised time of the next update, while open. */
  nextUpdate?: Date;
  /** Maintenance only: the window as it stands after any extension. */
  window?: { start: Date; end: Date };
  /** Index components plus any an update added. */
  components: string[];
  segments: Segment[];
  /** State of every affected component right after each update (aligned with `incident.updates`). */
  afterEach: Record<string, ComponentStateName>[];
}

const cache = new WeakMap<Incident, IncidentTimeline>();

export function timeline(incident: Incident, config: Config): IncidentTimeline {
  let t = cache.get(incident);
  if (!t) cache.set(incident, (t = derive(incident, config)));
  return t;
}

function derive(incident: Incident, config: Config): IncidentTimeline {
  const updates = incident.updates;
  const latest = updates.at(-1)!;
  const components = [...new Set([...incident.components, ...updates.flatMap((u) => Object.keys(u.components))])];
  const defaultState: ComponentStateName =
    incident.kind === 'maintenance' ? 'under_maintenance' : (config.impacts[incident.impact!]?.component_state ?? 'degraded_performance');

  // Points where the set of states changes; `null` means the incident affects nothing from then on.
  const points: { at: Date; states: Record<string, ComponentStateName> | null }[] = [];
  const explicit: Record<string, ComponentStateName> = {};
  const afterEach: Record<string, ComponentStateName>[] = [];
  let cycleStart: Date | undefined;
  let identifiedAt: Date | undefined;
  let monitoringAt: Date | undefined;
  let resolvedAt: Date | undefined;
  let workStarted: Date | undefined;
  let windowEnd = incident.scheduled?.end;

  // A component the index names is affected from the start; one an update adds, from that update on.
  const affected = new Set(incident.components);
  for (const [i, u] of updates.entries()) {
    Object.assign(explicit, u.components);
    for (const c of Object.keys(u.components)) affected.add(c);
    if (u.scheduledEnd) windowEnd = u.scheduledEnd;
    if (u.reopen) resolvedAt = undefined;
    const active = incident.kind === 'incident' ? !isFinalStatus(u.status) : u.status === 'in_progress' || u.status === 'verifying';
    const states = active ? Object.fromEntries([...affected].map((c) => [c, explicit[c] ?? defaultState])) : null;
    // Customers were affected from `started`, before anyone posted: the first update's states reach back to it.
    const at = i === 0 && incident.kind === 'incident' && active ? incident.started : u.at;
    points.push({ at, states });
    afterEach.push(states ?? Object.fromEntries([...affected].map((c) => [c, 'operational' as ComponentStateName])));
    if (active && !cycleStart) cycleStart = at;
    if (u.status === 'identified' && !identifiedAt) identifiedAt = u.at;
    if (u.status === 'monitoring' && !monitoringAt) monitoringAt = u.at;
    if (u.status === 'in_progress' && !workStarted) workStarted = u.at;
    if (isFinalStatus(u.status)) resolvedAt = u.at;
  }

  const segments: Segment[] = [];
  points.forEach((p, i) => {
    if (!p.states) return;
    const next = points[i + 1];
    segments.push({ from: p.at, to: next?.at, states: p.states });
  });

  const open = !isFinalStatus(latest.status);
  const begun = incident.kind === 'incident' ? incident.started : workStarted;
  return {
    status: latest.status,
    open,
    latest,
    acknowledgedAt: updates[0]!.at,
    identifiedAt,
    monitoringAt,
    resolvedAt: open ? undefined : resolvedAt,
    durationMs: !open && resolvedAt && begun ? resolvedAt.getTime() - begun.getTime() : undefined,
    nextUpdate: open ? latest.nextUpdate : undefined,
    window: incident.scheduled && windowEnd ? { start: incident.scheduled.start, end: windowEnd } : undefined,
    components,
    segments,
    afterEach,
  };
}

/** States an incident imposes at instant `at` (empty when it imposes none). */
export function statesAt(t: IncidentTimeline, at: Date): Record<string, ComponentStateName> {
  const s = t.segments.find((seg) => seg.from <= at && (!seg.to || at < seg.to));
  return s?.states ?? {};
}
