// Who may post a status update from an issue: people whose permission on this repository is write or higher,
// asked of GitHub at the moment of posting. `author_association` is not a permission (every member of the owning
// organisation and every read-only or triage collaborator passes it), so it is never what decides.
import type { Octokit } from '@octokit/rest';
import type { Repo } from './client.ts';

/** GitHub's base permissions that may push (maintain reads as write, triage as read, custom roles as their base). */
const MAY_POST = new Set(['admin', 'write']);

export type PostPermission = { ok: true; permission: string } | { ok: false; permission: string; reason: string };

export async function mayPost(octokit: Octokit, repo: Repo, username: string): Promise<PostPermission> {
  let permission = 'none';
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    permission = data.permission;
  } catch (e) {
    // 404: not a collaborator at all. Anything else is GitHub failing: refuse rather than guess.
    if ((e as { status?: number }).status !== 404) throw e;
  }
  if (MAY_POST.has(permission)) return { ok: true, permission };
  return { ok: false, permission, reason: `@${username} has ${permission} access to ${repo.owner}/${repo.repo}; posting to the status page needs write access. Ask a maintainer to post it, or to give you write access.` };
}
