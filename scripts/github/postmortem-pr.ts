// When a push resolves a major or critical incident, a pull request with a postmortem draft, assigned to the
// incident's owner, so the follow-up is a normal review.
import type { Octokit } from '@octokit/rest';
import { owesPostmortem } from '../../site/model/postmortem-due.ts';
import { postmortemDraft } from '../../site/model/postmortem-draft.ts';
import type { Incident, Site } from '../../site/model/site.ts';
import { timeline } from '../../site/model/timeline.ts';
import type { Repo } from './client.ts';
import type { ChangedFile } from './pr-summary.ts';

/** Incidents this push resolved that need a postmortem and have none. */
export function needingPostmortem(site: Site, added: ChangedFile[], now: Date): Incident[] {
  const paths = new Set(added.filter((f) => f.status === 'A').map((f) => f.path));
  return site.incidents.filter((i) => {
    const tl = timeline(i, site.config, now);
    return owesPostmortem(i, site.config) && !tl.open && paths.has(tl.latest.file);
  });
}

export const branchFor = (i: Incident) => `postmortem/${i.id}`;

export async function openPostmortemPrs(gh: Octokit, repo: Repo, site: Site, added: ChangedFile[], base: string, now: Date): Promise<string[]> {
  const opened: string[] = [];
  for (const incident of needingPostmortem(site, added, now)) {
    const branch = branchFor(incident);
    const existing = await gh.rest.pulls.list({ ...repo, head: `${repo.owner}:${branch}`, state: 'all' });
    if (existing.data.length) continue;
    const { data: baseRef } = await gh.rest.git.getRef({ ...repo, ref: `heads/${base}` });
    await gh.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: baseRef.object.sha });
    const path = `${incident.dir}/postmortem.md`;
    await gh.rest.repos.createOrUpdateFileContents({
      ...repo,
      path,
      branch,
      message: `Postmortem draft: ${incident.title}`,
      content: Buffer.from(postmortemDraft(site, incident, now)).toString('base64'),
    });
    const { data: pr } = await gh.rest.pulls.create({
      ...repo,
      head: branch,
      base,
      title: `Postmortem: ${incident.title}`,
      body: [
        `${incident.owner ? `@${incident.owner}, this` : 'This'} incident was resolved and needs a postmortem within ${site.config.postmortem_due_hours} hours.`,
        '',
        `The draft in \`${path}\` is filled in from the timeline. Replace every \`{{placeholder}}\` (root cause, resolution, what we will change); then replace \`draft: true\` with \`published: <time>\`. While \`draft: true\` is there, merging publishes nothing, and no build publishes unfilled placeholders.`,
      ].join('\n'),
    });
    if (incident.owner) await gh.rest.issues.addAssignees({ ...repo, issue_number: pr.number, assignees: [incident.owner] });
    opened.push(pr.html_url);
  }
  return opened;
}
