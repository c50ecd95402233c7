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
  /** Status as of the moment derived: the latest update's, or the clock's (maintenance). */
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
  /** Maintenance only: status changes the clock made because nobody posted them (automatic transitions). */
  clock: ClockStep[];
  /** Index components plus any an update added. */
  components: string[];
  segments: Segment[];
  /** State of every affected component right after each update (aligned with `incident.updates`). */
  afterEach: Record<string, ComponentStateName>[];
}

/** A change of status the clock made, not a person: maintenance's automatic transitions. */
export interface ClockStep {
  at: Date;
  status: 'in_progress' | 'completed';
}

const cache = new WeakMap<Incident, Map<number, IncidentTimeline>>();

/**
 * The incident as of `now`. An incident's story is only what people posted, but a maintenance window with
 * automatic transitions also moves with the clock, so the timeline is derived for one moment.
 */
export function timeline(incident: Incident, config: Config, now: Date): IncidentTimeline {
  let byMoment = cache.get(incident);
  if (!byMoment) cache.set(incident, (byMoment = new Map()));
  // Only automatic maintenance depends on the moment; everything else is derived once.
  const key = automatic(incident, config) ? now.getTime() : 0;
  let t = byMoment.get(key);
  if (!t) byMoment.set(key, (t = derive(incident, config, now)));
  return t;
}

/**
 * When the incident stopped affecting anything for good, read from its last update without deriving the timeline:
 * that update's time when it leaves the incident inactive (resolved; a window completed, or not begun) and no clock
 * moves it on later (automatic maintenance never settles here); undefined otherwise. From then on it imposes no
 * state, and an incident settled is closed: callers asking about one moment (or the last days) over the whole
 * history pass over the settled ones instead of deriving thousands of timelines.
 */
export function settledAt(incident: Incident, config: Config): Date | undefined {
  if (automatic(incident, config)) return undefined;
  // The last update is the last step: updates are oldest first, and only the clock adds steps of its own.
  const last = incident.updates.at(-1);
  if (!last) return undefined;
  const active = incident.kind === 'incident' ? !isFinalStatus(last.status) : last.status === 'in_progress' || last.status === 'verifying';
  return active ? undefined : last.at;
}

/** Whether the incident had stopped affecting anything for good by `at` (settledAt): no timeline is derived. */
export const settledBy = (incident: Incident, config: Config, at: Date) => (settledAt(incident, config)?.getTime() ?? Infinity) <= at.getTime();

/**
 * The status as of `now` and whether it is open, as the timeline has them. Where no clock moves it (everything but
 * automatic maintenance) that is its last update's status, read without deriving the timeline.
 */
export function statusAt(incident: Incident, config: Config, now: Date): Pick<IncidentTimeline, 'status' | 'open'> {
  const last = incident.updates.at(-1);
  if (!last || automatic(incident, config)) return timeline(incident, config, now);
  return { status: last.status, open: !isFinalStatus(last.status) };
}

/** Whether the incident (or window) is open as of `now` (statusAt). */
export const isOpen = (incident: Incident, config: Config, now: Date) => statusAt(incident, config, now).open;

/** Whether the clock starts and completes this maintenance window: its own `automatic`, else the config's. */
export function automatic(incident: Incident, config: Config): boolean {
  return incident.kind === 'maintenance' && (incident.automatic ?? config.maintenance.automatic);
}

/**
 * How many of its clock's steps a window has reached by `now` (0, 1 started, 2 ended; always 0 without a clock).
 * The moment reaches a timeline only through these steps (derive reads `now` nowhere else), so two moments with the
 * same count give the same timeline: what a page of the window, or a list of windows, may be keyed by.
 */
export const clockMoment = (incident: Incident, config: Config, now: Date): number => clockSteps(incident, config, now).length;

/**
 * What the clock does to a window up to `now`, given the statuses people posted: "in progress" at the start
 * if still "scheduled" then, "completed" at the (possibly extended) end if not closed by then. An update
 * posted at the same moment as a step wins, because it is applied first.
 */
function clockSteps(incident: Incident, config: Config, now: Date): ClockStep[] {
  if (!automatic(incident, config) || !incident.scheduled) return [];
  const end = incident.updates.reduce((e, u) => u.scheduledEnd ?? e, incident.scheduled.end);
  const steps: ClockStep[] = [
    { at: incident.scheduled.start, status: 'in_progress' },
    { at: end, status: 'completed' },
  ];
  return steps.filter((s) => s.at <= now);
}

function statusBefore(updates: Update[], at: Date): Status {
  let status: Status = 'scheduled';
  for (const u of updates) if (u.at <= at) status = u.status;
  return status;
}

function derive(incident: Incident, config: Config, now: Date): IncidentTimeline {
  const updates = incident.updates;
  const latest = updates.at(-1)!;
  const components = affectedComponents(incident);
  // Imported history whose source recorded each change: no state is derived from the impact, and none reaches
  // back before the update that recorded it, so the page, API, uptime and history tell only what was declared.
  const recorded = incident.imported?.states === 'recorded';
  const defaultState: ComponentStateName =
    incident.kind === 'maintenance' ? 'under_maintenance' : (config.impacts[incident.impact!]?.component_state ?? 'degraded_performance');
  // A clock step happens only where people left the window in the status it moves on from.
  const clock = clockSteps(incident, config, now).filter((c) => {
    const before = statusBefore(updates, c.at);
    return c.status === 'in_progress' ? before === 'scheduled' : !isFinalStatus(before);
  });
  type Step = { at: Date; status: Status; update?: Update; index?: number };
  const steps = ([...updates.map((u, index) => ({ at: u.at, status: u.status, update: u, index })), ...clock] as Step[]).sort((a, b) => a.at.getTime() - b.at.getTime() || Number(!a.update) - Number(!b.update));

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
  let status: Status = latest.status;

  // A component the index names is affected from the start; one an update adds, from that update on.
  const affected = new Set(incident.components);
  for (const step of steps) {
    const u = step.update;
    if (u) Object.assign(explicit, u.components);
    if (u) for (const c of Object.keys(u.components)) affected.add(c);
    if (u?.scheduledEnd) windowEnd = u.scheduledEnd;
    if (u?.reopen) resolvedAt = undefined;
    status = step.status;
    const active = incident.kind === 'incident' ? !isFinalStatus(status) : status === 'in_progress' || status === 'verifying';
    const states = !active ? null : recorded ? Object.fromEntries([...affected].flatMap((c) => (explicit[c] ? [[c, explicit[c]]] : []))) : Object.fromEntries([...affected].map((c) => [c, explicit[c] ?? defaultState]));
    // Customers were affected from `started`, before anyone posted: the first update's states reach back to it.
    const at = step.index === 0 && incident.kind === 'incident' && active && !recorded ? incident.started : step.at;
    points.push({ at, states });
    if (u) afterEach.push(states ?? Object.fromEntries([...affected].map((c) => [c, 'operational' as ComponentStateName])));
    if (active && !cycleStart) cycleStart = at;
    if (status === 'identified' && !identifiedAt) identifiedAt = step.at;
    if (status === 'monitoring' && !monitoringAt) monitoringAt = step.at;
    if (status === 'in_progress' && !workStarted) workStarted = step.at;
    if (isFinalStatus(status)) resolvedAt = step.at;
    else if (!u) resolvedAt = undefined;
  }

  const segments: Segment[] = [];
  points.forEach((p, i) => {
    if (!p.states) return;
    const next = points[i + 1];
    segments.push({ from: p.at, to: next?.at, states: p.states });
  });

  const open = !isFinalStatus(status);
  const begun = incident.kind === 'incident' ? incident.started : workStarted;
  return {
    status,
    open,
    latest,
    acknowledgedAt: updates[0]!.at,
    identifiedAt,
    monitoringAt,
    resolvedAt: open ? undefined : resolvedAt,
    durationMs: !open && resolvedAt && begun ? resolvedAt.getTime() - begun.getTime() : undefined,
    nextUpdate: open ? latest.nextUpdate : undefined,
    clock,
    window: incident.scheduled && windowEnd ? { start: incident.scheduled.start, end: windowEnd } : undefined,
    components,
    segments,
    afterEach,
  };
}

/** Index components plus any an update added: the same at every moment. */
export function affectedComponents(incident: Incident): string[] {
  return [...new Set([...incident.components, ...incident.updates.flatMap((u) => Object.keys(u.components))])];
}

/**
 * Whether an incident affects a component (affectedComponents). Each component's page, feeds and feed keys ask it of
 * incident after incident, so each incident's components are gathered once.
 */
const affectedSets = new WeakMap<Incident, Set<string>>();
export function affects(incident: Incident, componentId: string): boolean {
  let set = affectedSets.get(incident);
  if (!set) affectedSets.set(incident, (set = new Set(affectedComponents(incident))));
  return set.has(componentId);
}

/** States an incident imposes at instant `at` (empty when it imposes none). */
export function statesAt(t: IncidentTimeline, at: Date): Record<string, ComponentStateName> {
  const s = t.segments.find((seg) => seg.from <= at && (!seg.to || at < seg.to));
  return s?.states ?? {};
}
