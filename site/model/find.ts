// Finds the incident a command means: its folder name, its slug, or the start of either.
import type { Incident, Site } from './site.ts';
import { suggest } from './suggest.ts';

export type Found = { ok: true; incident: Incident } | { ok: false; message: string; fix: string };

export function findIncident(site: Site, query: string): Found {
  const q = query.replace(/^incidents\//, '').replace(/\/$/, '');
  const exact = site.incidents.find((i) => i.id === q) ?? site.incidents.filter((i) => slugOf(i) === q).at(0);
  if (exact) return { ok: true, incident: exact };
  const prefixed = site.incidents.filter((i) => i.id.startsWith(q) || slugOf(i).startsWith(q));
  if (prefixed.length === 1) return { ok: true, incident: prefixed[0]! };
  if (prefixed.length > 1) return { ok: false, message: `"${query}" matches ${prefixed.length} incidents`, fix: `use one of: ${prefixed.map((i) => i.id).join(', ')}` };
  const near = suggest(q, [...site.incidents.map((i) => i.id), ...site.incidents.map(slugOf)]);
  const recent = `recent: ${site.incidents.slice(0, 20).map((i) => i.id).join(', ')}`;
  return { ok: false, message: `no incident "${query}"`, fix: near ? `did you mean "${near}"? (${recent})` : recent };
}

export function slugOf(incident: Incident): string {
  return incident.id.slice(11);
}
