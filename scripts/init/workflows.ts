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

/** Where a caller finds a reusable workflow: in Candor's repository by tag, or beside it (this repository). */
export type ReusableRef = (reusable: string) => string;
export const byTag = (repo: string, tag: string): ReusableRef => (reusable) => `${repo}/.github/workflows/${reusable}@${tag}`;
export const local: ReusableRef = (reusable) => `./.github/workflows/${reusable}`;

export function siteWorkflows(repo: string, tag: string): Record<string, string> {
  return {
    '.github/workflows/validate.yml': `# Every pull request: lint the content (as annotations on the changed files), build every mirror and summarise
# what customers will see (pr-comment.yml posts it). Candor's reusable workflow runs with a read-only token and no
# secrets, so pull requests from forks are safe.
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
    ...automationCallers(byTag(repo, tag)),
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

/**
 * The on-call automation, as thin callers: the triggers, concurrency and the token's permissions stay with the
 * caller (a called job can use no more than these), the steps live in Candor's `site-<file>` reusable workflows.
 * The same text is this repository's own caller with `local` refs (test/github/workflows.test.ts holds them equal).
 */
export const AUTOMATIONS = [
  {
    file: 'status-update.yml',
    about: `# Post from a phone: an "Open an incident" or "Status update" issue (the forms in .github/ISSUE_TEMPLATE, kept
# current by issue-forms.yml) becomes content files, committed to the default branch. Anyone can open an issue:
# only people with write permission or higher on this repository may post (asked of GitHub's API).
# Needs the bot token CANDOR_BOT_TOKEN in the "automation" environment (its push starts Deploy).`,
    name: 'Status update from an issue',
    on: `  issues:
    types: [opened]`,
    job: 'post',
    permissions: { contents: 'write', issues: 'write' },
    botToken: true,
  },
  {
    file: 'issue-forms.yml',
    about: `# Keeps the phone forms' lists current: after a push that changes incidents/ or the config, the forms in
# .github/ISSUE_TEMPLATE are generated again (impacts, components, regions, the open incidents) and committed when
# their text changed.`,
    name: 'Issue forms',
    on: `  push:
    paths: ["incidents/**", "candor.config.yaml", ".github/ISSUE_TEMPLATE/**"]
  workflow_dispatch:`,
    concurrency: 'issue-forms',
    job: 'refresh',
    permissions: { contents: 'write' },
  },
  {
    file: 'watchdog.yml',
    about: `# Every 10 minutes: one issue per incident whose promised update is overdue, whose maintenance is due to start
# or end, or whose postmortem is late, mentioning its owner; closed again once the incident is updated.`,
    name: 'Watchdog',
    on: `  schedule:
    - cron: "*/10 * * * *"
  workflow_dispatch:`,
    concurrency: 'watchdog',
    job: 'watchdog',
    permissions: { contents: 'read', issues: 'write' },
  },
  {
    file: 'refresh.yml',
    about: `# Every 5 minutes: when the clock alone has changed what the pages say since the live site was built (a
# maintenance window started or ended, an update became overdue), Deploy runs again. GitHub starts schedules late
# when it is busy; the page script corrects what it can in the reader's browser.`,
    name: 'Refresh',
    on: `  schedule:
    - cron: "*/5 * * * *"
  workflow_dispatch:`,
    concurrency: 'refresh',
    job: 'refresh',
    permissions: { contents: 'read', actions: 'write' },
  },
  {
    file: 'postmortem.yml',
    about: `# When a push to main resolves a major or critical incident, a pull request with a postmortem draft is opened,
# assigned to the incident's owner. Needs the bot token CANDOR_BOT_TOKEN in the "automation" environment, so
# Validate runs on that pull request.`,
    name: 'Postmortem',
    on: `  push:
    branches: [main]
    paths: ["incidents/**"]`,
    job: 'postmortem',
    permissions: { contents: 'write', 'pull-requests': 'write', issues: 'write' },
    botToken: true,
  },
  {
    file: 'pr-comment.yml',
    about: `# Posts the summary Validate made as one comment on the pull request, updated in place. It runs the default
# branch's workflow with a token that can comment, and treats the artifact from the pull request's run as data only.`,
    name: 'Comment on pull request',
    on: `  workflow_run:
    workflows: [Validate]
    types: [completed]`,
    job: 'comment',
    permissions: { contents: 'read', actions: 'read', 'pull-requests': 'write' },
  },
  {
    file: 'monitor.yml',
    about: `# Checks and alerts in, drafts out: every 5 minutes the checks in candor.config.yaml run once; a check that starts
# failing, or an alert sent as a repository_dispatch of type candor-alert, opens a draft incident as a pull
# request. One run at a time, none cancelled (two would open two drafts for one outage). Needs the bot token
# CANDOR_BOT_TOKEN in the "automation" environment.`,
    name: 'Monitor',
    on: `  schedule:
    - cron: "*/5 * * * *"
  repository_dispatch:
    types: [candor-alert, candor-heartbeat]
  workflow_dispatch:`,
    concurrency: 'monitor',
    job: 'monitor',
    permissions: { contents: 'write', 'pull-requests': 'write', issues: 'write' },
    botToken: true,
  },
] as const satisfies readonly Automation[];

interface Automation {
  /** The caller's file name; the steps are in `site-<file>`. */
  file: string;
  about: string;
  name: string;
  /** The caller's `on:` entries, indented. */
  on: string;
  concurrency?: string;
  job: string;
  /** What the called job's token may do: exactly what the reusable job asks for. */
  permissions: Record<string, 'read' | 'write'>;
  /**
   * Hands the caller's secrets on (`secrets: inherit`): the bot token lives in the "automation" environment, and an
   * environment secret cannot be named at the caller (a calling job has no environment), only inherited.
   */
  botToken?: boolean;
}

export function automationCallers(ref: ReusableRef): Record<string, string> {
  return Object.fromEntries(AUTOMATIONS.map((a: Automation) => [`.github/workflows/${a.file}`, caller(a, ref)]));
}

function caller(a: Automation, ref: ReusableRef): string {
  const lines = [
    a.about,
    `name: ${a.name}`,
    'on:',
    a.on,
    'permissions:',
    '  contents: read',
    ...(a.concurrency ? ['concurrency:', `  group: ${a.concurrency}`, '  cancel-in-progress: false'] : []),
    'jobs:',
    `  ${a.job}:`,
    '    permissions:',
    ...Object.entries(a.permissions).map(([scope, level]) => `      ${scope}: ${level}`),
    `    uses: ${ref(`site-${a.file}`)}`,
    ...(a.botToken ? ['    secrets: inherit'] : []),
  ];
  return `${lines.join('\n')}\n`;
}
