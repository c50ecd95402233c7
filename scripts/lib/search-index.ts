// The history search: Pagefind indexes each mirror's incident pages (marked data-pagefind-body) into static
// files under pagefind/, one index per language, so search needs no server and fetches only what a query needs.
// Chosen over a home-made JSON index because its index is split into small fragments: with 5,000 incidents a
// reader downloads a few tens of KB per query instead of the whole history, and it ships tested UI and stemming
// for our languages.
//
// Pagefind cannot update an index, so the index is split into bundles (search/buckets.ts), for each language:
// thirds of this month, the month before, earlier years. A bundle whose pages all kept their keys is linked from
// the previous output; only the others are indexed again. Each language's `bundles.json` (`pagefind/` for the
// mirror's main language, `pagefind/fr/` for French) lists its bundles, newest first, for the page script to merge.
//
// Pagefind runs in one process per core for all mirrors of a build (search/services.ts), each holding the indexes
// it builds in memory, so the pages indexed at once are limited (search/pages-at-once.ts) to about one year of one
// language at 5,000 incidents: in one process while the render threads hold the site, in every process once they
// are gone. The small bundles an update touches all start at once.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from './cli-error.ts';
import { bundleEntry, unchanged, type Manifest } from './reuse.ts';
import { sameFile } from './spare.ts';
import { byLanguage, searchBuckets, type Bucket } from './search/buckets.ts';
import { pageGate } from './search/pages-at-once.ts';
import { allowServices, closeServices, SERVICES, withService } from './search/services.ts';

export interface SearchJob {
  /** The new output of the mirror, with every page in place. */
  staging: string;
  /** The mirror's current output, whose bundles may be kept. */
  target: string;
  /** Every page file of the mirror, relative to its folder. */
  files: string[];
  /** The folder of each language of the mirror, as its pages have it: `` for the main language, `fr/`. */
  languages: string[];
  /** Keys of the pages that have one (site/lib/reuse.ts); other pages stand in by their content. */
  keys: Map<string, string>;
  now: Date;
  /** Digest of the code and locked dependencies, Pagefind's version among them. */
  code: string;
  /** The manifest of the current output, when it has one and the build may reuse it. */
  previous?: Manifest;
}

export interface SearchResult {
  /** Signature of every bundle written, by name: the next build's manifest. */
  bundles: Record<string, string>;
  indexed: number;
  kept: number;
}

/** What a bundle is made from: the code, its pages and their keys (or, for a page without one, its bytes). */
function signature(job: SearchJob, bucket: Bucket): string {
  const h = createHash('sha256').update(job.code).update('\0').update(bucket.glob);
  for (const file of bucket.files) h.update('\0').update(file).update('\0').update(job.keys.get(file) ?? readFileSync(join(job.staging, file)));
  return h.digest('base64url');
}

/** Links a kept bundle into the new output: a year's bundle is thousands of small files, linked at once. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  const entries = await readdir(from, { withFileTypes: true });
  await Promise.all(entries.map((e) => (e.isDirectory() ? linkTree(join(from, e.name), join(to, e.name)) : link(join(from, e.name), join(to, e.name)))));
}

/**
 * Pages indexed at once, across Pagefind's processes: a year of one language at 5,000 incidents is ~1,250. Two such
 * years indexed at once by two processes took the peak of that build from 1,387 to 1,565 MiB; the small bundles of
 * a smaller history still index side by side.
 */
const PAGES_AT_ONCE = 1_500;
const indexing = pageGate(PAGES_AT_ONCE);

/** Which processes index: one while the render threads hold the site, every one once they have ended. */
export const searchProcesses = {
  whileRendering: () => allowServices(1),
  afterRendering: () => allowServices(SERVICES),
};

async function indexBucket(pagefind: typeof import('pagefind'), outDir: string, bucket: Bucket): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new CliError(`search index: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir, glob: bucket.glob });
    if (added.errors.length) throw new CliError(`search index: ${added.errors.join('; ')}`);
    const folder = join(outDir, 'pagefind', bucket.name);
    const written = await index.writeFiles({ outputPath: folder });
    if (written.errors.length) throw new CliError(`search index: ${written.errors.join('; ')}`);
    // Pagefind also writes its own ready-made interfaces; the site has its own small one (public/search.js).
    for (const f of await readdir(folder)) if (/-ui\.(js|css)$|^pagefind-highlight\.js$/.test(f)) await rm(join(folder, f));
  } finally {
    await index.deleteIndex();
  }
}

export async function writeSearchIndex(job: SearchJob): Promise<SearchResult> {
  const result: SearchResult = { bundles: {}, indexed: 0, kept: 0 };
  const buckets = searchBuckets(job.files, job.now);
  const folder = join(job.staging, 'pagefind');
  // Every bundle of the mirror is handed over at once; `indexing` decides how many Pagefind builds at a time. All
  // of them end before a failure is reported, so nothing still writes into a staging folder being removed.
  const settled = await Promise.allSettled(
    buckets.map(async (bucket) => {
      const sign = signature(job, bucket);
      const before = job.previous?.search?.[bucket.name];
      const keep = before?.[0] === sign && unchanged(job.target, bundleEntry(bucket.name), [before[1], before[2]]);
      // In a spare (scripts/lib/spare.ts), a kept bundle may already be the served output's own files (its entry
      // file is the same file): it stays. Anything else there is removed, never written into.
      const inPlace = keep && sameFile(join(job.staging, bundleEntry(bucket.name)), join(job.target, bundleEntry(bucket.name)));
      if (!inPlace) await rm(join(folder, bucket.name), { recursive: true, force: true });
      if (keep && !inPlace) await linkTree(join(job.target, 'pagefind', bucket.name), join(folder, bucket.name));
      else if (!keep) await indexing.run(bucket.files.length, () => withService(bucket.files.length, (pagefind) => indexBucket(pagefind, job.staging, bucket)));
      return { name: bucket.name, sign, keep };
    }),
  );
  for (const outcome of settled) {
    if (outcome.status === 'rejected') throw outcome.reason;
    result.bundles[outcome.value.name] = outcome.value.sign;
    result[outcome.value.keep ? 'kept' : 'indexed']++;
  }
  // A spare's bundles that are no longer bundles (a month folded into its year, a language no longer served), and
  // each language's list of its bundles.
  const languages = byLanguage(buckets);
  const periods = (language: string) => (languages.get(language) ?? []).map((b) => b.period);
  await removeOthers(folder, new Set([...periods(''), ...job.languages.filter(Boolean).map((l) => l.slice(0, -1))]));
  for (const language of job.languages) {
    if (language) await removeOthers(join(folder, language), new Set(periods(language)));
    await mkdir(join(folder, language), { recursive: true });
    await writeFile(join(folder, language, 'bundles.json'), JSON.stringify(periods(language)));
  }
  return result;
}

/** Removes what a folder of bundles holds besides `keep` (and the list the build writes again). */
async function removeOthers(folder: string, keep: ReadonlySet<string>): Promise<void> {
  for (const entry of await readdir(folder).catch(() => [])) if (!keep.has(entry)) await rm(join(folder, entry), { recursive: true, force: true });
}

/** Stops Pagefind's background processes once every mirror is indexed, so the CLI can exit. */
export const closeSearch = closeServices;
