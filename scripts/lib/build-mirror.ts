// One mirror's build: Astro renders what changed into a staging folder, the pages that did not change are linked
// in from the previous output, and the result replaces the mirror's folder only when all of it succeeded.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reusablePages } from '../../site/lib/reuse.ts';
import { hostHeaders } from '../../site/model/publish/headers.ts';
import type { MirrorConfig } from '../../site/model/schema/config.ts';
import type { Site } from '../../site/model/site.ts';
import { astroBuild, countPages } from './astro.ts';
import { linkPages, reusable, writeManifest } from './reuse.ts';
import { copyIdentityFiles } from './identity-files.ts';
import { writeSearchIndex } from './search-index.ts';
import { buildAtomically } from './staging.ts';
import { span } from './timings.ts';

export interface MirrorBuild {
  root: string;
  site: Site;
  mirror: MirrorConfig;
  now: Date;
  /** Folder holding every mirror's output folder. */
  out: string;
  /** The loaded site, serialised once for every mirror (model/snapshot.ts). */
  snapshot: string;
  /** Modules making more Astro integrations for this mirror's build (see scripts/lib/astro-child.ts). */
  integrations?: string[];
  /** Digest of the code and dependencies (scripts/lib/reuse.ts). */
  code: string;
  /** Render every page, reusing nothing. */
  full: boolean;
  /** Receives the removal of the replaced output, which the caller awaits once every mirror is built. */
  deferRemoval: (removal: Promise<void>) => void;
}

export interface MirrorResult {
  pages: number;
  reused: number;
  ms: number;
}

export async function buildMirror(b: MirrorBuild): Promise<MirrorResult> {
  const started = performance.now();
  const target = join(b.out, b.mirror.id);
  const id = b.mirror.id;
  const keys = await span(`${id}: page keys`, () => reusablePages(b.site, b.mirror, b.now, b.code));
  const reused = b.full ? [] : await span(`${id}: find reusable pages`, () => reusable(target, keys));
  const pages = await buildAtomically(target, async (staging) => {
    // Linking runs after Astro rather than beside it: tried beside it on 2 cores, the two slowed each other down
    // by more than the overlap won (Astro also empties its output folder when it starts).
    await span(`${id}: astro build`, () => astroBuild({ root: b.root, mirror: id, now: b.now, outDir: staging, snapshot: b.snapshot, skip: reused, integrations: b.integrations }));
    const rendered = countPages(staging);
    await span(`${id}: link ${reused.length} reused pages`, () => linkPages(target, staging, reused));
    await writeFile(join(staging, '_headers'), hostHeaders(b.mirror));
    await copyIdentityFiles(b.root, b.site.config, staging);
    await span(`${id}: search index`, () => writeSearchIndex(staging));
    return rendered + reused.length;
  }, { deferRemoval: b.deferRemoval });
  await span(`${id}: record page keys`, () => writeManifest(target, keys));
  return { pages, reused: reused.length, ms: performance.now() - started };
}
