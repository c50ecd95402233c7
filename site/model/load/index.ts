// loadSite: read, parse and validate every file once, and report every problem at once.
import { existsSync, lstatSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sortErrors, type ContentError, type Result } from '../errors.ts';
import type { Incident, Site } from '../site.ts';
import { readAnnouncements } from './announcements.ts';
import { checkIncident, checkRawReferences } from './checks.ts';
import { linkProblem } from './files.ts';
import { configuredLocales, readConfig } from './config.ts';
import { readMeasurements } from './measurements.ts';
import { folderNameProblem, readIncidentFolder, type FolderResult, type LineIndex, type RejectedFile } from './folder.ts';
import { cacheable, folderKey, type FolderCache } from './folder-cache.ts';
import { incidentDigest, rememberDigest } from '../incident-digest.ts';

export const INCIDENTS_DIR = 'incidents';
/** Files allowed directly in incidents/ besides incident folders. */
const LOOSE_FILES = new Set(['README.md']);

export interface LoadOptions {
  /** The moment the site is built for; updates after it are errors. */
  now: Date;
  /** Folders read before, by content (folder-cache.ts): unchanged ones are not parsed again. */
  folders?: FolderCache;
  /**
   * Parts of the content to pass over, as `incidents/<folder>`, `announcements/<file>` or `monitoring/<file>` (partial.ts): a folder
   * with problems, so the rest of the site can still be published and written to.
   */
  skip?: ReadonlySet<string>;
}

export async function loadSite(rootDir: string, { now, folders, skip }: LoadOptions): Promise<Result<Site>> {
  const root = resolve(rootDir);
  const errors: ContentError[] = [];
  const { config, brand, errors: configErrors } = await readConfig(root);
  errors.push(...configErrors);

  const dir = join(root, INCIDENTS_DIR);
  const incidents: Incident[] = [];
  const drafts: string[] = [];
  const lines: LineIndex = new Map();
  const linkedOut = existsSync(dir) && lstatSync(dir).isSymbolicLink() ? linkProblem(root, dir) : undefined;
  if (linkedOut) errors.push({ file: INCIDENTS_DIR, message: linkedOut, fix: 'keep the incident folders in the repository itself, not behind a link' });
  const rejected: RejectedFile[] = [];
  const standIns: Incident[] = [];
  let fromCache = 0;
  if (existsSync(dir) && !linkedOut) {
    const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
    const results = await mapLimited(
      entries,
      async (entry) => {
        const file = `${INCIDENTS_DIR}/${entry.name}`;
        if (skip?.has(file)) return { errors: [], rejected: [] };
        if (!entry.isDirectory()) {
          if (LOOSE_FILES.has(entry.name)) return { errors: [], rejected: [] };
          return { rejected: [], errors: [{ file, message: 'is not inside an incident folder', fix: 'move it into incidents/<YYYY-MM-DD>-<slug>/ (updates are named like 2026-11-22T1014Z.md)' }] };
        }
        const problem = folderNameProblem(entry.name);
        if (problem) {
          // Its files are still read and checked (never built), so one run reports the name and every problem inside.
          const read = await readIncidentFolder(root, join(dir, entry.name), lines);
          const nameError = { file, message: problem, fix: 'name incident folders like 2026-11-22-card-payments (date it started, then a short lowercase slug)' };
          return { errors: [nameError, ...read.errors], rejected: read.rejected, standIn: read.incident ?? read.standIn };
        }
        if (!folders) return readIncidentFolder(root, join(dir, entry.name), lines);
        const key = folderKey(file, join(dir, entry.name), folders.known);
        const known = folders.get(key);
        if (known) {
          fromCache++;
          if (known.incident && known.digest) rememberDigest(known.incident, known.digest);
          return known;
        }
        const read: FolderResult = await readIncidentFolder(root, join(dir, entry.name), lines);
        if (cacheable(read)) folders.set(key, { ...read, digest: incidentDigest(read.incident!) });
        return read;
      },
    );
    for (const r of results) {
      errors.push(...r.errors);
      if ('incident' in r && r.incident) incidents.push(r.incident);
      if ('drafts' in r && r.drafts) drafts.push(...r.drafts);
      if ('standIn' in r && r.standIn) standIns.push(r.standIn);
      rejected.push(...r.rejected);
    }
  }

  const { announcements, errors: announcementErrors } = await readAnnouncements(root, now, skip);
  errors.push(...announcementErrors);

  if (config) {
    const { measurements, errors: measurementErrors } = await readMeasurements(root, config, skip);
    errors.push(...measurementErrors);
    const locales = configuredLocales(config);
    for (const incident of [...incidents, ...standIns]) errors.push(...checkIncident(incident, config, locales, now, lines));
    for (const r of rejected) errors.push(...checkRawReferences(r, config, lines));
    if (errors.length === 0) {
      incidents.sort(newestFirst);
      return { ok: true, value: { root, config, brand: brand!, incidents, announcements, locales, drafts: drafts.sort(), measurements } };
    }
  }
  // A problem found in a folder that came from the cache (a component it names left the config, say) is reported
  // with its line, which only a fresh read knows: failing runs read everything again.
  if (fromCache > 0) return loadSite(root, { now, skip });
  return { ok: false, errors: sortErrors(errors) };
}

/** The order of Site.incidents: newest start first, then by id. */
export const newestFirst = (a: Incident, b: Incident): number => b.started.getTime() - a.started.getTime() || a.id.localeCompare(b.id);

/**
 * Folders read at a time. Reading every folder at once held every file's text and parse in memory together: at
 * thousands of incidents, hundreds of megabytes for a moment, for no speed (the disk and one core are the limit).
 */
const FOLDERS_AT_ONCE = 32;

/** `Promise.all(items.map(fn))`, with at most FOLDERS_AT_ONCE calls under way; results in the items' order. */
async function mapLimited<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(FOLDERS_AT_ONCE, items.length) }, worker));
  return results;
}
