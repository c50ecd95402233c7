// Which search bundle an incident page belongs to. The history search is split into bundles by when incidents
// started, so an update re-indexes only the small bundle of recent months while the years before keep theirs:
// the month of `now` and the month before it have a bundle each (where updates land), and every earlier month is
// in its year's bundle. The reader's browser merges them (site/public/search.js). A year's bundle is rebuilt
// when a month leaves the recent ones, about once a month; the split depends only on the pages and `now`, so a
// full build at the same moment makes the same bundles.

/** An incident page of any language: `incidents/<id>/index.html`, or under a language folder. */
const INCIDENT_PAGE = /^(?:([^/]+)\/)?incidents\/(\d{4})-(\d{2})-\d{2}-[^/]+\/index\.html$/;

export interface Bucket {
  /** Its folder under pagefind/, and its name: `2026-11` for a recent month, `2025` for a year. */
  name: string;
  /** The pages it indexes, relative to the mirror's output folder, sorted. */
  files: string[];
  /** A Pagefind glob matching exactly those pages (their folders: language prefixes × months). */
  glob: string;
}

const monthOf = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/** The months with a bundle of their own at `now`: this month and the one before. */
export function recentMonths(now: Date): string[] {
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return [monthOf(now), monthOf(previous)];
}

/** The bundles of a mirror's pages at `now`, newest first; pages that are not incident pages are not indexed. */
export function searchBuckets(files: Iterable<string>, now: Date): Bucket[] {
  const recent = recentMonths(now);
  const pages = new Map<string, { files: string[]; prefixes: Set<string>; months: Set<string> }>();
  for (const file of files) {
    const m = INCIDENT_PAGE.exec(file);
    if (!m) continue;
    const month = `${m[2]}-${m[3]}`;
    const name = recent.includes(month) ? month : m[2]!;
    let bucket = pages.get(name);
    if (!bucket) pages.set(name, (bucket = { files: [], prefixes: new Set(), months: new Set() }));
    bucket.files.push(file);
    bucket.prefixes.add(m[1] ? `${m[1]}/` : '');
    bucket.months.add(month);
  }
  return [...pages]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([name, b]) => {
      const alternatives = [...b.prefixes].sort().flatMap((prefix) => [...b.months].sort().map((month) => `${prefix}incidents/${month}-*`));
      return { name, files: b.files.sort(), glob: `{${alternatives.join(',')}}/index.html` };
    });
}
