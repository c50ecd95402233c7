// A deploy goes live only for the commit at the head of the default branch. Runs are queued one at a time
// (deploy.yml's workflow-level concurrency), but the head can move while a run builds, and "Re-run all jobs" on an
// old run deploys its old commit again: either would put an older page over a newer one, and an older S3 sync
// would delete the files the newer one added. So each deploy job asks, right before its upload, whether its
// commit is still the head; if not, it uploads nothing and says so, and the newer commit's own run deploys.
import type { Octokit } from '@octokit/rest';
import type { Repo } from './client.ts';

export type Newest = { newest: true; line: string } | { newest: false; head: string; line: string };

const short = (sha: string) => sha.slice(0, 12);

/** Whether `sha` is the head of `branch` now, asked of GitHub's API, with the line the deploy log shows. */
export async function stillNewest(gh: Octokit, repo: Repo, branch: string, sha: string, { attempts = 3, pauseMs = 2000 } = {}): Promise<Newest> {
  let head: string | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      head = (await gh.rest.git.getRef({ ...repo, ref: `heads/${branch}` })).data.object.sha;
      break;
    } catch (e) {
      // A passing API error must not block a deploy for long, nor let one through unchecked.
      if (attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  }
  if (head === sha) return { newest: true, line: `${short(sha)} is the head of ${branch}: deploying it` };
  return {
    newest: false,
    head,
    line: `skipped: ${short(sha)} is no longer the head of ${branch} (${short(head)} is), so nothing was uploaded; the run for ${short(head)} deploys the newer site`,
  };
}
