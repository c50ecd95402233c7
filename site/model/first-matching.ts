// The latest few of a long history: lists that show the first N incidents passing a test (a component's page and
// feed, a region's page, the maintenance page, the home page's short history) stop when they have them, instead of
// testing thousands of incidents to keep fifty.

/** The first `n` items `keep` accepts, in order, asking nothing of the rest. */
export function firstMatching<T>(items: Iterable<T>, n: number, keep: (item: T) => boolean): T[] {
  const found: T[] = [];
  if (n <= 0) return found;
  for (const item of items) {
    if (keep(item) && found.push(item) === n) break;
  }
  return found;
}
