// Which incidents owe readers a postmortem, and until when the page may promise one. One rule for the page's
// "A postmortem will follow", the lint deadline and the postmortem pull request, so they never disagree.
import type { Config } from './schema/config.ts';
import type { Incident } from './site.ts';
import { HOUR } from './time.ts';
import { timeline } from './timeline.ts';

/** A major or critical incident written here (imported history is never followed up) with no postmortem yet. */
export function owesPostmortem(incident: Incident, config: Config): boolean {
  if (incident.kind !== 'incident' || incident.postmortem || incident.imported) return false;
  return ['major', 'critical'].includes(config.impacts[incident.impact ?? '']?.indicator ?? '');
}

/** When the postmortem is due: `postmortem_due_hours` after resolution; undefined while open or when none is owed. */
export function postmortemDue(incident: Incident, config: Config, now: Date): Date | undefined {
  if (!owesPostmortem(incident, config)) return undefined;
  const resolved = timeline(incident, config, now).resolvedAt;
  return resolved && new Date(resolved.getTime() + config.postmortem_due_hours * HOUR);
}

/**
 * Whether the page may say "A postmortem will follow" at `now`: only until it is due. After that the promise
 * would be stale history (lint reports the overdue postmortem instead).
 */
export function postmortemPromised(incident: Incident, config: Config, now: Date): boolean {
  const due = postmortemDue(incident, config, now);
  if (!due) return false;
  const resolved = timeline(incident, config, now).resolvedAt;
  return !!resolved && resolved <= now && now < due;
}
