// The import in this process, as `candor import` runs it (read → draft → plan → one writer → the build's loader),
// for tests of what the imported site says; the CLI's own exit codes and output are tested in the build project.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cstateDraft } from '../../scripts/import/cstate/map.ts';
import { readCstate } from '../../scripts/import/cstate/read.ts';
import { planImport } from '../../scripts/import/plan.ts';
import { Report } from '../../scripts/import/report.ts';
import { statuspageDraft } from '../../scripts/import/statuspage/map.ts';
import { readStatuspage } from '../../scripts/import/statuspage/read.ts';
import { writeNew } from '../../scripts/lib/write.ts';
import { loadSite } from '../../site/model/load/index.ts';
import type { Site } from '../../site/model/site.ts';
import { statuspageDocuments } from '../../site/model/statuspage/documents.ts';
import { FIXTURES } from '../helpers/paths.ts';

/** Real captured documents; see PROVENANCE.md there. */
export const REAL = join(FIXTURES, 'import', 'real');

/** A new empty folder. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'candor-import-'));
}

export interface Imported {
  root: string;
  site: Site;
  report: Report;
  /** The report as the command prints it. */
  text: string;
}

export async function importInProcess(source: 'statuspage' | 'cstate', inputs: string[], now: string, timeZone = 'UTC'): Promise<Imported> {
  const report = new Report();
  const root = scratchDir();
  const draft = source === 'statuspage' ? statuspageDraft(readStatuspage(inputs, report), report) : cstateDraft(readCstate(inputs[0]!, report), timeZone, report);
  const plan = planImport(draft, root, `candor import ${source}`, report);
  await writeNew(root, plan.files);
  const loaded = await loadSite(root, { now: new Date(now) });
  if (!loaded.ok) throw new Error(`the import does not pass candor check: ${JSON.stringify(loaded.errors)}\n${report.format()}`);
  return { root, site: loaded.value, report, text: report.format() };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The /api/v2 documents the site serves at `now`. */
export function apiAt(site: Site, now: string): Record<string, Json> {
  return statuspageDocuments({ site, mirror: site.config.mirrors[0]!, now: new Date(now), incidentUrl: () => 'https://status.example/' }) as Record<string, Json>;
}
