// `candor notify`: after a deploy, send each update the new commits added to every configured channel, once.
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nowOf, parse, rootOf } from '../lib/args.ts';
import { CliError } from '../lib/cli-error.ts';
import { docsUrl } from '../../site/model/docs.ts';
import { formatFallbacks, loadPublishable } from '../lib/publishable.ts';
import { partOf } from '../../site/model/load/partial.ts';
import { addedFiles, EMPTY_TREE, isAncestor, requireCommit, resolveCommit } from '../notify/git.ts';
import { PRODUCTION_NET, type NetOptions } from '../notify/http.ts';
import { Ledger, messageName, parseMessageName } from '../notify/ledger.ts';
import { retryPolicy } from '../notify/retry.ts';
import { notify, type NotifyReport } from '../notify/run.ts';
import { SECRET_PREFIX, secretsFromEnv } from '../notify/secrets.ts';
import { summaryMarkdown } from '../notify/summary.ts';
import { knownList } from '../../site/model/suggest.ts';

const HELP = `Usage: candor notify [--ledger DIR] [--since REV] [--deployed IDS] [--channel ID]... [--dry-run] [--summary FILE] [--root DIR] [--now TIME]
       candor notify --ledger DIR --arrived MESSAGE... | --lost MESSAGE...

Sends every update file added since the ledger's position (up to the checked-out commit) to each channel in
"notifications" of candor.config.yaml whose filter takes it, once per channel and receiver. Each message is
recorded in DIR/deliveries.jsonl as it moves: reserved, then sent, failed (certainly not delivered: the next run
or a re-run sends it again) or unsure (it went out and no answer came: a person settles it). DIR/position.json
moves forward to this commit only when every message was sent. See ${docsUrl('notifications')}.

  --ledger DIR     the ledger folder (default: .candor-ledger); in GitHub Actions, a checkout of the candor-ledger branch
  --since REV      start after this commit instead of the ledger's position (the first run starts after HEAD^)
  --deployed IDS   comma-separated mirrors deployed by this run; channels linking to other mirrors wait (default: all)
  --channel ID     only this channel (repeatable)
  --dry-run        print exactly what each channel would receive; send nothing, record nothing
  --attempt ID     this run attempt's id (in CI: run id.attempt); with it, only messages this attempt reserved are sent
  --reserve        with --attempt: only record in DIR what this attempt will send (save the ledger before sending:
                   a message reserved by an earlier attempt with no outcome is never sent again, but reported unsure)
  --arrived MSG    an unsure message did arrive (you checked the channel): record it as sent (repeatable)
  --lost MSG       an unsure message did not arrive: record it as failed, so the next run sends it (repeatable)
                   MSG is channel:update[:recipient], as the report prints it
  --summary FILE   append a Markdown report (the workflow passes $GITHUB_STEP_SUMMARY)
  --root DIR       the repository (default: .)
  --now TIME       the moment the messages describe (default: now)

Secrets are read only under names that start with ${SECRET_PREFIX}: from the workflow's numbered slots, from
CANDOR_SECRETS (a JSON object), or from environment variables of those names. No other variable is ever read.`;

/** What tests change: where receivers may be, how long to wait. Production code always runs with these. */
export interface NotifySeams {
  net: NetOptions;
  /** The first wait between attempts of a delivery, doubled for each next one. */
  backoffMs: number;
}

export const PRODUCTION: NotifySeams = { net: PRODUCTION_NET, backoffMs: 2000 };

export async function run(argv: string[], seams: NotifySeams = PRODUCTION): Promise<number> {
  const { values } = parse(argv, {
    ledger: { type: 'string', default: '.candor-ledger' },
    since: { type: 'string' },
    deployed: { type: 'string' },
    channel: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean', default: false },
    summary: { type: 'string' },
    attempt: { type: 'string' },
    reserve: { type: 'boolean', default: false },
    arrived: { type: 'string', multiple: true },
    lost: { type: 'string', multiple: true },
  });
  if (values.help) return console.log(HELP), 0;
  if (values.reserve && !values.attempt) throw new CliError('--reserve needs --attempt ID (in GitHub Actions: "$GITHUB_RUN_ID.$GITHUB_RUN_ATTEMPT")', 2);
  if (values.arrived || values.lost) return settle(resolve(values.ledger), values.arrived ?? [], values.lost ?? []);
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
  else if (position) {
    since = requireCommit(root, position.commit, `the ledger's position (${values.ledger}/position.json)`);
    // A run of an older commit (a re-run, or runs finishing out of order) after a newer one: the newer run covered
    // everything up to its commit, and the position never moves back.
    if (since !== until && isAncestor(root, until, since)) {
      console.log(`the ledger is at ${since.slice(0, 7)}, which already includes ${until.slice(0, 7)}: nothing to announce`);
      since = until;
    }
  } else {
    since = resolveCommit(root, 'HEAD^') ?? EMPTY_TREE;
    console.log(`the ledger has no position yet: announcing what ${until.slice(0, 7)} added (use --since to start elsewhere)`);
  }
  // The first run fixes where the ledger starts, before sending anything: if it does not deliver everything, the
  // next run (a later push, whose own --since would start after this one) still starts here and loses nothing.
  if (!position && !dryRun && since !== EMPTY_TREE) ledger.advance(since, now);

  const broken = new Set(fallbacks.map((f) => f.path));
  const waiting = fallbacks.length ? addedFiles(root, { since, until }).filter((f) => broken.has(partOf(f) ?? '')) : [];
  if (waiting.length) console.error(`${waiting.length} new file(s) in broken incidents wait until they are fixed (the ledger stays where it is, so a later run sends them):${waiting.map((f) => `\n  ${f}`).join('')}\n`);
  const report = await notify({
    waiting,
    root, site, now, ledger, dryRun, deployed, channels: values.channel, reserve: values.reserve,
    // Without --attempt (a run on a laptop), this run is its own attempt and reserves each message as it sends it.
    attempt: values.attempt ?? `local ${new Date().toISOString()} ${process.pid}`,
    reservedAhead: values.attempt !== undefined,
    range: { since, until },
    secrets: secretsFromEnv(),
    net: seams.net,
    policy: retryPolicy(site.config.notifications.retries, seams.backoffMs),
    log: (line) => console.log(line),
  });
  print(report, resolve(values.ledger));
  if (values.summary) appendFileSync(values.summary, summaryMarkdown(report));
  // Reserving sends nothing: what waits for a mirror is reported by the sending step.
  if (values.reserve) return 0;
  return report.results.some((r) => r.result === 'failed' || r.result === 'held' || r.result === 'unsure') || report.websub.some((w) => !w.ok) ? 1 : 0;
}

/** A person's word on unsure messages: arrived (→ sent) or lost (→ failed, so the next run sends it). */
function settle(dir: string, arrived: string[], lost: string[]): number {
  const ledger = new Ledger(dir);
  const moves = [...arrived.map((name) => ({ name, to: 'sent' as const })), ...lost.map((name) => ({ name, to: 'failed' as const }))];
  for (const { name, to } of moves) {
    const key = parseMessageName(name);
    if (!key) throw new CliError(`"${name}" is not a message name: write channel:update[:recipient], as the report prints it (e.g. ops:2026-11-23-api-errors/2026-11-23T0905Z)`, 2);
    const { state } = ledger.state(key);
    if (state !== 'unsure') throw new CliError(`${name} is ${state === 'new' ? 'not in the ledger at ' + dir : state}, not unsure: only unsure messages are settled by hand`, 2);
    ledger.move(key, to, { attempt: 'by hand', detail: to === 'sent' ? 'a person confirmed it arrived' : 'a person confirmed it did not arrive' });
    console.log(`${name}: ${to === 'sent' ? 'recorded as sent' : 'recorded as failed; the next run sends it'}`);
  }
  console.log(`\nnow commit and push the ledger: git -C ${dir} commit -am "Settle unsure notifications" && git -C ${dir} push origin HEAD:candor-ledger`);
  return 0;
}

function print(r: NotifyReport, ledgerDir: string): void {
  for (const x of r.results) {
    const who = `${x.channel} ← ${x.update}${x.to ? ` (${x.to})` : ''}`;
    if (x.result === 'preview') console.log(`\n=== ${who}\n${x.preview}`);
    else console.log(`${x.result.padEnd(12)} ${who}${x.detail ? `: ${x.detail}` : ''}`);
  }
  for (const w of r.websub) if (!w.ok) console.log(`${'failed'.padEnd(12)} WebSub ping for ${w.feed}: ${w.detail}`);
  const missing = r.results.filter((x) => x.result === 'failed' || x.result === 'held').length;
  const unsure = r.results.filter((x) => x.result === 'unsure');
  if (r.results.some((x) => x.result === 'reserved')) console.log(`\n${r.results.filter((x) => x.result === 'reserved').length} message(s) reserved; save the ledger, then send`);
  else if (r.dryRun) console.log(`\ndry run: ${r.results.filter((x) => x.result === 'preview').length} message(s) would be sent; nothing was sent or recorded`);
  else {
    if (missing) console.error(`\n${missing} message(s) not delivered; they are recorded as failed and sent by the next run: re-run the notify job (in GitHub Actions: Re-run failed jobs) or push again once the receiver is back`);
    if (unsure.length) console.error(`\n${unsure.length} message(s) unsure: each went out and no answer came (or the attempt sending it left no record), so it may have arrived and is not sent again by itself. Check the channel, then on a checkout of the candor-ledger branch run\n  candor notify --ledger ${ledgerDir} ${unsure.map((x) => `--arrived ${messageName(x)}`).join(' ')}\n(or --lost for those that did not arrive: the next run sends them), and push the branch. ${docsUrl('notifications')}`);
    if (!missing && !unsure.length && !r.websub.some((w) => !w.ok)) console.log(`\nall delivered${r.advanced ? `; ledger position is now ${r.range.until.slice(0, 7)}` : ''}`);
  }
}
