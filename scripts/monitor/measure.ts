// One run's result into a check's state, and the state's day into the measured-days file the pages read
// (site/model/schema/monitoring.ts): pure, so what counts as a change worth committing is tested directly.
import type { MeasuredDay, Measurements } from '../../site/model/schema/monitoring.ts';
import type { ProbeResult } from './probe.ts';
import { MAX_SAMPLES, type CheckState, type Day } from './run-state.ts';

export interface Recorded {
  state: CheckState;
  /** The state flipped (passing ↔ failing) with this run. */
  flipped: boolean;
  /** A day ended with this run: the finished day, to be written before the new one starts. */
  finishedDay?: Day;
}

export function recordRun(before: CheckState, result: ProbeResult, now: Date, seed?: MeasuredDay): Recorded {
  const date = now.toISOString().slice(0, 10);
  const current = before.today;
  const finishedDay = current && current.date !== date ? current : undefined;
  // A lost cache mid-day: the day's counts come back from the committed file (its response times do not).
  const start: Day = current && current.date === date ? current : { date, runs: seed?.date === date ? seed.runs : 0, failures: seed?.date === date ? seed.failures : 0, latencies: [] };
  const today: Day = {
    date,
    runs: start.runs + 1,
    failures: start.failures + (result.ok ? 0 : 1),
    latencies: result.ok && result.ms !== undefined ? [...start.latencies, result.ms].slice(-MAX_SAMPLES) : start.latencies,
  };
  const failing = !result.ok;
  const flipped = failing !== before.failing;
  return {
    flipped,
    finishedDay,
    state: {
      firstSeen: before.firstSeen,
      failing,
      since: flipped || !before.since ? now.toISOString() : before.since,
      failedRuns: failing ? before.failedRuns + 1 : 0,
      reason: failing ? result.reason : undefined,
      today,
    },
  };
}

/** The measured days with `day` put in (replacing the same date), newest last, at most `keep` days. */
export function withDay(file: Measurements | undefined, check: string, day: Day, keep: number): Measurements {
  const days = (file?.days ?? []).filter((d) => d.date !== day.date);
  days.push(measured(day));
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { check, days: days.slice(-keep) };
}

function measured(day: Day): MeasuredDay {
  const sorted = [...day.latencies].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  return { date: day.date, runs: day.runs, failures: day.failures, ...(sorted.length ? { p50_ms: rank(0.5), p95_ms: rank(0.95) } : {}) };
}
