// Reads Statuspage API documents from disk: which is which is told by their fields, not their names,
// and an incident present in several (summary.json and incidents.json) is read once.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Kind } from '../../../site/model/states.ts';
import { CliError } from '../../lib/cli-error.ts';
import type { Report } from '../report.ts';
import { componentSchema, documentSchema, firstProblem, incidentSchema, type SpComponent, type SpIncident, type SpPage } from './schema.ts';

export interface SpInput {
  page: SpPage;
  /** From components.json or summary.json; undefined when no file had a component list. */
  components?: SpComponent[];
  incidents: { incident: SpIncident; kind: Kind; file: string }[];
}

export function readStatuspage(paths: string[], report: Report): SpInput {
  const problems: string[] = [];
  const input: SpInput = { page: {}, incidents: [] };
  const byId = new Map<string, SpInput['incidents'][number]>();
  const components = new Map<string, SpComponent>();
  let listed = false;

  for (const path of paths) {
    const file = basename(path);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      problems.push(`${path}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a folder, not a JSON file' : `is not JSON (${err.message})`}`);
      continue;
    }
    const doc = documentSchema.safeParse(json);
    const fields = doc.success && !Array.isArray(doc.data) ? doc.data : undefined;
    const incidents = doc.success && Array.isArray(doc.data) ? doc.data : fields?.incidents;
    if (!doc.success || (!incidents && !fields?.scheduled_maintenances && !fields?.components)) {
      problems.push(`${path}: is not a Statuspage API document (expected "incidents", "scheduled_maintenances" or "components", as in /api/v2/incidents.json)`);
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
      if (!seen || incident.incident_updates.length >= seen.incident.incident_updates.length) byId.set(incident.id, { incident, kind, file });
    };
    for (const raw of incidents ?? []) take(raw);
    for (const raw of fields?.scheduled_maintenances ?? []) take(raw, 'maintenance');
  }
  // Naming a file that is missing or is not an export is a usage error: nothing was imported.
  if (problems.length) throw new CliError(`cannot read the Statuspage export:\n${problems.map((p) => `  ${p}`).join('\n')}`, 2);
  input.incidents = [...byId.values()];
  if (listed) input.components = [...components.values()];
  return input;
}

function nameOf(raw: unknown): string {
  const r = raw as { name?: unknown; id?: unknown } | null;
  if (r && typeof r.name === 'string') return `"${r.name}"`;
  if (r && typeof r.id === 'string') return `id ${r.id}`;
  return '(no name)';
}
