// `candor notify`: after a deploy, send each update the new commits added to every configured channel, once.
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nowOf, parse, rootOf } from '../lib/args.ts';
import { CliError } from '../lib/cli-error.ts';
import { docsUrl } from '../../site/model/docs.ts';
import { formatFallbacks, loadPublishable } from '../lib/publishable.ts';
import { partOf } from '../../site/model/load/partial.ts';
import { addedFiles, EMPTY_TREE, requireCommit, resolveCommit } from '../notify/git.ts';
import { Ledger } from '../notify/ledger.ts';
import { retryPolicy } from '../notify/retry.ts';
import { notify, type NotifyReport } from '../notify/run.ts';
import { secretsFromEnv } from '../notify/secrets.ts';
import { summaryMarkdown } from '../notify/summary.ts';
import { knownList } from '../../site/model/suggest.ts';

const HELP = `Usage: candor notify [--ledger DIR] [--since REV] [--deployed IDS] [--channel ID]... [--dry-run] [--summary FILE] [--root DIR] [--now TIME]

Sends every update file added since the ledger's position (up to the checked-out commit) to each channel in
"notifications" of candor.config.yaml whose filter takes it, once per channel and receiver. What was sent is
appended to DIR/sent.jsonl as it happens; DIR/position.json moves to this commit only when nothing is left
undelivered, so a re-run sends exactly what is missing. See ${docsUrl('notifications')}.

  --ledger DIR     the ledger folder (default: .candor-ledger); in GitHub Actions, a checkout of the candor-ledger branch
  --since REV      start after this commit instead of the ledger's position (the first run starts after HEAD^)
  --deployed IDS   comma-separated mirrors deployed by this run; channels linking to other mirrors wait (default: all)
  --channel ID     only this channel (repeatable)
  --dry-run        print exactly what each channel would receive; send nothing, record nothing
  --attempt ID     this run attempt's id (in CI: run id.attempt); with it, only messages this attempt reserved are sent
  --reserve        with --attempt: only record in DIR/reserved.jsonl what this attempt will send (save the ledger
                   before sending: a message reserved by an earlier attempt and not recorded as sent is never resent)
  --resend         also send messages an earlier attempt reserved but never recorded (check they did not arrive first)
  --summary FILE   append a Markdown report (the workflow passes $GITHUB_STEP_SUMMARY)
  --root DIR       the repository (default: .)
  --now TIME       the moment the messages describe (default: now)

Secrets and variables named in the config are read from CANDOR_SECRETS and CANDOR_VARS (JSON objects, as
\${{ toJSON(secrets) }} gives them) or from environment variables of the same names.`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ledger: { type: 'string', default: '.candor-ledger' },
    since: { type: 'string' },
    deployed: { type: 'string' },
    channel: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean', default: false },
    summary: { type: 'string' },
    attempt: { type: 'string' },
    reserve: { type: 'boolean', default: false },
    resend: { type: 'boolean', default: false },
  });
  if (values.reserve && !values.attempt) throw new CliError('--reserve needs --attempt ID (in GitHub Actions: "$GITHUB_RUN_ID.$GITHUB_RUN_ATTEMPT")', 2);
  if (values.help) return console.log(HELP), 0;
  const root = rootOf(values.root);
  const now = nowOf(values.now);
  // What the deploy published: a broken incident as it last was valid, so one typo does not hold every message.
  const { site, fallbacks } = await loadPublishable(root, now);
  if (fallbacks.length) console.error(`${formatFallbacks(fallbacks)}\n`);
  const dryRun = values['dry-run'];
  const known = site.config.notifications.channels.map((c) => c.id);
  if (!known.length) throw new CliError(`no channels: add some under "notifications" in candor.config.yaml (see ${docsUrl('notifications')})`, 2);
  for (const id of values.channel ?? []) if (!known.includes(id)) throw new CliError(`--channel: no channel "${id}"; ${knownList(id, known)}`, 2);
  const mirrors = site.config.mirrors.map((m) => m.id);
  const deployed = values.deployed === undefined ? undefined : values.deployed.split(',').map((s) => s.trim()).filter(Boolean);
  for (const id of deployed ?? []) if (!mirrors.includes(id)) throw new CliError(`--deployed: no mirror "${id}"; ${knownList(id, mirrors)}`, 2);

  const ledger = new Ledger(resolve(values.ledger), { dryRun });
  const until = requireCommit(root, 'HEAD', 'the checked-out commit');
  const position = ledger.position();
  let since: string;
  if (values.since) since = requireCommit(root, values.since, '--since');
  else if (position) since = requireCommit(root, position.commit, `the ledger's position (${values.ledger}/position.json)`);
  else {
    since = resolveCommit(root, 'HEAD^') ?? EMPTY_TREE;
    console.log(`the ledger has no position yet: announcing what ${until.slice(0, 7)} added (use --since to start elsewhere)`);
  }

  const broken = new Set(fallbacks.map((f) => f.path));
  const waiting = fallbacks.length ? addedFiles(root, { since, until }).filter((f) => broken.has(partOf(f) ?? '')) : [];
  if (waiting.length) console.error(`${waiting.length} new file(s) in broken incidents wait until they are fixed (the ledger stays where it is, so a later run sends them):${waiting.map((f) => `\n  ${f}`).join('')}\n`);
  const report = await notify({
    waiting,
    root, site, now, ledger, dryRun, deployed, channels: values.channel, attempt: values.attempt, reserve: values.reserve, resend: values.resend,
    range: { since, until },
    secrets: secretsFromEnv(),
    policy: retryPolicy(site.config.notifications.retries),
    log: (line) => console.log(line),
  });
  print(report);
  if (values.summary) appendFileSync(values.summary, summaryMarkdown(report));
  // Reserving sends nothing: what waits for a mirror is reported by the sending step.
  if (values.reserve) return 0;
  return report.results.some((r) => r.result === 'failed' || r.result === 'held' || r.result === 'unsure') || report.websub.some((w) => !w.ok) ? 1 : 0;
}

function print(r: NotifyReport): void {
  for (const x of r.results) {
    const who = `${x.channel} ← ${x.update}${x.to ? ` (${x.to})` : ''}`;
    if (x.result === 'preview') console.log(`\n=== ${who}\n${x.preview}`);
    else console.log(`${x.result.padEnd(12)} ${who}${x.detail ? `: ${x.detail}` : ''}`);
  }
  const missing = r.results.filter((x) => x.result === 'failed' || x.result === 'held').length;
  const unsure = r.results.filter((x) => x.result === 'unsure').length;
  if (unsure) console.error(`\n${unsure} message(s) unsure: an earlier attempt was about to send them and its record was lost; not sent again`);
  if (r.results.some((x) => x.result === 'reserved')) console.log(`\n${r.results.filter((x) => x.result === 'reserved').length} message(s) reserved; save the ledger, then send`);
  else if (r.dryRun) console.log(`\ndry run: ${r.results.filter((x) => x.result === 'preview').length} message(s) would be sent; nothing was sent or recorded`);
  else if (missing) console.error(`\n${missing} message(s) not delivered; re-run to send exactly those`);
  else console.log(`\nall delivered${r.advanced ? `; ledger position is now ${r.range.until.slice(0, 7)}` : ''}`);
}
