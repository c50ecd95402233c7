// Reads Statuspage API documents from disk: which is which is told by their fields, not their names, a folder
// stands for every JSON file in it (archives keep one file per incident), and an incident present in several
// files is read once, from its newest capture.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Kind } from '../../../site/model/states.ts';
import { CliError } from '../../lib/cli-error.ts';
import type { Report } from '../report.ts';
import { componentSchema, documentSchema, firstProblem, incidentSchema, isBareIncident, type SpComponent, type SpIncident, type SpPage } from './schema.ts';

export interface SpInput {
  page: SpPage;
  /** From components.json or summary.json; undefined when no file had a component list. */
  components?: SpComponent[];
  incidents: { incident: SpIncident; kind: Kind; file: string }[];
}

const EXPECTED = 'expected "incidents", "scheduled_maintenances", "components" or "incident", as in /api/v2/incidents.json or /api/v2/incidents/<id>.json, or one incident object with "incident_updates"';

export function readStatuspage(paths: string[], report: Report): SpInput {
  const problems: string[] = [];
  const input: SpInput = { page: {}, incidents: [] };
  const byId = new Map<string, SpInput['incidents'][number]>();
  const components = new Map<string, SpComponent>();
  let listed = false;

  for (const { path, file } of filesOf(paths, problems)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      problems.push(`${path}: ${err.code === 'ENOENT' ? 'no such file' : `is not JSON (${err.message})`}`);
      continue;
    }
    const bare = isBareIncident(json);
    const doc = bare ? undefined : documentSchema.safeParse(json);
    const fields = doc?.success && !Array.isArray(doc.data) ? doc.data : undefined;
    const incidents = bare ? [json] : doc?.success && Array.isArray(doc.data) ? doc.data : [...(fields?.incidents ?? []), ...(fields?.incident ? [fields.incident] : [])];
    if (!bare && (!doc?.success || (!incidents.length && !fields?.incidents && !fields?.scheduled_maintenances && !fields?.components))) {
      problems.push(`${path}: is not a Statuspage API document (${EXPECTED})`);
      continue;
    }
    if (fields?.page && !input.page.name) input.page = fields.page;
    for (const raw of fields?.components ?? []) {
      listed = true;
      const c = componentSchema.safeParse(raw);
      if (c.success) components.set(c.data.id, c.data);
      else report.fail(`${file}: component ${nameOf(raw)}`, `unreadable (${firstProblem(c.error)})`);
    }
    const take = (raw: unknown, listKind?: Kind) => {
      const parsed = incidentSchema.safeParse(raw);
      if (!parsed.success) return report.fail(`${file}: ${listKind === 'maintenance' ? 'maintenance' : 'incident'} ${nameOf(raw)}`, `unreadable (${firstProblem(parsed.error)})`);
      const incident = parsed.data;
      // incidents.json lists maintenance too; it is the one with a window.
      const kind: Kind = listKind ?? (incident.scheduled_for || incident.impact === 'maintenance' ? 'maintenance' : 'incident');
      const seen = byId.get(incident.id);
      const next = { incident, kind, file };
      if (!seen) return void byId.set(incident.id, next);
      const newer = newerCapture(seen, next);
      byId.set(incident.id, newer);
      if (sameCapture(seen.incident, incident)) {
        report.tally('{n} incident(s) appeared again, unchanged, in another file; read once');
      } else {
        const older = newer === next ? seen : next;
        report.note(`"${incident.name}" (id ${incident.id})`, `is in ${older.file} and ${newer.file}, which differ; kept the newer capture, from ${newer.file} (${captureOf(newer.incident)}, against ${captureOf(older.incident)})`);
      }
    };
    for (const raw of incidents) take(raw);
    for (const raw of fields?.scheduled_maintenances ?? []) take(raw, 'maintenance');
  }
  // Naming a file that is missing or is not an export is a usage error: nothing was imported.
  if (problems.length) throw new CliError(`cannot read the Statuspage export:\n${problems.map((p) => `  ${p}`).join('\n')}`, 2);
  input.incidents = [...byId.values()];
  if (listed) input.components = [...components.values()];
  return input;
}

/** The JSON files named, a folder standing for every .json file under it (in name order). */
function filesOf(paths: string[], problems: string[]): { path: string; file: string }[] {
  const out: { path: string; file: string }[] = [];
  for (const path of paths) {
    let folder = false;
    try {
      folder = statSync(path).isDirectory();
    } catch {
      // Missing: reported when it is read.
    }
    if (!folder) {
      out.push({ path, file: path.split(/[\\/]/).pop()! });
      continue;
    }
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name.startsWith('.')) continue;
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.toLowerCase().endsWith('.json')) found.push(full);
      }
    };
    walk(path);
    if (!found.length) problems.push(`${path}: is a folder with no .json files in it`);
    for (const full of found) out.push({ path: full, file: relative(join(path, '..'), full).split(/[\\/]/).join('/') });
  }
  return out;
}

const time = (s: string | null | undefined) => (s ? Date.parse(s) : NaN);

/** When a capture was taken, as far as it says: its updated_at, else its newest update. */
function capturedAt(i: SpIncident): number {
  const own = time(i.updated_at);
  if (!Number.isNaN(own)) return own;
  return Math.max(-Infinity, ...i.incident_updates.map((u) => time(u.created_at)).filter((t) => !Number.isNaN(t)));
}

/** Of two captures of one incident, the newer: the later updated_at, then more updates, then the file read last. */
function newerCapture<T extends { incident: SpIncident }>(a: T, b: T): T {
  const ta = capturedAt(a.incident), tb = capturedAt(b.incident);
  if (ta !== tb) return tb > ta ? b : a;
  return b.incident.incident_updates.length >= a.incident.incident_updates.length ? b : a;
}

function sameCapture(a: SpIncident, b: SpIncident): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function captureOf(i: SpIncident): string {
  return `${i.updated_at ? `updated_at ${i.updated_at}` : 'no updated_at'}, ${i.incident_updates.length} update(s)`;
}

function nameOf(raw: unknown): string {
  const r = raw as { name?: unknown; id?: unknown } | null;
  if (r && typeof r.name === 'string') return `"${r.name}"`;
  if (r && typeof r.id === 'string') return `id ${r.id}`;
  return '(no name)';
}
