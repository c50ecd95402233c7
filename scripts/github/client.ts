// The GitHub client the automation uses. Tests pass their own `fetch`, so the HTTP layer is faked, not our code.
import { Octokit } from '@octokit/rest';
import { CliError } from '../lib/cli-error.ts';

export interface Repo {
  owner: string;
  repo: string;
}

export function github(options: { token?: string; fetch?: typeof fetch; baseUrl?: string } = {}): Octokit {
  const token = options.token ?? process.env.GITHUB_TOKEN;
  if (!token) throw new CliError('GITHUB_TOKEN is not set; the workflow passes it as an environment variable', 2);
  // Octokit logs every failed request before throwing it; the caller decides what a failure means (a 404 from the
  // permission check is the answer "not a collaborator"), and the log line would land in the reply to the issue.
  const log = { debug: () => {}, info: () => {}, warn: console.warn, error: () => {} };
  return new Octokit({ auth: token, baseUrl: options.baseUrl ?? process.env.GITHUB_API_URL, request: options.fetch ? { fetch: options.fetch } : undefined, userAgent: 'candor', log });
}

/** `owner/repo` from GITHUB_REPOSITORY, which Actions sets. */
export function repoFromEnv(value = process.env.GITHUB_REPOSITORY): Repo {
  const [owner, repo] = (value ?? '').split('/');
  if (!owner || !repo) throw new CliError('GITHUB_REPOSITORY is not set (expected "owner/repo")', 2);
  return { owner, repo };
}
