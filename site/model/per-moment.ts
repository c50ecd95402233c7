// What the whole site is at one moment (open incidents, component states, the page's indicator, uptime), made once
// per site, moment and key and shared by every caller. A render thread renders every mirror of a build in turn, and
// the pages, badges and API documents of each mirror asked for these again: at 5,000 incidents each was a walk
// over every incident's timeline, about 30 walks a thread (0.6 s of its time). None depends on the mirror.
// The loaded site is never changed once made, so its object identifies it; a new load is a new object.
import type { Site } from './site.ts';

export function perMoment<T>(make: (site: Site, now: Date, key: string) => T): (site: Site, now: Date, key?: string) => T {
  const made = new WeakMap<Site, Map<string, T>>();
  return (site, now, key = '') => {
    let bySite = made.get(site);
    if (!bySite) made.set(site, (bySite = new Map()));
    const k = `${now.getTime()}\u0000${key}`;
    if (!bySite.has(k)) bySite.set(k, make(site, now, key));
    return bySite.get(k)!;
  };
}
