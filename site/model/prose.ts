// Every body of the site rendered once, as HTML and as plain text, before any page renders. Pages of every mirror
// and language show the same bodies (an update appears on its incident page, the home page, History, the feeds,
// the API, in each language variant), and rendering Markdown was the costliest part of a page: done in each render
// thread, a body was parsed again by every thread that showed it. The build renders each body here once, hands
// the table to the threads with the snapshot (snapshot.ts), and keeps it between builds (scripts/lib/
// content-cache.ts), so a rebuild renders only the bodies that are new. The pages still call the one pipeline
// (markdown.ts); it finds these results instead of parsing again.
import { renderBody, type RenderedBody } from './markdown.ts';
import type { Incident, Site } from './site.ts';

/** Rendered bodies, by their Markdown source. */
export type ProseTable = Map<string, RenderedBody>;

/** Every Markdown body a page, feed or API document of the site can render. */
export function siteBodies(site: Site): Set<string> {
  const bodies = new Set<string>();
  for (const incident of site.incidents) for (const body of incidentBodies(incident)) bodies.add(body);
  for (const announcement of site.announcements) if (announcement.body) bodies.add(announcement.body);
  return bodies;
}

/** The Markdown bodies of one incident or maintenance: its summary, updates and postmortem, with their translations. */
export function incidentBodies(incident: Incident): string[] {
  const bodies: string[] = [];
  const add = (body: string | undefined) => void (body && bodies.push(body));
  add(incident.summary);
  for (const tr of Object.values(incident.translations)) add(tr.body);
  for (const update of incident.updates) {
    add(update.body);
    for (const tr of Object.values(update.translations)) add(tr.body);
  }
  if (incident.postmortem) {
    add(incident.postmortem.body);
    for (const tr of Object.values(incident.postmortem.translations)) add(tr.body);
  }
  return bodies;
}

/** The site's bodies rendered, taking those `known` already holds (an earlier build's) as they are. */
export function renderProse(site: Site, known: ReadonlyMap<string, RenderedBody> = new Map()): ProseTable {
  const bodies = siteBodies(site);
  return proseTable(bodies, known, new Map(bodiesToRender(bodies, known).map((body) => [body, renderBody(body)])));
}

/** Those of the bodies that `known` does not hold: what a build renders (the CLI shares them out as the content loads, scripts/lib/render/prose-thread.ts). */
export function bodiesToRender(bodies: ReadonlySet<string>, known: ReadonlyMap<string, RenderedBody>): string[] {
  return [...bodies].filter((body) => !known.has(body));
}

/** The table of the bodies, from those known before and those just `rendered` (every other body). */
export function proseTable(bodies: ReadonlySet<string>, known: ReadonlyMap<string, RenderedBody>, rendered: ReadonlyMap<string, RenderedBody>): ProseTable {
  const table: ProseTable = new Map();
  for (const body of bodies) table.set(body, known.get(body) ?? rendered.get(body)!);
  return table;
}
