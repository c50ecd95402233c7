// What the scheduled check runs remember between runs, kept in the Actions cache (not in git, so a run that
// changes nothing commits nothing): per check its state (failing or not, since when, failed runs in a row) and
// the day in progress (runs, failures, response times), plus heartbeat pings received by dispatch. Losing it
// (the cache evicts entries unused for 7 days) costs the day's response times, nothing more: the day's counts are
// taken back from monitoring/<check>.json.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/** One run every 5 minutes is 288 a day; a day's samples are capped so the state stays small whatever the schedule. */
export const MAX_SAMPLES = 1440;

const daySchema = z.object({ date: z.iso.date(), runs: z.number().int().min(0), failures: z.number().int().min(0), latencies: z.array(z.number().int().min(0)).max(MAX_SAMPLES) });
const checkStateSchema = z.object({
  firstSeen: z.iso.datetime(),
  failing: z.boolean(),
  /** When the current state began (first failed run, or first passing run after failures). */
  since: z.iso.datetime().optional(),
  failedRuns: z.number().int().min(0),
  /** The last failure's kind, for the pull request. */
  reason: z.string().max(300).optional(),
  today: daySchema.optional(),
});
export const runStateSchema = z.object({
  checks: z.record(z.string(), checkStateSchema).default({}),
  heartbeats: z.record(z.string(), z.iso.datetime()).default({}),
});

export type Day = z.infer<typeof daySchema>;
export type CheckState = z.infer<typeof checkStateSchema>;
export type RunState = z.infer<typeof runStateSchema>;

/** The state file, or a fresh start when there is none or it cannot be read (said on stderr, never fatal). */
export function readRunState(path: string): RunState {
  if (!existsSync(path)) return { checks: {}, heartbeats: {} };
  try {
    return runStateSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    console.error(`monitor: ${path} is not a state file Candor wrote; starting afresh`);
    return { checks: {}, heartbeats: {} };
  }
}
