// What the pages say that the clock alone changes — no file changes, no push — at a moment: an incident's derived
// status (a maintenance window starting or ending on its own), whether a promised update is overdue, whether a
// postmortem is still promised, which announcements are shown. A static page cannot follow the clock; when this
// differs between the moment the live site was built and now, the scheduled refresh rebuilds and deploys it
// (.github/workflows/refresh.yml), and the build re-renders only the pages whose state changed (lib/reuse.ts).
// Durations ("ongoing for 2 h") and "12 minutes ago" change every minute: the page script keeps the second current
// in the reader's browser; without JavaScript both read as of the build, which every page states.
import { shownAnnouncements } from './announcements.ts';
import { postmortemPromised } from './postmortem-due.ts';
import type { Site } from './site.ts';
import { timeline } from './timeline.ts';

export interface StateChange {
  /** Incident or announcement id. */
  id: string;
  /** What it was at the earlier moment, and what it is at the later one. */
  from: string;
  to: string;
}

/** Each item's clock-driven state at `now`, by id. */
export function momentState(site: Site, now: Date): Map<string, string> {
  const state = new Map<string, string>();
  for (const incident of site.incidents) {
    const t = timeline(incident, site.config, now);
    const facts: string[] = [t.status];
    if (t.nextUpdate && t.nextUpdate <= now) facts.push('update overdue');
    if (postmortemPromised(incident, site.config, now)) facts.push('postmortem promised');
    state.set(incident.id, facts.join(', '));
  }
  const shown = new Set(shownAnnouncements(site, now).map((a) => a.id));
  for (const a of site.announcements) state.set(`announcements/${a.id}`, a.published > now ? 'not yet published' : shown.has(a.id) ? 'shown' : 'no longer shown');
  return state;
}

/** What the clock changed between `since` (when the live site was built) and `now`. */
export function stateChanges(site: Site, since: Date, now: Date): StateChange[] {
  const before = momentState(site, since);
  return [...momentState(site, now)].filter(([id, to]) => before.get(id) !== to).map(([id, to]) => ({ id, from: before.get(id) ?? 'absent', to }));
}
