// `candor github <task>`: what the workflows in .github/workflows run. Each task is small and tested; the
// workflows stay thin.
import { readFileSync } from 'node:fs';
import { lintRepository } from '../../site/model/lint/index.ts';
import { nowOf, parse, rootOf } from '../lib/args.ts';
import { CliError } from '../lib/cli-error.ts';
import { docsUrl } from '../../site/model/docs.ts';
import { git } from '../lib/git.ts';
import { loadConfigOrFail } from '../lib/load.ts';
import { loadPublishable } from '../lib/publishable.ts';
import { github, repoFromEnv } from '../github/client.ts';
import { PR_MARKER, upsertComment } from '../github/comment.ts';
import { candorPaths } from '../github/candor-paths.ts';
import { deployMatrix, matricesByTarget } from '../github/deploy-matrix.ts';
import { namedSecrets } from '../notify/secrets.ts';
import { writeIssueForms } from '../github/write-forms.ts';
import { postFromIssue } from '../github/post-from-issue.ts';
import { mayPost } from '../github/permission.ts';
import { openPostmortemPrs } from '../github/postmortem-pr.ts';
import { parseNameStatus, prSummary } from '../github/pr-summary.ts';
import { s3Commands } from '../github/s3-plan.ts';
import { stillNewest } from '../github/still-newest.ts';
import { runWatchdog } from '../github/watchdog.ts';
import { stateChanges } from '../../site/model/moment-state.ts';
import { siteMoment } from '../../site/model/example-clock.ts';

const HELP = `Usage: candor github <task> [options]

Tasks the GitHub Actions workflows run (see ${docsUrl('deploying')}):
  deploy-matrix                         print the deploy matrices from the config (target=JSON lines)
  paths                                 print where this Candor keeps its deploy tools and build caches, and the
                                        digest of its code, the compiled pages' cache key (deploy_tools=DIR,
                                        cache=DIR, code=DIGEST lines), for the reusable workflows
  s3-plan --mirror ID                   print the ordered upload commands for an S3 mirror
  pr-summary --base SHA --head SHA      write the pull request summary (Markdown) to stdout
  pr-comment --pr N --head-sha SHA --file F   post or update the one summary comment (needs GITHUB_TOKEN)
  watchdog                              open, update or close reminder issues (needs GITHUB_TOKEN)
  postmortem-prs --before SHA --after SHA --base main   open postmortem pull requests (needs a token)
  may-post --user LOGIN                 exit 0 if LOGIN has write access or more to this repository (needs GITHUB_TOKEN)
  issue-update --body-file F --at TIME  turn an "Open an incident" or "Status update" issue into content files
  issue-forms                           regenerate the issue forms' dropdowns (impacts, components, regions,
                                        open incidents) in .github/ISSUE_TEMPLATE; prints what changed
  still-newest --branch B --sha SHA     print newest=true if SHA is the head of B, else newest=false (needs GITHUB_TOKEN)
  state-changed --since TIME            print changed=true when the clock alone changed what the pages say since
                                        TIME (when the live site was built), for the scheduled refresh`;

export async function run(argv: string[]): Promise<number> {
  const [task, ...rest] = argv;
  const { values } = parse(
    rest,
    {
      mirror: { type: 'string' }, base: { type: 'string' }, head: { type: 'string' }, pr: { type: 'string' }, 'head-sha': { type: 'string' },
      file: { type: 'string' }, before: { type: 'string' }, after: { type: 'string' }, 'body-file': { type: 'string' }, at: { type: 'string' }, user: { type: 'string' }, since: { type: 'string' },
      branch: { type: 'string' }, sha: { type: 'string' },
    },
  );
  if (!task || values.help || task === 'help') return console.log(HELP), task ? 0 : 1;
  const root = rootOf(values.root);
  const now = nowOf(values.now);
  switch (task) {
    case 'deploy-matrix': {
      // The config alone: a broken incident must not stop the deploy (the build publishes around it).
      const config = await loadConfigOrFail(root);
      // One line per target, in $GITHUB_OUTPUT's key=value form, for the deploy jobs' matrices.
      for (const [target, jobs] of Object.entries(matricesByTarget(config))) console.log(`${target}=${JSON.stringify(jobs)}`);
      // The only secrets the notify job receives (scripts/notify/secrets.ts).
      console.log(`notify_secrets=${JSON.stringify(namedSecrets(config.notifications))}`);
      return 0;
    }
    case 'state-changed': {
      const { site } = await loadPublishable(root, now);
      if (!values.since) throw new CliError('--since: give the moment the live site was built (its api/v2/status.json page.updated_at)', 2);
      const since = new Date(values.since);
      if (Number.isNaN(since.getTime())) throw new CliError(`--since: "${values.since}" is not a time; give an ISO 8601 time such as 2026-11-23T09:00:00Z`, 2);
      const changes = stateChanges(site, since, siteMoment(site.config, now));
      for (const c of changes) console.error(`${c.id}: ${c.from} → ${c.to}`);
      console.error(changes.length ? `${changes.length} change(s) since ${since.toISOString()}: the site needs a rebuild` : `nothing the pages say has changed since ${since.toISOString()}`);
      console.log(`changed=${changes.length > 0}`);
      return 0;
    }
    case 'paths': {
      const found = candorPaths(process.cwd());
      if ('missing' in found) throw new CliError(`this Candor install lacks its deploy tools' lockfile (${found.missing.join(', ')}); reinstall candor (npm ci)`, 1);
      // $GITHUB_OUTPUT's key=value form.
      for (const [key, value] of Object.entries(found.paths)) console.log(`${key}=${value}`);
      return 0;
    }
    case 's3-plan': {
      const job = deployMatrix(await loadConfigOrFail(root)).find((j) => j.mirror === values.mirror);
      if (!job || job.target !== 's3') throw new CliError(`--mirror: no mirror "${values.mirror}" deployed to s3`, 2);
      for (const c of s3Commands({ dir: `dist/${job.mirror}`, bucket: job.bucket!, base: job.base, region: job.region!, distributionId: job.distribution_id })) console.log(c.map(quote).join(' '));
      return 0;
    }
    case 'pr-summary': {
      const changed = parseNameStatus(git(root, ['diff', '--name-status', '-M', `${need(values.base, '--base')}...${need(values.head, '--head')}`]));
      const { site, findings } = await lintRepository(root, now);
      console.log(prSummary(site, findings, changed, now));
      return 0;
    }
    case 'pr-comment': {
      const repo = repoFromEnv();
      const gh = github();
      const number = Number(need(values.pr, '--pr'));
      if (!Number.isInteger(number) || number <= 0) throw new CliError(`--pr must be a pull request number, not "${values.pr}"`, 2);
      // The summary came from an untrusted run: post it only on the pull request whose head it was built from.
      const { data: pr } = await gh.rest.pulls.get({ ...repo, pull_number: number });
      if (pr.head.sha !== need(values['head-sha'], '--head-sha')) throw new CliError(`pull request #${number} is at ${pr.head.sha}, not ${values['head-sha']}; not commenting`, 1);
      const body = readFileSync(need(values.file, '--file'), 'utf8').slice(0, 60_000);
      console.log(await upsertComment(gh, repo, number, PR_MARKER, body));
      return 0;
    }
    case 'watchdog': {
      // What the page shows, a broken incident as it last was valid: its reminder is not closed for a typo.
      const { site } = await loadPublishable(root, now);
      const r = await runWatchdog(github(), repoFromEnv(), site, now);
      console.log(`opened ${r.opened.length}, updated ${r.updated.length}, closed ${r.closed.length}${[...r.opened, ...r.updated, ...r.closed].map((id) => `\n  ${id}`).join('')}`);
      return 0;
    }
    case 'postmortem-prs': {
      const { site } = await loadPublishable(root, now);
      const added = parseNameStatus(git(root, ['diff', '--name-status', `${need(values.before, '--before')}..${need(values.after, '--after')}`]));
      const opened = await openPostmortemPrs(github({ token: process.env.CANDOR_BOT_TOKEN || process.env.GITHUB_TOKEN }), repoFromEnv(), site, added, values.base ?? 'main', now);
      console.log(opened.length ? opened.join('\n') : 'no postmortem needed');
      return 0;
    }
    case 'may-post': {
      const answer = await mayPost(github(), repoFromEnv(), need(values.user, '--user'));
      if (!answer.ok) throw new CliError(answer.reason, 1);
      console.log(`${values.user} has ${answer.permission} access: may post`);
      return 0;
    }
    case 'issue-update':
      return postFromIssue(root, readFileSync(need(values['body-file'], '--body-file'), 'utf8'), need(values.at, '--at'), now);
    case 'issue-forms': {
      const changed = await writeIssueForms(root, now);
      console.log(changed.length ? `updated:\n${changed.map((p) => `  ${p}`).join('\n')}` : 'the issue forms are up to date');
      return 0;
    }
    case 'still-newest': {
      const answer = await stillNewest(github(), repoFromEnv(), need(values.branch, '--branch'), need(values.sha, '--sha'));
      // The decision on stdout, for $GITHUB_OUTPUT; the reason in the log.
      console.error(answer.line);
      console.log(`newest=${answer.newest}`);
      return 0;
    }
    default:
      throw new CliError(`unknown task "${task}"\n\n${HELP}`, 2);
  }
}

function need(value: string | undefined, flag: string): string {
  if (!value) throw new CliError(`${flag} is required`, 2);
  return value;
}

function quote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

