// "Publish what is valid; keep what was": the site a deploy build publishes when part of the content is broken.
// Every valid incident folder and announcement as it is now; for a broken one, its newest committed version that
// is valid against today's config (so an open incident stays open on the page), or nothing when no version is.
// A colleague's typo in one incident must not keep every other incident's update off the page. Only a broken
// config stops the build (loadValidParts): nothing can be checked without it.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatError, formatErrors, type ContentError } from '../../site/model/errors.ts';
import { latestFirst } from '../../site/model/load/announcements.ts';
import { CONFIG_FILE } from '../../site/model/load/config.ts';
import type { FolderCache } from '../../site/model/load/folder-cache.ts';
import { loadSite, newestFirst } from '../../site/model/load/index.ts';
import { loadValidParts, partOf, sortByPart, type BrokenPart } from '../../site/model/load/partial.ts';
import { unfilledSlots } from '../../site/model/lint/index.ts';
import type { Site } from '../../site/model/site.ts';
import { CliError } from './cli-error.ts';
import { versionsOf, writeVersion, type Version } from './git-versions.ts';

/**
 * Commits looked at per broken part, newest first. A part broken for longer than this many of its own commits
 * is left out rather than making every build walk its whole history.
 */
export const VERSIONS_TRIED = 50;

/** A broken part of the content and what the build published for it. Plain data: JSON.stringify gives the machine-readable list. */
export interface Fallback {
  /** `incidents/<folder>`, `announcements/<file>` or `monitoring/<file>`, relative to the site root. */
  path: string;
  /** Every problem of the version in the working tree: file, line, field, message, fix. */
  errors: ContentError[];
  /** The committed version published instead; absent when the part was left out of the site. */
  used?: Version;
  /** Why the part was left out, when it was. */
  leftOut?: string;
}

export interface Publishable {
  site: Site;
  /** Empty when all the content is valid. */
  fallbacks: Fallback[];
}

/**
 * The site to publish from `root`, with what was published instead of each broken part. Throws (CliError) only
 * when the site as a whole cannot be loaded: a broken config, an incidents/ folder that is a link.
 */
export async function loadPublishable(root: string, now: Date, folders?: FolderCache): Promise<Publishable> {
  const loaded = await loadValidParts(root, { now, folders });
  if (!loaded.ok) throw new CliError(`the content has problems:\n\n${formatErrors(loaded.errors)}`);
  // Unfilled {{placeholders}} are never published either: a part holding one is broken like an invalid one.
  const unfilled = unfilledParts(loaded.site);
  const broken = [...loaded.broken, ...unfilled];
  if (broken.length === 0) return { site: loaded.site, fallbacks: [] };
  const out = without(loaded.site, new Set(unfilled.map((p) => p.path)));
  const fallbacks: Fallback[] = [];
  for (const part of broken) {
    const version = await lastValidVersion(root, part, now);
    if ('leftOut' in version) {
      fallbacks.push({ ...part, leftOut: version.leftOut });
      continue;
    }
    out.incidents.push(...version.site.incidents);
    out.announcements.push(...version.site.announcements);
    out.drafts.push(...version.site.drafts);
    out.measurements = { ...out.measurements, ...version.site.measurements };
    fallbacks.push({ ...part, used: version.used });
  }
  out.incidents.sort(newestFirst);
  out.announcements.sort(latestFirst);
  out.drafts.sort();
  return { site: out, fallbacks: fallbacks.sort((a, b) => a.path.localeCompare(b.path)) };
}

/** The parts holding unfilled template placeholders, each with its findings as problems. */
function unfilledParts(site: Site): BrokenPart[] {
  const { parts } = sortByPart(unfilledSlots(site).map((f) => ({ file: f.file, line: f.line, message: f.message, fix: f.fix })));
  return [...parts].map(([path, errors]) => ({ path, errors }));
}

/** A copy of the site without these parts (its lists are copies, free to add to). */
function without(site: Site, parts: ReadonlySet<string>): Site {
  const keep = (file: string) => !parts.has(partOf(file) ?? '');
  return {
    ...site,
    incidents: site.incidents.filter((i) => keep(i.dir)),
    announcements: site.announcements.filter((a) => keep(a.file)),
    drafts: site.drafts.filter(keep),
  };
}

/**
 * Walks the part's history back from the newest commit that changed it, checking each version on its own beside
 * today's config, in a scratch folder: the working tree is never touched.
 */
async function lastValidVersion(root: string, part: BrokenPart, now: Date): Promise<{ site: Site; used: Version } | { leftOut: string }> {
  const history = versionsOf(root, part.path, VERSIONS_TRIED);
  if ('reason' in history) return { leftOut: history.reason };
  const scratch = mkdtempSync(join(tmpdir(), 'candor-version-'));
  try {
    for (const [i, version] of history.versions.entries()) {
      const dir = join(scratch, String(i));
      if (writeVersion(root, version.commit, part.path, dir) !== 'written') continue;
      copyFileSync(join(root, CONFIG_FILE), join(dir, CONFIG_FILE));
      const loaded = await loadSite(dir, { now });
      if (loaded.ok && unfilledSlots(loaded.value).length === 0) return { site: { ...loaded.value, root }, used: version };
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const looked = history.versions.length;
  if (looked === 0) return { leftOut: history.shallow ? 'it has no commit in this clone, which is shallow (check out with fetch-depth: 0)' : 'it was never committed' };
  const which = looked === VERSIONS_TRIED ? `its newest ${looked} committed versions` : `its ${looked} committed version${looked === 1 ? '' : 's'}`;
  const shallow = history.shallow ? '; this clone is shallow, so older versions were not looked at (check out with fetch-depth: 0)' : '';
  return { leftOut: `none of ${which} is valid either${shallow}` };
}

/** The build log's account of each broken part: its problems, and the version published or that none was. */
export function formatFallbacks(fallbacks: readonly Fallback[]): string {
  const blocks = fallbacks.map((f) => {
    const what = f.used
      ? `published as of commit ${f.used.commit.slice(0, 7)} (${f.used.date}, "${f.used.subject}"), its last valid version`
      : `left out of the site: no committed version is valid (${f.leftOut})`;
    const problems = f.errors.map((e) => `  ${formatError(e).replace(/\n/g, '\n  ')}`).join('\n');
    return `${f.path} has problems, so it was ${what}:\n${problems}`;
  });
  const n = fallbacks.length;
  const parts = n === 1 ? '1 incident or announcement was' : `${n} incidents or announcements were`;
  return `${blocks.join('\n\n')}\n\n${parts} not published as it is now; everything else was. Fix the files named above and push ("candor check" lists every problem).`;
}

/** The same account in Markdown, for a CI job summary ($GITHUB_STEP_SUMMARY). */
export function fallbacksMarkdown(fallbacks: readonly Fallback[]): string {
  if (fallbacks.length === 0) return '';
  const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
  const rows = fallbacks.map((f) => {
    const what = f.used ? `published its last valid version, from ${code(f.used.commit.slice(0, 7))} (${f.used.date})` : `**left out**: ${f.leftOut}`;
    const problems = f.errors.map((e) => `  - ${code(e.line ? `${e.file}:${e.line}` : e.file)}${e.field ? ` ${code(e.field)}` : ''} ${e.message}. Fix: ${e.fix}`).join('\n');
    return `- ${code(f.path)}: ${what}\n${problems}`;
  });
  return `### Broken content not published as it is now\n\n${rows.join('\n')}\n`;
}
