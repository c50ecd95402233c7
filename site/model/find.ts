// Finds the incident a command means: its folder name, its slug, the start of its name or any part of its slug.
import type { Incident, Site } from './site.ts';
import { suggest } from './suggest.ts';

export type Found = { ok: true; incident: Incident } | { ok: false; message: string; fix: string; inapplicable?: Incident };

/**
 * `applies` narrows partial names to the incidents the command can act on ("resolve card" never means a closed
 * one); a full name of one it cannot act on is reported as such, so the command can say why.
 */
export function findIncident(site: Site, query: string, applies: (i: Incident) => boolean = () => true): Found {
  const q = query.replace(/^incidents\//, '').replace(/\/$/, '');
  const exact = site.incidents.find((i) => i.id === q) ?? site.incidents.filter((i) => slugOf(i) === q && applies(i)).at(0) ?? site.incidents.filter((i) => slugOf(i) === q).at(0);
  if (exact) return applies(exact) ? { ok: true, incident: exact } : { ok: false, message: `"${query}" is ${exact.id}`, fix: '', inapplicable: exact };
  const pool = site.incidents.filter(applies);
  const prefixed = pool.filter((i) => i.id.startsWith(q) || slugOf(i).includes(q));
  if (prefixed.length === 1) return { ok: true, incident: prefixed[0]! };
  if (prefixed.length > 1) return { ok: false, message: `"${query}" matches ${prefixed.length} incidents`, fix: `use one of: ${prefixed.map((i) => i.id).join(', ')}` };
  const near = suggest(q, [...pool.map((i) => i.id), ...pool.map(slugOf)]);
  const recent = pool.length ? `recent: ${pool.slice(0, 20).map((i) => i.id).join(', ')}` : 'there are none it applies to';
  return { ok: false, message: `no incident "${query}"`, fix: near ? `did you mean "${near}"? (${recent})` : recent };
}

export function slugOf(incident: Incident): string {
  return incident.id.slice(11);
}
