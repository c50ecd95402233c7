// Which search bundle an incident page belongs to. The history search is split into bundles by when incidents
// started, so an update re-indexes only a small bundle of recent days while the years before keep theirs: the
// month of `now` has a bundle for each third of it (days 1–10, 11–20, 21 on), the month before has one, and every
// earlier month is in its year's bundle. The reader's browser merges them (site/public/search.js). A month's
// thirds become one bundle when the month ends, and a month joins its year's bundle a month later; the split
// depends only on the pages and `now`, so a full build at the same moment makes the same bundles.
//
// Thirds, not the whole month: at 5,000 incidents a month holds about 100 incidents, 500 pages in a mirror of
// five languages, and Pagefind took 0.8–1 s to index them after every update, at the very end of the build.
// An update lands on an incident of the last days far more often than not; its third is a third of that.

/** An incident page of any language: `incidents/<id>/index.html`, or under a language folder. */
const INCIDENT_PAGE = /^(?:([^/]+)\/)?incidents\/(\d{4})-(\d{2})-(\d{2})-[^/]+\/index\.html$/;

export interface Bucket {
  /**
   * Its folder under pagefind/, and its name: the first day of a third of this month (`2026-11-21`), the month
   * before (`2026-10`), a year (`2025`). Names sort newest first.
   */
  name: string;
  /** The pages it indexes, relative to the mirror's output folder, sorted. */
  files: string[];
  /** A Pagefind glob matching exactly those pages (their folders: language prefixes × the days or months in it). */
  glob: string;
}

const monthOf = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/** The months with a bundle of their own at `now`: this month and the one before. */
export function recentMonths(now: Date): string[] {
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return [monthOf(now), monthOf(previous)];
}

/** The first day of the third of its month that `day` (1–31) falls in: 01, 11 or 21. */
const thirdOf = (day: number) => (day <= 10 ? '01' : day <= 20 ? '11' : '21');

/** The bundles of a mirror's pages at `now`, newest first; pages that are not incident pages are not indexed. */
export function searchBuckets(files: Iterable<string>, now: Date): Bucket[] {
  const [current, previous] = recentMonths(now);
  // Each bundle's pages, language prefixes and stems: the days (this month) or months (earlier) of its pages.
  const pages = new Map<string, { files: string[]; prefixes: Set<string>; stems: Set<string> }>();
  for (const file of files) {
    const m = INCIDENT_PAGE.exec(file);
    if (!m) continue;
    const month = `${m[2]}-${m[3]}`;
    const day = `${month}-${m[4]}`;
    // This month by thirds, each matched day by day; the month before whole; earlier months in their year.
    const name = month === current ? `${month}-${thirdOf(Number(m[4]))}` : month === previous ? month : m[2]!;
    const stem = month === current ? day : month;
    let bucket = pages.get(name);
    if (!bucket) pages.set(name, (bucket = { files: [], prefixes: new Set(), stems: new Set() }));
    bucket.files.push(file);
    bucket.prefixes.add(m[1] ? `${m[1]}/` : '');
    bucket.stems.add(stem);
  }
  return [...pages]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([name, b]) => {
      const alternatives = [...b.prefixes].sort().flatMap((prefix) => [...b.stems].sort().map((stem) => `${prefix}incidents/${stem}-*`));
      return { name, files: b.files.sort(), glob: `{${alternatives.join(',')}}/index.html` };
    });
}
