// `candor monitor`: run the declared checks once (the Monitor workflow does, on a schedule), keep their state,
// write measured days when worth a commit, and draft incidents for what started failing (docs: monitoring).
import { resolve } from 'node:path';
import { docsUrl } from '../../site/model/docs.ts';
import { nowOf, parse, rootOf } from '../lib/args.ts';
import { CliError } from '../lib/cli-error.ts';
import { checkMonitoringRefs } from '../monitor/config-refs.ts';
import { loadValidOrFail } from '../lib/load.ts';
import { runChecks, writeRunState } from '../monitor/run-checks.ts';
import { readRunState } from '../monitor/run-state.ts';
import { runDrafts } from '../monitor/run-drafts.ts';
import { mergeSignals, outageKey } from '../monitor/signal.ts';

const HELP = `Usage: candor monitor [--state FILE] [--dry-run] [--base BRANCH]
       candor monitor --heartbeat CHECK_ID [--state FILE]

Runs every check in the config's monitoring.checks once (http, tcp, heartbeat). Keeps each check's state and
today's counts in --state (the workflow keeps it in the Actions cache), writes monitoring/<check>.json only when
a check is new, a day ended or a check flipped, and prints changed=true|false for $GITHUB_OUTPUT. A check that
starts failing opens one draft incident (a pull request; needs GITHUB_TOKEN); one that recovers proposes the
all-clear. --heartbeat records a ping for a heartbeat check (a repository_dispatch from the job).

  --state FILE    the run state (default: .candor/monitor-state.json)
  --dry-run       run the checks and write the files, but open no drafts
  --base BRANCH   the branch drafts are pull requests into (default: main)
${docsUrl('monitoring')}`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, { state: { type: 'string' }, 'dry-run': { type: 'boolean' }, base: { type: 'string' }, heartbeat: { type: 'string' } });
  if (values.help) return console.log(HELP), 0;
  const root = rootOf(values.root);
  const now = nowOf(values.now);
  const statePath = resolve(root, values.state ?? '.candor/monitor-state.json');
  const { site } = await loadValidOrFail(root, now);
  checkMonitoringRefs(site.config);
  const state = readRunState(statePath);
  if (values.heartbeat !== undefined) {
    const check = site.config.monitoring.checks.find((c) => c.id === values.heartbeat);
    if (!check?.heartbeat) throw new CliError(`--heartbeat: no heartbeat check "${values.heartbeat}" in monitoring.checks`, 2);
    state.heartbeats[check.id] = now.toISOString();
    await writeRunState(statePath, state);
    console.error(`${check.id}: ping recorded at ${now.toISOString()}`);
    return 0;
  }
  const round = await runChecks(root, site.config, state, now);
  await writeRunState(statePath, state);
  for (const line of round.lines) console.error(line);
  const signals = mergeSignals(round.signals);
  if (values['dry-run']) for (const s of signals) console.error(`${outageKey(s)} ${s.state} since ${s.since.toISOString()} (${s.source})`);
  else if (signals.length) for (const line of await runDrafts(root, site, signals, values.base ?? 'main', now)) console.error(line);
  console.error(round.written.length ? `wrote ${round.written.join(', ')}` : 'nothing worth a commit');
  console.log(`changed=${round.written.length > 0}`);
  return 0;
}
