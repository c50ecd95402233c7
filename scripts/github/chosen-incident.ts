// The incident chosen in the "Status update" form, checked when the issue is handled: the form's list was made
// when it was last refreshed, so the choice may since have been resolved, renamed or removed. A stale choice is
// answered in words, never by reopening a resolved incident nobody meant to reopen.
import type { Site } from '../../site/model/site.ts';
import { isFinalStatus } from '../../site/model/states.ts';
import { timeline } from '../../site/model/timeline.ts';

export type Chosen = { ok: true } | { ok: false; problem: string };

export function checkChosenIncident(site: Site, id: string, now: Date): Chosen {
  const incident = site.incidents.find((i) => i.id === id);
  const fresh = 'open a new issue from the "Status update" form: its list shows the incidents open now';
  if (!incident) return { ok: false, problem: `"Incident": there is no incident ${id} (any more): the form's list was out of date; ${fresh}` };
  const tl = timeline(incident, site.config, now);
  if (isFinalStatus(tl.status)) return { ok: false, problem: `"Incident": ${id} (${incident.title}) is already ${tl.status}, so nothing was posted: the form's list was out of date; ${fresh}. To reopen it on purpose, use "candor update ${id}" at a laptop` };
  return { ok: true };
}
