// Writes monitoring/<check>.json for the shipped example: 90 days of what its checks would have measured, the
// same bytes on every run (a seeded generator), so `git diff` stays quiet. Run: node scripts/example-measurements.ts
//
// Honest against incidents/: the North American API check fails for the 45 minutes of the 9 November outage
// (2026-11-09-web-app-and-api-down-north-america) and for a share of runs during the 3 September errors; a few
// single failed runs no one declared show that measured and declared uptime differ; the European check's runner
// was down for a day (no data, counted neither up nor down).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MeasuredDay, Measurements } from '../site/model/schema/monitoring.ts';

const ROOT = join(import.meta.dirname, '..');
const DAY = 86_400_000;
/** The example's clock (candor.config.yaml `example_clock`): the last day is measured up to it. */
const CLOCK = Date.parse('2026-11-23T08:40:00Z');
const RUNS_PER_DAY = 288; // one run every 5 minutes

/** Deterministic 0…1 numbers (mulberry32), seeded by the check's id. */
function random(seed: string): () => number {
  let a = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761), 7) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Plan {
  id: string;
  /** Typical median response time. */
  p50: number;
  /** Failed runs on given days (beyond the occasional blip). */
  failures: Record<string, number>;
  /** Slower days: factor on response times. */
  slow?: Record<string, number>;
  /** Days the runner did not run at all. */
  gaps?: string[];
}

const PLANS: Plan[] = [
  {
    id: 'api-na',
    p50: 140,
    // 16:02–16:47 UTC down: 9 runs of 5 minutes; 3 September: about a third of runs for 80 minutes.
    failures: { '2026-11-09': 9, '2026-09-03': 6 },
    slow: { '2026-11-09': 3, '2026-09-03': 2 },
  },
  { id: 'api-eu', p50: 95, failures: {}, gaps: ['2026-10-02'] },
];

function measure(plan: Plan): Measurements {
  const next = random(plan.id);
  const days: MeasuredDay[] = [];
  const last = Math.floor(CLOCK / DAY) * DAY;
  for (let t = last - 89 * DAY; t <= last; t += DAY) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (plan.gaps?.includes(date)) {
      days.push({ date, runs: 0, failures: 0 });
      continue;
    }
    const runs = t === last ? Math.floor((CLOCK - last) / 300_000) : RUNS_PER_DAY;
    // About one day in twelve has one failed run no incident mentions (a blip too short to declare).
    const blip = next() < 1 / 12 ? 1 : 0;
    const failures = (plan.failures[date] ?? 0) + blip;
    const slow = plan.slow?.[date] ?? 1;
    const p50 = Math.round(plan.p50 * (0.9 + next() * 0.2) * (slow > 1 ? 1.2 : 1));
    const p95 = Math.round(p50 * (2.2 + next() * 0.6) * slow);
    days.push({ date, runs, failures, p50_ms: p50, p95_ms: p95 });
  }
  return { check: plan.id, days };
}

const dir = join(ROOT, 'monitoring');
mkdirSync(dir, { recursive: true });
for (const plan of PLANS) {
  const m = measure(plan);
  // One day per line: a new day is a one-line diff.
  const body = `{\n  "check": ${JSON.stringify(m.check)},\n  "days": [\n${m.days.map((d) => `    ${JSON.stringify(d)}`).join(',\n')}\n  ]\n}\n`;
  writeFileSync(join(dir, `${plan.id}.json`), body);
  console.log(`wrote monitoring/${plan.id}.json (${m.days.length} days)`);
}
