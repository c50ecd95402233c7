// The site without its broken parts: one incident folder (or announcement) with a mistake must not stop everyone
// else from posting and publishing. Every problem the loader reports is in one file, so each belongs to the part
// that holds it; a part with problems is left out and the rest is loaded as it is. Only a problem outside every
// part (the config, an incidents/ folder that is a link) still stops everything: without a valid config nothing
// can be checked at all.
import type { ContentError } from '../errors.ts';
import type { Site } from '../site.ts';
import { ANNOUNCEMENTS_DIR, latestFirst } from './announcements.ts';
import { MONITORING_DIR } from './measurements.ts';
import { INCIDENTS_DIR, loadSite, newestFirst, type LoadOptions } from './index.ts';

/** A part of the content left out, with every problem found in it. */
export interface BrokenPart {
  /** `incidents/<folder>`, `announcements/<file>` or `monitoring/<file>`, relative to the site root. */
  path: string;
  errors: ContentError[];
}

export type PartialLoad =
  | { ok: true; site: Site; broken: BrokenPart[] }
  /** Problems no part holds (the config): nothing can be loaded. `errors` lists every problem found. */
  | { ok: false; errors: ContentError[] };

/** The parts a site can do without: one incident folder, one announcement, one check's measurements. Anything else is the whole site's. */
const PARTS = [INCIDENTS_DIR, ANNOUNCEMENTS_DIR, MONITORING_DIR];

/** The part a file belongs to (`incidents/<folder>` for any file inside it), or undefined when it is the whole site's. */
export function partOf(file: string): string | undefined {
  const [top, name] = file.split('/');
  return top && name && PARTS.includes(top) ? `${top}/${name}` : undefined;
}

/** Sorts problems into the parts holding them; `whole` holds those of no part. */
export function sortByPart(errors: readonly ContentError[]): { parts: Map<string, ContentError[]>; whole: ContentError[] } {
  const parts = new Map<string, ContentError[]>();
  const whole: ContentError[] = [];
  for (const e of errors) {
    const part = partOf(e.file);
    if (!part) whole.push(e);
    else parts.set(part, [...(parts.get(part) ?? []), e]);
  }
  return { parts, whole };
}

/**
 * Loads every valid part of the site and names the broken ones. A healthy site costs one load, as loadSite; a
 * broken one a second, passing over what the first found broken (parts are checked on their own, so what was
 * valid stays valid without them).
 */
export async function loadValidParts(root: string, options: LoadOptions): Promise<PartialLoad> {
  const first = await loadSite(root, options);
  if (first.ok) return { ok: true, site: first.value, broken: [] };
  const { parts, whole } = sortByPart(first.errors);
  if (whole.length) return { ok: false, errors: first.errors };
  const rest = await loadSite(root, { ...options, skip: new Set([...(options.skip ?? []), ...parts.keys()]) });
  if (!rest.ok) return rest;
  return { ok: true, site: rest.value, broken: [...parts].map(([path, errors]) => ({ path, errors })) };
}

/**
 * `site` with each broken part as `previous` held it: the live preview keeps showing an incident as it last loaded
 * while someone's edit of it is broken, and everything else stays live.
 */
export function withPreviousParts(site: Site, previous: Site | undefined, broken: readonly BrokenPart[]): Site {
  if (!previous || broken.length === 0) return site;
  const paths = new Set(broken.map((b) => b.path));
  const kept = (file: string) => paths.has(partOf(file) ?? '');
  return {
    ...site,
    incidents: [...site.incidents, ...previous.incidents.filter((i) => kept(i.dir))].sort(newestFirst),
    announcements: [...site.announcements, ...previous.announcements.filter((a) => kept(a.file))].sort(latestFirst),
    measurements: { ...Object.fromEntries(Object.entries(previous.measurements).filter(([id]) => kept(`${MONITORING_DIR}/${id}.json`))), ...site.measurements },
  };
}
