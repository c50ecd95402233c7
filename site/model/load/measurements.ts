// Reads monitoring/<check-id>.json: the days each declared check measured (written by the check runner, never by
// hand). Each file is a part of its own: a broken one is left out with its problem, the rest of the site builds.
import { existsSync, lstatSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentError } from '../errors.ts';
import type { Config } from '../schema/config.ts';
import { issuesToErrors } from '../schema/issues.ts';
import { measurementsSchema, type Measurements } from '../schema/monitoring.ts';
import { knownList } from '../suggest.ts';
import { linkProblem, readText } from './files.ts';

export const MONITORING_DIR = 'monitoring';
/** Files allowed in monitoring/ besides measurement files (the check runner may keep notes there). */
const LOOSE_FILES = new Set(['README.md']);
/** Heartbeat pings (`heartbeats/<check-id>`, scripts/monitor/run-checks.ts) live beside the measurements. */
const PING_FOLDER = 'heartbeats';
const FIX_FORMAT = 'it is written by the check runner as { "check": "<id>", "days": [{ "date": "2026-11-22", "runs": 288, "failures": 0, "p50_ms": 120, "p95_ms": 340 }] }; run it again or delete the file';

/** Measurements by check id, for the checks the config declares. `skip`: files to pass over (LoadOptions.skip). */
export async function readMeasurements(root: string, config: Config, skip?: ReadonlySet<string>): Promise<{ measurements: Record<string, Measurements>; errors: ContentError[] }> {
  const measurements: Record<string, Measurements> = {};
  const errors: ContentError[] = [];
  const dir = join(root, MONITORING_DIR);
  if (!existsSync(dir)) return { measurements, errors };
  const outside = lstatSync(dir).isSymbolicLink() ? linkProblem(root, dir) : undefined;
  if (outside) return { measurements, errors: [{ file: MONITORING_DIR, message: outside, fix: 'keep the measurement files in the repository itself, not behind a link' }] };
  const checks = new Map(config.monitoring.checks.map((c) => [c.id, c]));
  const components = config.components.map((c) => c.id);
  const regions = config.regions.map((r) => r.id);
  for (const entry of (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'))) {
    const file = `${MONITORING_DIR}/${entry.name}`;
    if (LOOSE_FILES.has(entry.name) || (entry.name === PING_FOLDER && entry.isDirectory()) || skip?.has(file)) continue;
    const problem = (message: string, fix: string, field?: string) => errors.push({ file, ...(field ? { field } : {}), message, fix });
    const id = entry.name.endsWith('.json') ? entry.name.slice(0, -5) : undefined;
    if (!entry.isFile() || !id) {
      problem('is not a measurement file', 'keep only <check-id>.json files here, as the check runner writes them');
      continue;
    }
    const check = checks.get(id);
    if (!check) {
      problem(`measures check "${id}", which monitoring.checks in candor.config.yaml does not declare`, `declare a check with id "${id}" under monitoring.checks (declared: ${[...checks.keys()].join(', ') || 'none'}), or delete the file`);
      continue;
    }
    if (!components.includes(check.component)) {
      problem(`belongs to check "${id}", whose component "${check.component}" is not in components`, `set the check's component in candor.config.yaml: ${knownList(check.component, components)}`);
      continue;
    }
    const unknownRegion = check.regions.find((r) => !regions.includes(r));
    if (unknownRegion) {
      problem(`belongs to check "${id}", whose region "${unknownRegion}" is not in regions`, `set the check's regions in candor.config.yaml: ${knownList(unknownRegion, regions)}`);
      continue;
    }
    const read = await readText(root, join(dir, entry.name));
    if (!read.ok) {
      errors.push(read.error);
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(read.text);
    } catch (e) {
      problem(`is not valid JSON (${(e as Error).message})`, FIX_FORMAT);
      continue;
    }
    const result = measurementsSchema.safeParse(data);
    if (!result.success) {
      errors.push(...issuesToErrors(result.error.issues, data, measurementsSchema, file, () => undefined));
      continue;
    }
    const fileErrors = dayProblems(result.data, id);
    if (fileErrors.length) {
      errors.push(...fileErrors.map((e) => ({ ...e, file })));
      continue;
    }
    measurements[id] = result.data;
  }
  return { measurements, errors };
}

/** What the schema cannot say: the file names its own check, days ascend without repeats, failures ≤ runs. */
function dayProblems(m: Measurements, id: string): Omit<ContentError, 'file'>[] {
  const errors: Omit<ContentError, 'file'>[] = [];
  if (m.check !== id) errors.push({ field: 'check', message: `is "${m.check}" in the file of check "${id}"`, fix: `set check to "${id}", or rename the file to ${m.check}.json` });
  m.days.forEach((d, i) => {
    const before = m.days[i - 1];
    if (before && before.date >= d.date) errors.push({ field: `days.${i}.date`, message: `${d.date} does not come after ${before.date}`, fix: 'list each UTC day once, oldest first' });
    if (d.failures > d.runs) errors.push({ field: `days.${i}.failures`, message: `${d.failures} failures in ${d.runs} runs`, fix: 'failures counts runs that failed, so it is at most runs' });
  });
  return errors;
}
