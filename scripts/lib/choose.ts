// Which incident a command acts on: named (in full or in part), or chosen from the ones it applies to, newest
// first, so nobody types an id at 3 a.m.
import { findIncident } from '../../site/model/find.ts';
import type { Incident, Site } from '../../site/model/site.ts';
import { isFinalStatus } from '../../site/model/states.ts';
import { timeline } from '../../site/model/timeline.ts';
import { DAY } from '../../site/model/time.ts';
import { Asker } from './ask.ts';
import { CliError } from './cli-error.ts';

export interface Applicable {
  /** For messages: "open", "open or resolved in the last 7 days". */
  label: string;
  /** The moment statuses are read at (maintenance can follow the clock). */
  now: Date;
  test(i: Incident): boolean;
}

const statusOf = (site: Site, i: Incident, now: Date) => timeline(i, site.config, now).status;

/** `update`: open ones, and ones resolved in the last week (updating one reopens it). */
export const forUpdate = (site: Site, now: Date): Applicable => ({
  label: 'open or resolved in the last 7 days',
  now,
  test: (i) => {
    const tl = timeline(i, site.config, now);
    const closed = tl.resolvedAt ?? (isFinalStatus(tl.status) ? tl.latest.at : undefined);
    return !isFinalStatus(tl.status) || (closed !== undefined && now.getTime() - closed.getTime() <= 7 * DAY);
  },
});

/** `resolve`: open ones only. */
export const forResolve = (site: Site, now: Date): Applicable => ({ label: 'open', now, test: (i) => !isFinalStatus(statusOf(site, i, now)) });

/** `postmortem`: resolved incidents that have none yet. */
export const forPostmortem = (site: Site, now: Date): Applicable => ({ label: 'resolved without a postmortem', now, test: (i) => i.kind === 'incident' && !i.postmortem && isFinalStatus(statusOf(site, i, now)) });

export async function chooseIncident(site: Site, query: string | undefined, applicable: Applicable, command: string, isInteractive: boolean): Promise<Incident> {
  const fitting = site.incidents.filter(applicable.test);
  if (query === undefined) {
    if (fitting.length === 0) throw new CliError(`there are no ${applicable.label} incidents to ${command}`, 2);
    if (!isInteractive) throw new CliError(`name one incident: candor ${command} <incident>; ${applicable.label}: ${fitting.slice(0, 20).map((i) => i.id).join(', ')}`, 2);
    const id = await new Asker(true).one(undefined, '<incident>', `Which incident (${applicable.label}, newest first)?`, fitting.map((i) => ({ name: `${i.title} — ${statusOf(site, i, applicable.now)}`, value: i.id, description: i.id })));
    return fitting.find((i) => i.id === id)!;
  }
  const found = findIncident(site, query, applicable.test);
  if (found.ok) return found.incident;
  if (found.inapplicable) {
    const others = fitting.length ? `; ${applicable.label}: ${fitting.slice(0, 10).map((i) => i.id).join(', ')}` : '';
    throw new CliError(`${found.inapplicable.id} is ${statusOf(site, found.inapplicable, applicable.now)}, and "candor ${command}" applies only to ${applicable.label} incidents${others}`, 2);
  }
  throw new CliError(`${found.message}; ${found.fix}`, 2);
}
