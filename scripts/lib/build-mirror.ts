// One mirror's build: the compiled app renders what changed into a staging folder (render/), the pages that did not
// change are linked in from the previous output, and the result replaces the mirror's folder only when all of it
// succeeded.
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reusablePages } from '../../site/lib/reuse.ts';
import { localeFolder, mirrorLocales } from '../../site/lib/urls.ts';
import { hostHeaders } from '../../site/model/publish/headers.ts';
import type { MirrorConfig } from '../../site/model/schema/config.ts';
import type { Site } from '../../site/model/site.ts';
import { linkPages, previousManifest, reusable, writeManifest } from './reuse.ts';
import { copyIdentityFiles } from './identity-files.ts';
import type { CompiledApp } from './render/compile.ts';
import type { RenderPool } from './render/pool.ts';
import { writeSearchIndex } from './search-index.ts';
import { prepareSpare, removeEmptyFolders } from './spare.ts';
import { buildAtomically } from './staging.ts';
import { listOutput, spareFiles, type OutputListing } from './output-listing.ts';
import { span } from './timings.ts';

export interface MirrorBuild {
  site: Site;
  mirror: MirrorConfig;
  now: Date;
  /** Folder holding every mirror's output folder. */
  out: string;
  app: CompiledApp;
  /** The build's render threads, shared by every mirror. */
  pool: RenderPool;
  /** Digest of the code and dependencies (scripts/lib/reuse.ts). */
  code: string;
  /** Render every page, reusing nothing. */
  full: boolean;
  /** Test-only: a module the render threads call before each page (scripts/commands/build.ts BuildDeps). */
  fault?: string;
  /** The listings of its output and spare, when the build started them early (output-listing.ts). */
  listing?: OutputListing;
  /** Receives the removal of the replaced output, which the caller awaits once every mirror is built. */
  deferRemoval: (removal: Promise<void>) => void;
  /** Called once the mirror's pages are rendered, or could not be. */
  rendered: () => void;
}

export interface MirrorResult {
  pages: number;
  rendered: number;
  reused: number;
  /** Search bundles indexed again, and kept from the previous output. */
  searchIndexed: number;
  searchKept: number;
  ms: number;
}

/**
 * Pages a share of a mirror holds at least. A share costs its thread a listing of the mirror's pages and everything
 * each page of the mirror shares (the API documents, the feeds' entries, each component's state and uptime): about
 * 0.5 s at 5,000 incidents, made again by every thread that takes a share. An update renders some 300 pages of the
 * five-language mirror: one share (0.9 s) costs less than two (0.5 + 0.7 s), and the other thread renders the
 * other mirrors meanwhile. A first build still shares every mirror out.
 */
const PAGES_PER_SHARE = 400;

export async function buildMirror(b: MirrorBuild): Promise<MirrorResult> {
  const started = performance.now();
  const target = join(b.out, b.mirror.id);
  const id = b.mirror.id;
  const result = await buildAtomically(target, async (staging, spare) => {
    // The spare is listed in a process of its own (output-listing.ts), usually from before the content was loaded,
    // while this thread makes the keys; the served output's kept pages are looked up by path (reuse.ts).
    const listing = b.full ? undefined : (b.listing ?? listOutput(b.out, id));
    const keys = await span(`${id}: page keys`, () => reusablePages(b.site, b.mirror, b.now, b.code));
    const previous = b.full ? undefined : previousManifest(target);
    // --full reuses nothing.
    const served = new Map<string, string>();
    const reused = b.full ? [] : await span(`${id}: check the kept pages`, () => reusable(target, keys, previous, served));
    // Pages that always render (home, API, components and their badges, regions…) are a few dozen per language.
    const estimate = keys.size - reused.length + mirrorLocales(b.mirror).length * (25 + 5 * b.site.config.components.length);
    const shares = Math.min(b.pool.threads, Math.max(1, Math.ceil(estimate / PAGES_PER_SHARE)));
    // Before any thread writes into it: a spare keeps only the kept pages that are already the served files.
    const tidy = spare ? await span(`${id}: bring the spare up to date`, async () => prepareSpare(staging, await spareFiles(staging, listing!), reused, served)) : undefined;
    const r = await span(`${id}: render (${shares} share${shares > 1 ? 's' : ''})`, () => b.pool.renderMirror({ mirror: id, outDir: staging, skip: reused, fault: b.fault }, shares, estimate)).finally(b.rendered);
    const toLink = tidy ? reused.filter((f) => !tidy.inPlace.has(f)) : reused;
    await span(`${id}: link ${toLink.length} reused pages`, () => linkPages(target, staging, toLink));
    await cp(b.app.client, staging, { recursive: true });
    await writeFile(join(staging, '_headers'), hostHeaders(b.mirror));
    await copyIdentityFiles(b.site.root, b.site.config, staging);
    const languages = mirrorLocales(b.mirror).map((l) => localeFolder(b.mirror, l));
    const search = await span(`${id}: search index`, () => writeSearchIndex({ staging, target, files: r.files, languages, keys, now: b.now, code: b.code, previous }));
    if (tidy) removeEmptyFolders(staging, tidy.emptied);
    return { pages: r.files.length, rendered: r.rendered, search, keys, reused, previous };
  }, { deferRemoval: b.deferRemoval, spare: !b.full });
  const { keys, reused, previous } = result;
  await span(`${id}: record page keys`, () => writeManifest(target, keys, result.search.bundles, { files: reused, previous }));
  return { pages: result.pages, rendered: result.rendered, reused: reused.length, searchIndexed: result.search.indexed, searchKept: result.search.kept, ms: performance.now() - started };
}
