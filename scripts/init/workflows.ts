// The workflows a new site gets: thin callers of Candor's reusable workflows at the site's Candor major version,
// so the build and deploy steps arrive with Candor upgrades (a Dependabot pull request moves the tag) instead of
// living in every site. Dependabot watches both the npm dependency and these `uses:` lines.

/** `owner/name` of the repository that publishes Candor's reusable workflows: package.json's repository. */
export function candorRepository(repositoryUrl: string): string {
  const match = /github\.com[/:]([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(repositoryUrl);
  if (!match) throw new Error(`package.json repository.url is not a GitHub repository: ${repositoryUrl}`);
  return match[1]!;
}

/** The tag sites call the workflows by: `v<major>` (`v0` before 1.0), moved forward with each release. */
export function workflowTag(version: string): string {
  return `v${version.split('.')[0]}`;
}

export function siteWorkflows(repo: string, tag: string): Record<string, string> {
  return {
    '.github/workflows/validate.yml': `# Every pull request: lint the content (as annotations on the changed files) and build every mirror.
# Candor's reusable workflow runs with a read-only token and no secrets, so pull requests from forks are safe.
name: Validate
on:
  pull_request:
permissions:
  contents: read
jobs:
  validate:
    uses: ${repo}/.github/workflows/site-validate.yml@${tag}
`,
    '.github/workflows/deploy.yml': `# Every push to the default branch: build each mirror, deploy the ones with a deploy target
# (candor.config.yaml) and notify subscribers. Candor's reusable workflow holds the steps; the permissions it may
# use are granted here (contents: write for the notification ledger, the candor-ledger branch), and it receives
# this repository's secrets: each of its jobs reads only its own target's, the notify job only the CANDOR_NOTIFY_…
# ones the config names.
name: Deploy
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
concurrency:
  group: deploy
  cancel-in-progress: false
jobs:
  deploy:
    permissions:
      contents: write
      pages: write
      id-token: write
    uses: ${repo}/.github/workflows/site-deploy.yml@${tag}
    secrets: inherit
`,
    // Upgrades arrive as reviewed pull requests: the candor package (npm) and the workflow tag (github-actions).
    '.github/dependabot.yml': `version: 2
updates:
  - package-ecosystem: npm
    directory: /
    schedule: { interval: weekly }
    allow:
      - dependency-name: candor
  - package-ecosystem: github-actions
    directory: /
    schedule: { interval: weekly }
`,
  };
}
