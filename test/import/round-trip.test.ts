// The round trip a migrating team relies on: import every real Statuspage export of the corpus
// (test/fixtures/import/real/statuspage/*, see PROVENANCE.md), build the site, then compare the /api/v2 it serves
// and the pages it shows with the original, field by field. Every difference that remains is listed in
// docs/src/content/docs/migrating.md with its reason; anything else fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../site/model/load/index.ts';
import type { Site } from '../../site/model/site.ts';
import type { StatuspageComponent, StatuspageIncident } from '../../site/model/statuspage/schemas.ts';
import { candor } from '../helpers/cli.ts';
import { page } from '../helpers/html.ts';
import { OUT } from '../helpers/paths.ts';
import { candorImport, emptyDir, REAL } from './cli.ts';

interface SourceUpdate { id: string; status: string; body: string; display_at: string; affected_components?: { code?: string; new_status?: string }[] | null }
interface SourceIncident {
  id: string; name: string; status: string; impact: string; shortlink: string; resolved_at: string | null;
  scheduled_for?: string; scheduled_until?: string; incident_updates: SourceUpdate[];
}
interface SourceComponent { id: string; name: string; description?: string | null; group: boolean; group_id?: string | null; only_show_if_degraded?: boolean }
type Window = { scheduled_for?: string; scheduled_until?: string };
interface SourceDoc { incidents?: SourceIncident[]; scheduled_maintenances?: SourceIncident[]; components?: SourceComponent[]; incident?: SourceIncident }
type Captured = SourceIncident & { updated_at?: string; incident_updates: SourceUpdate[] };

const CORPUS = join(REAL, 'statuspage');
/** Every captured export: a folder of the documents one page served. */
const EXPORTS = readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
// Checked at several moments: the day after the newest history, a week and a year later, and the real clock.
const NOWS = ['2026-11-30T12:00:00Z', '2027-11-30T12:00:00Z'];
const NOW = NOWS[0]!;
// Documented differences (migrating.md, "Round trip"): Candor has no "postmortem" status (postmortems are
// postmortem.md), and /api/v2 serves every maintenance with impact "maintenance", as Statuspage does today.
const STATUS: Record<string, string> = { postmortem: 'resolved' };
const FINAL = ['resolved', 'postmortem', 'completed'];
const instant = (s: string | null | undefined) => (s ? new Date(s).getTime() : null);
/** Statuspage bodies are HTML-ish text with CRLF; ours are the Markdown the importer wrote. Compare the words. */
const words = (s: string) => s.replace(/\r\n?/g, '\n').replace(/<br\s*\/?>/g, ' ').replace(/\\\n/g, '\n').replace(/\s+/g, ' ').trim();

/** Every .json file under a folder, as the import reads a folder. */
const jsonFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));
const isBare = (d: unknown) => !!d && typeof d === 'object' && Array.isArray((d as Captured).incident_updates);

it('the corpus holds several providers and years, with every kind of Statuspage document', () => {
  expect(EXPORTS.length).toBeGreaterThanOrEqual(3);
  const files = new Set(EXPORTS.flatMap((e) => readdirSync(join(CORPUS, e))));
  expect([...files].sort()).toEqual(expect.arrayContaining(['components.json', 'incidents.json', 'scheduled-maintenances.json', 'summary.json']));
  // One incident per file, both public shapes: /api/v2/incidents/<id>.json and the older bare incident object.
  const docs = EXPORTS.flatMap((e) => jsonFiles(join(CORPUS, e))).map((p) => JSON.parse(readFileSync(p, 'utf8')) as SourceDoc);
  expect(docs.some((d) => d.incident)).toBe(true);
  expect(docs.some(isBare)).toBe(true);
});

describe.each(EXPORTS)('round trip of the real %s export', (name) => {
  let source: Map<string, SourceIncident & { kind: 'incident' | 'maintenance' }>;
  let sourceComponents: Map<string, SourceComponent>;
  let ours: Map<string, StatuspageIncident>;
  let served: { components: StatuspageComponent[] };
  let root: string;
  let site: Site;
  let imported: ReturnType<typeof candorImport>;
  const out = join(OUT, `round-trip-${name}`);
  beforeAll(async () => {
    const docs = jsonFiles(join(CORPUS, name)).map((p) => JSON.parse(readFileSync(p, 'utf8')) as SourceDoc);
    source = new Map();
    // Of two captures of one incident, the original is the newer one (the later updated_at).
    const keep = (i: Captured, kind: 'incident' | 'maintenance') => {
      const seen = source.get(i.id) as Captured | undefined;
      if (!seen || Date.parse(i.updated_at ?? '') > Date.parse(seen.updated_at ?? '')) source.set(i.id, { ...i, kind });
    };
    const kindOf = (i: Captured) => (i.scheduled_for ? 'maintenance' : 'incident');
    for (const d of docs) {
      for (const i of [...(d.incidents ?? []), ...(d.incident ? [d.incident] : []), ...(isBare(d) ? [d as unknown as Captured] : [])]) keep(i, kindOf(i));
      for (const i of d.scheduled_maintenances ?? []) keep(i, 'maintenance');
    }
    sourceComponents = new Map(docs.flatMap((d) => [...(d.components ?? []), ...[...source.values()].flatMap((i) => (i as { components?: SourceComponent[] }).components ?? [])]).map((c) => [c.id, c]));
    root = emptyDir();
    // The folder itself, as an archive is imported: every .json file under it.
    imported = candorImport(['statuspage', join(CORPUS, name), '--root', root, '--now', NOW]);
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    const loaded = await loadSite(root, { now: new Date(NOW) });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    site = loaded.value;
    // What a client fetches: the /api/v2 documents of the built site.
    const build = candor(['build', '--root', root, '--out', out, '--now', NOW]);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const api = (f: string) => JSON.parse(readFileSync(join(out, 'main', 'api', 'v2', f), 'utf8'));
    const list = [...api('incidents.json').incidents, ...api('scheduled-maintenances.json').scheduled_maintenances] as StatuspageIncident[];
    ours = new Map(list.map((i) => [i.id, i]));
    served = api('components.json');
  });

  it('imports with exit 0 and passes candor check', () => {
    expect(imported.stdout).toContain('candor check: ok');
  });

  it.each(NOWS)('lints with no findings at all at %s, nor at the real clock', (now) => {
    for (const args of [['--now', now], []]) {
      const lint = candor(['lint', '--root', root, '--format', 'json', ...args]);
      expect(JSON.parse(lint.stdout).findings, `${name} ${args.join(' ')}`).toEqual([]);
      expect(lint.code).toBe(0);
    }
  });

  it('serves every incident and maintenance under its Statuspage id, with its name, status, impact, short link, window and resolution time', () => {
    expect([...ours.keys()].sort()).toEqual([...source.keys()].sort());
    for (const s of source.values()) {
      const o = ours.get(s.id)!;
      expect({ name: o.name, status: o.status, impact: o.impact, shortlink: o.shortlink, resolved_at: instant(o.resolved_at), window: [instant((o as Window).scheduled_for), instant((o as Window).scheduled_until)] }, s.id).toEqual({
        name: s.name,
        status: STATUS[s.status] ?? s.status,
        impact: s.kind === 'maintenance' ? 'maintenance' : s.impact,
        shortlink: s.shortlink,
        resolved_at: instant(s.resolved_at),
        window: [instant(s.scheduled_for), instant(s.scheduled_until)],
      });
    }
  });

  it('serves every update under its id, with its status, words, display time and component changes', () => {
    for (const s of source.values()) {
      const o = ours.get(s.id)!;
      const byId = new Map(o.incident_updates.map((u) => [u.id, u]));
      for (const su of s.incident_updates) {
        const ou = byId.get(su.id)!;
        expect(ou, `${s.id} update ${su.id}`).toBeDefined();
        expect({ status: ou.status, body: words(ou.body), display_at: instant(ou.display_at) }).toEqual({ status: STATUS[su.status] ?? su.status, body: words(su.body), display_at: instant(su.display_at) });
        // Exactly the real changes, no more: Statuspage repeats unchanged components (old_status == new_status) on
        // every update, and an update that records none changes nothing (no state is derived from the impact).
        const changed = (su.affected_components ?? []).filter((a) => a.code && a.new_status && (a as { old_status?: string }).old_status !== a.new_status);
        const change = (a: { code?: string | null; old_status?: string | null; new_status?: string | null }) => `${a.code} ${a.old_status} → ${a.new_status}`;
        expect((ou.affected_components ?? []).map(change).sort(), `${s.id} update ${su.id}`).toEqual(changed.map(change).sort());
      }
      // Candor adds nothing unless the source closed an incident without saying so; that update has no source id.
      const closedSilently = FINAL.includes(s.status) && !s.incident_updates.some((u) => FINAL.includes(u.status));
      expect(o.incident_updates.length, s.id).toBe(s.incident_updates.length + (closedSilently ? 1 : 0));
    }
  });

  it('imports every update as a file with its id, status, instant to the millisecond and recorded component changes', () => {
    for (const s of source.values()) {
      const i = site.incidents.find((x) => x.imported?.id === s.id)!;
      expect(i.imported?.states, s.id).toBe('recorded');
      const bySource = new Map(i.updates.map((u) => [u.sourceId, u]));
      for (const su of s.incident_updates) {
        const u = bySource.get(su.id);
        expect(u, `${s.id} update ${su.id}`).toBeDefined();
        const recorded = Object.fromEntries((su.affected_components ?? []).filter((a) => a.code && a.new_status).map((a) => [site.config.components.find((c) => c.source_id === a.code)!.id, a.new_status]));
        expect({ status: u!.status, at: u!.at.getTime(), components: u!.components }, `${s.id} update ${su.id}`).toEqual({ status: STATUS[su.status] ?? su.status, at: instant(su.display_at), components: recorded });
      }
    }
  });

  it('shows every update on the incident page with its text and the time Statuspage displayed', () => {
    for (const s of source.values()) {
      const i = site.incidents.find((x) => x.imported?.id === s.id)!;
      const html = page(join(out, 'main'), `incidents/${i.id}`);
      const shown = html.querySelectorAll('ol.updates > li').map((li) => ({ at: instant(li.querySelector('time')!.getAttribute('datetime')!), text: words(li.querySelector('.md')?.text ?? '') }));
      for (const su of s.incident_updates) {
        const match = shown.find((u) => u.at === instant(su.display_at));
        expect(match, `${s.id} update ${su.id} at ${su.display_at}`).toBeDefined();
        // Words compare without markup; the page renders the Markdown, so entities and links read as text.
        expect(match!.text.slice(0, 30)).toBe(words(su.body).replace(/<[^>]+>/g, '').slice(0, 30));
      }
      expect(html.text).not.toContain('A postmortem will follow');
    }
  });

  it('serves every component and group under its Statuspage id, with its name, description, members and group (when the export has that group)', () => {
    const ids = new Map(served.components.map((c) => [c.id, c]));
    const groupIds = new Set([...sourceComponents.values()].filter((c) => c.group).map((c) => c.id));
    for (const s of sourceComponents.values()) {
      if (s.group && !served.components.some((c) => c.group_id === s.id)) continue; // empty groups: reported, not served
      const o = ids.get(s.id);
      expect(o, `${name}: component ${s.name} (${s.id})`).toBeDefined();
      expect({ name: o!.name, group: o!.group, group_id: o!.group_id ?? null, description: words(o!.description ?? ''), only_show_if_degraded: o!.only_show_if_degraded }).toEqual({
        name: s.name.trim(),
        group: s.group,
        group_id: s.group_id && groupIds.has(s.group_id) ? s.group_id : null,
        description: words(s.description ?? ''),
        only_show_if_degraded: s.only_show_if_degraded ?? false,
      });
      // A group lists the same members; Statuspage's `components` of a group names them by id.
      if (s.group) expect([...(o!.components ?? [])].sort(), s.name).toEqual([...((s as { components?: string[] }).components ?? [])].filter((id) => ids.has(id)).sort());
    }
    for (const c of served.components) if (c.group) expect(c.components?.length, c.name).toBeGreaterThan(0);
  });
});
