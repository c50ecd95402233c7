// Statuspage's incidents, maintenance and components in Candor's terms.
import { COMPONENT_STATES, INCIDENT_STATUSES, isFinalStatus, MAINTENANCE_STATUSES, type ComponentStateName, type Kind, type Status } from '../../../site/model/states.ts';
import type { Draft, DraftComponent, DraftGroup, DraftIncident, DraftUpdate } from '../draft.ts';
import { bodyToMarkdown } from '../html-to-markdown.ts';
import type { Report } from '../report.ts';
import { later, zonedStamp, type Stamp } from '../stamp.ts';
import type { SpInput } from './read.ts';
import type { SpComponent, SpIncident } from './schema.ts';

// Statuspage's "none" is a notice with no service impact; the import adds that level to the config (impacts.ts).
const IMPACTS: Record<string, string> = { none: 'none', minor: 'minor', major: 'major', critical: 'critical' };

// Statuses of the other kind, as they read: a maintenance "resolved" is its completion, and so on.
const CROSS: Record<Kind, Record<string, Status>> = {
  incident: { postmortem: 'resolved', scheduled: 'investigating', in_progress: 'identified', verifying: 'monitoring', completed: 'resolved' },
  maintenance: { investigating: 'in_progress', identified: 'in_progress', monitoring: 'verifying', resolved: 'completed', postmortem: 'completed' },
};

export function statuspageDraft(input: SpInput, report: Report): Draft {
  const { groups, components, known } = componentsOf(input, report);
  const incidents = input.incidents.flatMap(({ incident, kind, file }) => {
    const draft = incidentDraft(incident, kind, `${file}: "${incident.name}" (id ${incident.id})`, known, report);
    return draft ? [draft] : [];
  });
  return {
    source: 'Statuspage',
    from: 'statuspage',
    site: { name: input.page.name ?? undefined, url: input.page.url ?? undefined, timeZone: input.page.time_zone ?? undefined },
    groups,
    components,
    incidents,
    // Statuspage has no notice that is not an incident or maintenance.
    announcements: [],
  };
}

function componentsOf(input: SpInput, report: Report) {
  const list = input.components ?? [];
  if (!input.components) {
    report.note('Statuspage export', 'no components.json or summary.json was given, so components come from the incidents: any no incident touched are missing, and groups are unnamed — pass components.json too for the full list');
  }
  // Members name their group with group_id; groups also list their members. Either is enough.
  const memberOf = new Map<string, string>();
  for (const g of list) if (g.group) for (const id of g.components ?? []) memberOf.set(id, g.id);
  for (const c of list) if (!c.group && c.group_id) memberOf.set(c.id, memberOf.get(c.id) ?? c.group_id);
  const allGroups = list.filter((c) => c.group);
  const groupIds = new Set(allGroups.map((g) => g.id));
  // A group nothing belongs to shows nothing on Statuspage, and strict clients reject an empty one: say so, leave it out.
  const groups: DraftGroup[] = allGroups.flatMap((g) => {
    if (!list.some((c) => !c.group && memberOf.get(c.id) === g.id)) {
      report.note(`group "${g.name.trim()}" (id ${g.id})`, 'has no components; not imported, since an empty group shows nothing');
      return [];
    }
    return [{ key: g.id, name: g.name.trim(), sourceId: g.id, ...(g.description?.trim() ? { description: g.description.trim() } : {}) }];
  });
  const groupKeys = new Set(groups.map((g) => g.key));
  for (const c of list) {
    const g = !c.group && memberOf.get(c.id);
    if (g && !groupIds.has(g)) report.note(`component "${c.name.trim()}" (id ${c.id})`, `names a group (group_id ${g}) the export does not contain; imported without a group — add it to one in candor.config.yaml if you know which`);
  }
  const components: DraftComponent[] = [];
  const known = new Map<string, DraftComponent>();
  const add = (c: Pick<SpComponent, 'id' | 'name'> & Partial<SpComponent>) => {
    if (known.has(c.id) || groupKeys.has(c.id)) return;
    const groupKey = c.group_id ?? memberOf.get(c.id);
    const draft: DraftComponent = {
      key: c.id,
      name: c.name.trim() || c.id,
      ...(c.description?.trim() ? { description: c.description.trim() } : {}),
      ...(groupKey && groupKeys.has(groupKey) ? { groupKey } : {}),
      ...(c.start_date && /^\d{4}-\d{2}-\d{2}$/.test(c.start_date) ? { since: c.start_date } : {}),
      ...(c.only_show_if_degraded ? { onlyShowIfDegraded: true } : {}),
      sourceId: c.id,
    };
    known.set(c.id, draft);
    components.push(draft);
  };
  list.filter((c) => !c.group).forEach(add);
  // Components only the incidents mention (a partial export) still need config entries.
  for (const { incident } of input.incidents) {
    for (const c of incident.components ?? []) if (!c.group) add(c);
    for (const u of incident.incident_updates) for (const a of u.affected_components ?? []) if (a.code) add({ id: a.code, name: a.name ?? a.code });
  }
  return { groups, components, known };
}

function incidentDraft(
  incident: SpIncident,
  kind: Kind,
  origin: string,
  known: Map<string, DraftComponent>,
  report: Report,
): DraftIncident | undefined {
  const created = zonedStamp(incident.created_at);
  const started = incident.started_at ? zonedStamp(incident.started_at) : created;
  if (!created || !started) return void report.fail(origin, `created_at or started_at is not a timestamp with a zone ("${incident.started_at ?? incident.created_at}")`);

  let scheduled: DraftIncident['scheduled'];
  if (kind === 'maintenance') {
    const start = incident.scheduled_for ? zonedStamp(incident.scheduled_for) : undefined;
    const end = incident.scheduled_until ? zonedStamp(incident.scheduled_until) : undefined;
    if (!start || !end) return void report.fail(origin, 'is maintenance without a readable scheduled_for and scheduled_until');
    scheduled = { start, end };
  }

  let impact: string | undefined;
  if (kind === 'incident') {
    impact = IMPACTS[incident.impact ?? ''];
    if (!impact) report.note(origin, `impact "${incident.impact ?? '(missing)'}" is not one Candor knows; imported as "minor"`);
    impact ??= 'minor';
  }

  // Statuspage lists updates newest first; a status is read in the order they happened.
  const dated = incident.incident_updates
    .flatMap((u, i) => {
      const where = `${origin}, update ${u.id ?? i + 1}`;
      const at = zonedStamp(u.display_at ?? u.created_at) ?? zonedStamp(u.created_at);
      if (!at) report.fail(where, `its time "${u.display_at ?? u.created_at}" is not a timestamp with a zone`);
      return at ? [{ u, at, where }] : [];
    })
    .sort((a, b) => a.at.date.getTime() - b.at.date.getTime());
  let previous: Status | undefined;
  const updates: DraftUpdate[] = dated.map(({ u, at, where }) => {
    previous = statusOf(u.status, kind, previous, where, report);
    const body = bodyToMarkdown(u.body ?? '');
    if (body.dropped.length) report.note(where, `left out of the text: ${body.dropped.join(', ')}`);
    return { at, status: previous, body: body.markdown, components: statesOf(u.affected_components ?? [], known, where, report), ...(u.id ? { sourceId: u.id } : {}) };
  });
  closeAsTheSourceDoes(incident, kind, updates, origin, report);
  reportStates(incident, updates, known, origin, report);

  const postmortem = incident.postmortem_body?.trim() ? postmortemOf(incident, origin, updates, report) : undefined;
  return {
    origin,
    title: incident.name,
    kind,
    impact,
    // Listed as affected from the start, without a state: states come only from the updates (statesRecorded).
    components: (incident.components ?? []).map((c) => c.id).filter((id) => known.has(id)),
    statesRecorded: true,
    started: kind === 'maintenance' ? scheduled!.start : started,
    scheduled,
    summary: '',
    updates,
    postmortem,
    sourceId: incident.id,
    ...(incident.shortlink && /^https?:\/\//.test(incident.shortlink) ? { shortlink: incident.shortlink } : {}),
  };
}

/** Text Statuspage itself posts when an incident or maintenance is closed without words. */
const CLOSING_TEXT: Record<Kind, string> = { incident: 'This incident has been resolved.', maintenance: 'The scheduled maintenance has been completed.' };

/**
 * The incident's own status and resolved_at win over its updates: Statuspage closes incidents (and backfilled
 * ones) without a "resolved" update, and its page then shows them resolved. An all-clear is added to say so.
 */
function closeAsTheSourceDoes(incident: SpIncident, kind: Kind, updates: DraftUpdate[], origin: string, report: Report) {
  const closed = ['resolved', 'postmortem', 'completed'].includes(incident.status);
  const last = updates.at(-1);
  if (!closed || !last || isFinalStatus(last.status)) return;
  const resolvedAt = incident.resolved_at ? zonedStamp(incident.resolved_at) : undefined;
  const at = resolvedAt && resolvedAt.date > last.at.date ? resolvedAt : later(last.at, 1000);
  const status: Status = kind === 'incident' ? 'resolved' : 'completed';
  updates.push({ at, status, body: CLOSING_TEXT[kind], components: {} });
  report.note(
    origin,
    `is "${incident.status}" on Statuspage, but no update says so; added a "${status}" update at ${at.text}${resolvedAt && at === resolvedAt ? ' (its resolved_at)' : ', a second after the last update (it has no later resolved_at)'} saying "${CLOSING_TEXT[kind]}"`,
  );
}

/**
 * Says where the imported timeline needs a state the source lacks: a component the source left in an outage when
 * the incident closed returns to operational at the all-clear, since Candor ends an incident's states there. And
 * counts the components listed without any recorded change, which are affected without a state of their own.
 */
function reportStates(incident: SpIncident, updates: DraftUpdate[], known: Map<string, DraftComponent>, origin: string, report: Report) {
  const state = new Map<string, ComponentStateName>();
  const ended = new Set<string>();
  for (const u of updates) {
    for (const [c, s] of Object.entries(u.components)) state.set(c, s);
    if (!isFinalStatus(u.status)) continue;
    for (const [c, s] of state) {
      if (s === 'operational' || c in u.components || ended.has(c)) continue;
      ended.add(c);
      report.note(origin, `component "${known.get(c)?.name ?? c}" is last recorded as ${s}; the source records no return to operational, and Candor ends the incident's states at its ${u.status} update (${u.at.text})`);
    }
  }
  const unchanged = (incident.components ?? []).filter((c) => known.has(c.id) && !state.has(c.id));
  if (unchanged.length) report.tally('{n} component(s) attached to an incident with no recorded change are listed as affected without a state (none is derived from the impact)', unchanged.length);
}

function statusOf(raw: string, kind: Kind, previous: Status | undefined, where: string, report: Report): Status {
  const own: readonly string[] = kind === 'incident' ? INCIDENT_STATUSES : MAINTENANCE_STATUSES;
  if (own.includes(raw)) return raw as Status;
  const mapped = CROSS[kind][raw];
  const status = mapped ?? previous ?? (kind === 'incident' ? 'investigating' : 'scheduled');
  report.note(where, `status "${raw}" is not ${kind === 'incident' ? 'an incident' : 'a maintenance'} status in Candor; imported as "${status}"`);
  return status;
}

function statesOf(affected: NonNullable<SpIncident['incident_updates'][number]['affected_components']>, known: Map<string, unknown>, where: string, report: Report) {
  const states: Record<string, ComponentStateName> = {};
  for (const a of affected) {
    // Older pages wrote a placeholder without a code ("No components were affected by this update."): nothing to map.
    if (!a.code) {
      report.tally('{n} update(s) carried Statuspage\'s "no components were affected" placeholder; they change no component');
      continue;
    }
    if (!known.has(a.code) || !a.new_status) continue;
    if ((COMPONENT_STATES as readonly string[]).includes(a.new_status)) states[a.code] = a.new_status as ComponentStateName;
    else report.note(where, `component "${a.name ?? a.code}" went to "${a.new_status}", which is not a component state; left out`);
  }
  return states;
}

function postmortemOf(incident: SpIncident, origin: string, updates: DraftUpdate[], report: Report): DraftIncident['postmortem'] {
  const body = bodyToMarkdown(incident.postmortem_body ?? '');
  if (body.dropped.length) report.note(`${origin}, postmortem`, `left out of the text: ${body.dropped.join(', ')}`);
  let published: Stamp | undefined = incident.postmortem_published_at ? zonedStamp(incident.postmortem_published_at) : undefined;
  if (!published) {
    published = (incident.resolved_at ? zonedStamp(incident.resolved_at) : undefined) ?? updates.at(-1)?.at;
    if (!published) return undefined;
    report.note(`${origin}, postmortem`, `has no postmortem_published_at; published is set to ${published.text}`);
  }
  return { published, body: body.markdown };
}
