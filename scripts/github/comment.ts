// One comment per pull request, found again by a hidden marker and edited in place, never posted twice.
import type { Octokit } from '@octokit/rest';
import type { Repo } from './client.ts';

export const PR_MARKER = '<!-- candor:pr-summary -->';

export async function upsertComment(gh: Octokit, repo: Repo, issueNumber: number, marker: string, body: string): Promise<'created' | 'updated' | 'unchanged'> {
  const text = `${marker}\n${body}`;
  const comments = await gh.paginate(gh.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 });
  const mine = comments.find((c) => c.body?.startsWith(marker));
  if (!mine) {
    await gh.rest.issues.createComment({ ...repo, issue_number: issueNumber, body: text });
    return 'created';
  }
  if (mine.body === text) return 'unchanged';
  await gh.rest.issues.updateComment({ ...repo, comment_id: mine.id, body: text });
  return 'updated';
}
