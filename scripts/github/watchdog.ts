// The watchdog: one GitHub issue per incident that needs attention (an overdue update, maintenance due to start
// or end, an overdue postmortem), mentioning its owner; closed once the incident no longer needs it.
import type { Octokit } from '@octokit/rest';
import { lint } from '../../site/model/lint/index.ts';
import type { Incident, Site } from '../../site/model/site.ts';
import { timeline } from '../../site/model/timeline.ts';
import { MINUTE } from '../../site/model/time.ts';
import type { Repo } from './client.ts';

export const WATCHDOG_LABEL = 'candor-watchdog';
const marker = (id: string) => `<!-- candor-watchdog:${id} -->`;

export interface Concern {
  incident: Incident;
  reasons: string[];
}

/** What needs attention now, by incident. Maintenance starting within the next 15 minutes counts too. */
export function concerns(site: Site, now: Date): Concern[] {
  const rules = new Set(['stale-update', 'maintenance-overdue', 'postmortem-overdue']);
  const byIncident = new Map<string, string[]>();
  for (const f of lint(site, now).filter((x) => rules.has(x.rule))) {
    const id = f.file.split('/')[1]!;
    byIncident.set(id, [...(byIncident.get(id) ?? []), `${f.message} (\`${f.rule}\`). ${f.fix}`]);
  }
  for (const i of site.incidents.filter((x) => x.kind === 'maintenance')) {
    const tl = timeline(i, site.config, now);
    const start = tl.window!.start.getTime();
    if (tl.status === 'scheduled' && start > now.getTime() && start - now.getTime() <= 15 * MINUTE) {
      byIncident.set(i.id, [...(byIncident.get(i.id) ?? []), `the window starts at ${tl.window!.start.toISOString()}: post "in_progress" when work begins (\`candor update ${i.id} --template maintenance-started\`).`]);
    }
  }
  return [...byIncident].map(([id, reasons]) => ({ incident: site.incidents.find((i) => i.id === id)!, reasons }));
}

export function issueFor(c: Concern, siteUrl: string): { title: string; body: string } {
  const owner = c.incident.owner ? `@${c.incident.owner}` : 'On-call';
  return {
    title: `Status page: ${c.incident.title} needs attention`,
    body: [
      marker(c.incident.id),
      `${owner}, customers are waiting on [${c.incident.title}](${new URL(`incidents/${c.incident.id}/`, siteUrl).href}):`,
      '',
      ...c.reasons.map((r) => `- ${r}`),
      '',
      `This issue closes by itself once the incident is updated.`,
    ].join('\n'),
  };
}

export interface WatchdogResult {
  opened: string[];
  updated: string[];
  closed: string[];
}

export async function runWatchdog(gh: Octokit, repo: Repo, site: Site, now: Date): Promise<WatchdogResult> {
  const result: WatchdogResult = { opened: [], updated: [], closed: [] };
  const open = await gh.paginate(gh.rest.issues.listForRepo, { ...repo, labels: WATCHDOG_LABEL, state: 'open', per_page: 100 });
  const idOf = (body: string | null | undefined) => /<!-- candor-watchdog:([^ ]+) -->/.exec(body ?? '')?.[1];
  const current = concerns(site, now);
  for (const c of current) {
    const { title, body } = issueFor(c, site.config.mirrors[0]!.url);
    const existing = open.find((i) => idOf(i.body) === c.incident.id);
    if (!existing) {
      await gh.rest.issues.create({ ...repo, title, body, labels: [WATCHDOG_LABEL], assignees: c.incident.owner ? [c.incident.owner] : [] });
      result.opened.push(c.incident.id);
    } else if (existing.body !== body || existing.title !== title) {
      await gh.rest.issues.update({ ...repo, issue_number: existing.number, title, body });
      result.updated.push(c.incident.id);
    }
  }
  const stillNeeded = new Set(current.map((c) => c.incident.id));
  for (const issue of open) {
    const id = idOf(issue.body);
    if (!id || stillNeeded.has(id)) continue;
    await gh.rest.issues.createComment({ ...repo, issue_number: issue.number, body: 'The incident has been updated; closing.' });
    await gh.rest.issues.update({ ...repo, issue_number: issue.number, state: 'closed', state_reason: 'completed' });
    result.closed.push(id);
  }
  return result;
}
