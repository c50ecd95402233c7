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
//
// Each language has bundles of its own, in its own folder (pagefind/ for the mirror's main language, pagefind/fr/
// for the pages under fr/): a reader only ever searches the language of the page, and Pagefind holds a whole
// bundle in memory while it indexes it. A year of the five-language mirror at 5,000 incidents took 590 MB as one
// bundle and 210 MB as five, and indexed faster (7.8 against 8.7 s): each glob starts with its language's folder,
// so Pagefind walks that folder instead of the whole output.

/** An incident page of any language: `incidents/<id>/index.html`, or under a language folder. */
const INCIDENT_PAGE = /^(?:([^/]+)\/)?incidents\/(\d{4})-(\d{2})-(\d{2})-[^/]+\/index\.html$/;

export interface Bucket {
  /** Its folder under pagefind/: its language's folder and its period (`2026-11-21`, `fr/2025`). */
  name: string;
  /** The folder of its language under pagefind/, as the pages have it under the mirror: `` or `fr/`. */
  language: string;
  /**
   * When its pages started: the first day of a third of this month (`2026-11-21`), the month before (`2026-10`),
   * a year (`2025`). Periods sort newest first.
   */
  period: string;
  /** The pages it indexes, relative to the mirror's output folder, sorted. */
  files: string[];
  /** A Pagefind glob matching exactly those pages: its language's incidents folder, then the days or months in it. */
  glob: string;
}

const monthOf = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/** The months with a bundle of their own at `now`: this month and the one before. */
export function recentMonths(now: Date): string[] {
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return [monthOf(now), monthOf(previous)];
}

/** Code-unit order, as `sort()` has it, for sorting by two fields. */
const compare = (a: string, b: string) => Number(a > b) - Number(a < b);

/** The first day of the third of its month that `day` (1–31) falls in: 01, 11 or 21. */
const thirdOf = (day: number) => (day <= 10 ? '01' : day <= 20 ? '11' : '21');

/**
 * The bundles of a mirror's pages at `now`: the main language's first, then each language folder's, newest first
 * within each. Pages that are not incident pages are not indexed.
 */
export function searchBuckets(files: Iterable<string>, now: Date): Bucket[] {
  const [current, previous] = recentMonths(now);
  // Each bundle's pages and stems: the days (this month) or months (earlier) of its pages.
  const pages = new Map<string, Omit<Bucket, 'glob'> & { stems: Set<string> }>();
  for (const file of files) {
    const m = INCIDENT_PAGE.exec(file);
    if (!m) continue;
    const month = `${m[2]}-${m[3]}`;
    const day = `${month}-${m[4]}`;
    // This month by thirds, each matched day by day; the month before whole; earlier months in their year.
    const period = month === current ? `${month}-${thirdOf(Number(m[4]))}` : month === previous ? month : m[2]!;
    const language = m[1] ? `${m[1]}/` : '';
    const name = `${language}${period}`;
    let bucket = pages.get(name);
    if (!bucket) pages.set(name, (bucket = { name, language, period, files: [], stems: new Set() }));
    bucket.files.push(file);
    bucket.stems.add(month === current ? day : month);
  }
  return [...pages.values()]
    .sort((a, b) => compare(a.language, b.language) || compare(b.period, a.period))
    .map(({ stems, ...b }) => {
      const sorted = [...stems].sort();
      const days = sorted.length === 1 ? sorted[0] : `{${sorted.join(',')}}`;
      return { ...b, files: b.files.sort(), glob: `${b.language}incidents/${days}-*/index.html` };
    });
}

/** The bundles of each language folder (`` for the main language), in the order given. */
export function byLanguage(buckets: readonly Bucket[]): Map<string, Bucket[]> {
  const languages = new Map<string, Bucket[]>();
  for (const b of buckets) {
    const list = languages.get(b.language);
    if (list) list.push(b);
    else languages.set(b.language, [b]);
  }
  return languages;
}
