// The round trip a migrating team relies on: import a real Statuspage export, build the site, then compare the
// /api/v2 it serves with the original, field by field. Every difference that remains is listed in
// docs/src/content/docs/migrating.md with its reason; anything else fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../site/model/load/index.ts';
import type { Site } from '../../site/model/site.ts';
import type { StatuspageIncident } from '../../site/model/statuspage/schemas.ts';
import { candor } from '../helpers/cli.ts';
import { OUT } from '../helpers/paths.ts';
import { candorImport, emptyDir, REAL } from './cli.ts';

interface SourceUpdate { id: string; status: string; body: string; display_at: string; affected_components?: { code?: string; new_status?: string }[] | null }
interface SourceIncident { id: string; name: string; status: string; impact: string; shortlink: string; resolved_at: string | null; incident_updates: SourceUpdate[] }

const EXPORTS = { 'telerik-2016': ['incidents.json'] };
const NOW = '2026-11-30T12:00:00Z';
// Documented differences (migrating.md, "Round trip"): Candor has no impact "none", nor a "postmortem" status.
const IMPACT: Record<string, string> = { none: 'minor' };
const STATUS: Record<string, string> = { postmortem: 'resolved' };
const instant = (s: string | null) => (s ? new Date(s).getTime() : null);
/** Statuspage bodies are HTML-ish text with CRLF; ours are the Markdown the importer wrote. Compare the words. */
const words = (s: string) => s.replace(/\r\n?/g, '\n').replace(/\\\n/g, '\n').replace(/\s+/g, ' ').trim();

describe.each(Object.entries(EXPORTS))('round trip of the real %s export', (name, files) => {
  let source: SourceIncident[];
  let ours: Map<string, StatuspageIncident>;
  let root: string;
  let site: Site;
  beforeAll(async () => {
    const paths = files.map((f) => join(REAL, 'statuspage', name, f));
    source = paths.flatMap((p) => (JSON.parse(readFileSync(p, 'utf8')) as { incidents?: SourceIncident[] }).incidents ?? []);
    root = emptyDir();
    const run = candorImport(['statuspage', ...paths, '--root', root, '--now', NOW]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const loaded = await loadSite(root, { now: new Date(NOW) });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    site = loaded.value;
    // What a client fetches: /api/v2/incidents.json of the built site.
    const out = join(OUT, `round-trip-${name}`);
    const build = candor(['build', '--root', root, '--out', out, '--now', NOW]);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const served = JSON.parse(readFileSync(join(out, 'main', 'api', 'v2', 'incidents.json'), 'utf8')) as { incidents: StatuspageIncident[] };
    ours = new Map(served.incidents.map((i) => [i.id, i]));
  });

  it('passes candor check and lint with no findings', () => {
    const lint = candor(['lint', '--root', root, '--now', NOW]);
    expect(lint.stdout).toContain('No problems found.');
    expect(lint.code).toBe(0);
  });

  it('serves every incident under its Statuspage id, with its name, status, impact, short link and resolution time', () => {
    expect([...ours.keys()].sort()).toEqual(source.map((i) => i.id).sort());
    for (const s of source) {
      const o = ours.get(s.id)!;
      expect({ name: o.name, status: o.status, impact: o.impact, shortlink: o.shortlink, resolved_at: instant(o.resolved_at) }, s.id).toEqual({
        name: s.name,
        status: STATUS[s.status] ?? s.status,
        impact: IMPACT[s.impact] ?? s.impact,
        shortlink: s.shortlink,
        resolved_at: instant(s.resolved_at),
      });
    }
  });

  it('serves every update under its id, with its status, words, display time and component changes', () => {
    for (const s of source) {
      const o = ours.get(s.id)!;
      const byId = new Map(o.incident_updates.map((u) => [u.id, u]));
      for (const su of s.incident_updates) {
        const ou = byId.get(su.id)!;
        expect(ou, `${s.id} update ${su.id}`).toBeDefined();
        expect({ status: ou.status, body: words(ou.body), display_at: instant(ou.display_at) }).toEqual({ status: su.status, body: words(su.body), display_at: instant(su.display_at) });
        const changed = (su.affected_components ?? []).filter((a) => a.code && a.new_status);
        for (const a of changed) expect(ou.affected_components ?? [], `${su.id}`).toContainEqual(expect.objectContaining({ code: a.code, new_status: a.new_status }));
      }
      // Candor adds nothing unless the source closed an incident without saying so; that update has no source id.
      expect(o.incident_updates.length).toBe(s.incident_updates.length + (s.incident_updates.some((u) => ['resolved', 'postmortem', 'completed'].includes(u.status)) ? 0 : 1));
    }
  });

  it('never promises a postmortem for imported history, not even for its major incident', () => {
    expect(site.incidents.some((i) => i.impact === 'major')).toBe(true);
    for (const i of site.incidents) {
      expect(i.imported?.from).toBe('statuspage');
      const html = readFileSync(join(OUT, `round-trip-${name}`, 'main', 'incidents', i.id, 'index.html'), 'utf8');
      expect(html).toContain(i.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').slice(0, 20));
      expect(html).not.toContain('A postmortem will follow');
    }
  });
});
