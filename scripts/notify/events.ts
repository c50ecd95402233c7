// The updates a run announces: update files the commit range added, oldest first, each with its incident as it
// stood right after that update (a push carrying the first update and the all-clear sends both, each telling
// the story as it was then).
import type { ChannelFilter } from '../../site/model/schema/notifications.ts';
import type { Incident, Site, Update } from '../../site/model/site.ts';
import { incidentRegions } from '../../site/model/status.ts';
import { affectedComponents } from '../../site/model/timeline.ts';

export interface NotifyEvent {
  /** The incident with its updates up to and including `update`, and no postmortem yet. */
  incident: Incident;
  update: Update;
  /** 0 for the first update of the incident. */
  index: number;
}

export function eventsFor(site: Site, added: string[]): NotifyEvent[] {
  const files = new Set(added);
  const events: NotifyEvent[] = [];
  for (const incident of site.incidents) {
    incident.updates.forEach((update, index) => {
      if (!files.has(update.file)) return;
      const asOf: Incident = { ...incident, updates: incident.updates.slice(0, index + 1), postmortem: undefined };
      events.push({ incident: asOf, update, index });
    });
  }
  return events.sort((a, b) => a.update.at.getTime() - b.update.at.getTime() || a.update.id.localeCompare(b.update.id));
}

/** Whether a channel (or a subscriber, narrowing it) takes this event. */
export function accepts(filter: ChannelFilter, event: NotifyEvent, site: Site): boolean {
  const { incident } = event;
  if (filter.kinds && !filter.kinds.includes(incident.kind)) return false;
  if (filter.impacts && !filter.impacts.includes(incident.kind === 'maintenance' ? 'maintenance' : (incident.impact ?? ''))) return false;
  if (filter.components && !affectedComponents(incident).some((c) => filter.components!.includes(c))) return false;
  if (filter.regions && !incidentRegions(site, incident).some((r) => filter.regions!.includes(r))) return false;
  return true;
}
