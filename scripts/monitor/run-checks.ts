// One scheduled round: every declared check runs once; its state and day go into the run state (the Actions
// cache); `monitoring/<check>.json` is written only when it is worth a commit — the check is new, a day ended, or
// the check flipped between passing and failing — so a run every 5 minutes does not commit every 5 minutes.
// Flips become signals for the draft writer, and so does reaching `auto_publish_after`.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Config } from '../../site/model/schema/config.ts';
import { measurementsSchema, type Check, type Measurements } from '../../site/model/schema/monitoring.ts';
import { replaceWhole } from '../lib/write.ts';
import { recordRun, withDay } from './measure.ts';
import { probe, type ProbeResult } from './probe.ts';
import type { RunState } from './run-state.ts';
import type { Signal } from './signal.ts';

export const MEASURED_DIR = 'monitoring';
export const HEARTBEAT_DIR = 'monitoring/heartbeats';

export interface Round {
  signals: Signal[];
  /** Files under monitoring/ written this round (relative paths): commit when there are any. */
  written: string[];
  lines: string[];
}

export async function runChecks(root: string, config: Config, state: RunState, now: Date, run: typeof probe = probe): Promise<Round> {
  const round: Round = { signals: [], written: [], lines: [] };
  const results = await Promise.all(config.monitoring.checks.map(async (check) => {
    const before = state.checks[check.id] ?? { firstSeen: now.toISOString(), failing: false, failedRuns: 0 };
    const ping = latest(state.heartbeats[check.id], pingFile(root, check.id, round.lines));
    return { check, before, result: await run(check, ping, new Date(before.firstSeen), now) };
  }));
  for (const { check, before, result } of results) {
    const path = `${MEASURED_DIR}/${check.id}.json`;
    let file = readMeasurements(root, path, round.lines);
    const recorded = recordRun(before, result, now, file?.days.at(-1));
    state.checks[check.id] = recorded.state;
    round.lines.push(`${check.id}: ${result.ok ? 'ok' : `FAILED (${result.reason})`}${result.ms !== undefined ? ` in ${result.ms} ms` : ''}${recorded.state.failing ? `, ${recorded.state.failedRuns} failed run(s) in a row` : ''}`);
    if (recorded.finishedDay || recorded.flipped || !file) {
      if (recorded.finishedDay) file = withDay(file, check.id, recorded.finishedDay, config.uptime.days);
      file = withDay(file, check.id, recorded.state.today!, config.uptime.days);
      await mkdir(join(root, MEASURED_DIR), { recursive: true });
      await replaceWhole(join(root, path), `${JSON.stringify(file, null, 2)}\n`);
      round.written.push(path);
    }
    const signal = signalOf(check, recorded.state.failing, recorded.flipped, recorded.state, result);
    if (signal) round.signals.push(signal);
  }
  return round;
}

function signalOf(check: Check, failing: boolean, flipped: boolean, s: RunState['checks'][string], result: ProbeResult): Signal | undefined {
  const reachedAuto = failing && check.auto_publish_after !== undefined && s.failedRuns === check.auto_publish_after;
  if (!flipped && !reachedAuto) return undefined;
  return {
    component: check.component,
    regions: check.regions,
    state: failing ? 'failing' : 'passing',
    since: new Date(s.since!),
    source: `check ${check.id}`,
    detail: failing ? [`check ${check.id} (${check.http ? 'http' : check.tcp ? 'tcp' : 'heartbeat'}): ${result.reason}; ${s.failedRuns} failed run(s) in a row since ${s.since}`] : [],
    failedRuns: s.failedRuns,
    autoPublishAfter: check.auto_publish_after,
    impact: check.impact,
  };
}

/** A job's ping: `monitoring/heartbeats/<id>` committed with the time of the ping on its first line. */
function pingFile(root: string, id: string, lines: string[]): string | undefined {
  const path = join(root, HEARTBEAT_DIR, id);
  if (!existsSync(path)) return undefined;
  const first = readFileSync(path, 'utf8').split('\n')[0]!.trim();
  if (Number.isNaN(Date.parse(first)) || !/(Z|[+-]\d{2}:\d{2})$/.test(first)) {
    lines.push(`${HEARTBEAT_DIR}/${id}: first line "${first.slice(0, 40)}" is not a time with a zone (like 2026-12-05T10:00:00Z); ignored`);
    return undefined;
  }
  return first;
}

function latest(...times: (string | undefined)[]): Date | undefined {
  const ms = times.filter((t): t is string => Boolean(t)).map((t) => Date.parse(t));
  return ms.length ? new Date(Math.max(...ms)) : undefined;
}

function readMeasurements(root: string, path: string, lines: string[]): Measurements | undefined {
  const full = join(root, path);
  if (!existsSync(full)) return undefined;
  try {
    return measurementsSchema.parse(JSON.parse(readFileSync(full, 'utf8')));
  } catch {
    lines.push(`${path}: not a measured-days file Candor reads; starting it again`);
    return undefined;
  }
}

export async function writeRunState(path: string, state: RunState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // Candor's own working folder (as drafts.ts keeps it): the state is never content, and never committed.
  const ignore = join(dirname(path), '.gitignore');
  if (basename(dirname(path)) === '.candor' && !existsSync(ignore)) await writeFile(ignore, '# Candor keeps unfinished answers and run state here; they are not content.\n*\n');
  await writeFile(path, `${JSON.stringify(state)}\n`);
}
