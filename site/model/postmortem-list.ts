// The postmortems page's list: every incident with a published postmortem, the newest postmortem first. The page
// and its key (lib/reuse.ts) read it here, so what the key covers is what the page shows.
import type { Incident, Site } from './site.ts';

export type WithPostmortem = Incident & { postmortem: NonNullable<Incident['postmortem']> };

export const publishedPostmortems = (site: Site): WithPostmortem[] =>
  site.incidents.filter((i): i is WithPostmortem => !!i.postmortem).sort((a, b) => b.postmortem.published.getTime() - a.postmortem.published.getTime());
