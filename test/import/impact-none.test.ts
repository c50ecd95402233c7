// Statuspage's impact "none" survives the move: the real Telerik 2016 export has an incident of no impact. The
// import adds a level "none" to the config, and the page, /api/v2, badge and feeds all treat it as no impact.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../site/model/load/index.ts';
import type { Site } from '../../site/model/site.ts';
import { statuspageDocuments } from '../../site/model/statuspage/documents.ts';
import { overall } from '../../site/model/status.ts';
import { candor } from '../helpers/cli.ts';
import { page, text } from '../helpers/html.ts';
import { OUT } from '../helpers/paths.ts';
import { candorImport, emptyDir, REAL } from './cli.ts';

const TELERIK = join(REAL, 'statuspage', 'telerik-2016', 'incidents.json');
const NONE_ID = 'dyydh2t8r73y'; // "AppBuilder iOS build … temporarily unavailable", 2016-04-29 08:22–11:53 UTC
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const json = (path: string): Json => JSON.parse(readFileSync(path, 'utf8'));

describe('an incident of impact "none", imported and built', () => {
  const NOW = '2026-11-30T12:00:00Z';
  // After the incident, a week and a year later, and the real clock (while it was open: the next block).
  const moments = ['2016-04-29T12:00:00Z', '2016-05-06T12:00:00Z', '2017-04-29T12:00:00Z', new Date().toISOString()];
  let root: string;
  let site: Site;
  const out = join(OUT, 'impact-none');
  beforeAll(async () => {
    root = emptyDir();
    const run = candorImport(['statuspage', TELERIK, '--root', root, '--now', NOW]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const loaded = await loadSite(root, { now: new Date(NOW) });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    site = loaded.value;
    const build = candor(['build', '--root', root, '--out', out, '--now', NOW]);
    expect(build.code, build.stdout + build.stderr).toBe(0);
  });
  const incident = () => site.incidents.find((i) => i.imported?.id === NONE_ID)!;

  it('keeps impact none in the content, with a level that leaves components operational', () => {
    expect(readFileSync(join(root, 'candor.config.yaml'), 'utf8')).toContain('impacts:\n  none:\n    component_state: operational\n    indicator: none\n  minor:');
    expect(readFileSync(join(root, 'incidents', incident().id, 'index.md'), 'utf8')).toContain('\nimpact: none\n');
  });

  it.each(moments)('at %s, /api/v2 serves it resolved with impact "none", and the page status is what the components say', (now) => {
    const at = new Date(now);
    const docs = statuspageDocuments({ site, mirror: site.config.mirrors[0]!, now: at, incidentUrl: () => 'https://x.example/' }) as Record<string, Json>;
    expect(docs['incidents/unresolved.json']!.incidents.map((i: Json) => i.id)).not.toContain(NONE_ID);
    expect(docs['incidents.json']!.incidents.find((i: Json) => i.id === NONE_ID)).toMatchObject({ status: 'resolved', impact: 'none' });
    expect(docs['status.json']!.status.indicator).toBe(overall(site, at).indicator);
  });

  it('shows "No impact" on the incident page, and the feeds and the API carry it', () => {
    const main = join(out, 'main');
    expect(text(page(main, `incidents/${incident().id}`).querySelector('dl.facts'))).toContain('Impact No impact');
    expect(readFileSync(join(main, 'rss.xml'), 'utf8')).toContain(`incidents/${incident().id}/`);
    const served = json(join(main, 'api', 'v2', 'incidents.json')).incidents.find((i: Json) => i.id === NONE_ID);
    expect([served.status, served.impact]).toEqual(['resolved', 'none']);
  });
});

describe('an incident of impact "none" while it is open', () => {
  // The export as Statuspage served it at 10:00 that day: the two updates posted by then, not yet resolved.
  const NOW = '2016-04-29T10:00:00Z';
  let main: string;
  beforeAll(() => {
    const incident = (json(TELERIK).incidents as Json[]).find((i) => i.id === NONE_ID)!;
    const then = { ...incident, status: 'monitoring', resolved_at: null, incident_updates: incident.incident_updates.filter((u: Json) => u.status !== 'resolved') };
    const file = join(emptyDir(), 'incidents.json');
    writeFileSync(file, JSON.stringify({ incidents: [then] }));
    const root = emptyDir();
    const run = candorImport(['statuspage', file, '--root', root, '--now', NOW]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const out = join(OUT, 'impact-none-open');
    const build = candor(['build', '--root', root, '--out', out, '--now', NOW]);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    main = join(out, 'main');
  });

  it('is served open with impact "none", and neither the page status, the components nor the badge move', () => {
    const api = join(main, 'api', 'v2');
    expect(json(join(api, 'incidents', 'unresolved.json')).incidents.map((i: Json) => [i.id, i.impact])).toEqual([[NONE_ID, 'none']]);
    expect(json(join(api, 'status.json')).status.indicator).toBe('none');
    expect(json(join(api, 'summary.json')).components.every((c: Json) => c.status === 'operational')).toBe(true);
    expect(json(join(main, 'badge.json')).color).toBe('brightgreen');
  });

  it('shows it on the home page as an open incident of no impact', () => {
    expect(text(page(main, '').querySelector('#active')!.parentNode)).toContain('No impact');
  });
});

describe('impact "none" imported into an existing site', () => {
  const base = 'name: Acme\n# our levels\nimpacts:\n  minor: { component_state: degraded_performance, indicator: minor }\n  major: { component_state: partial_outage, indicator: major }\ncomponents:\n  - id: api\n    name: API\nmirrors:\n  - id: main\n    url: https://status.acme.example/\n    locale: en\n';

  it('adds the level to a config that lists its own impacts, keeping its comments', () => {
    const root = emptyDir();
    writeFileSync(join(root, 'candor.config.yaml'), base);
    const run = candorImport(['statuspage', TELERIK, '--root', root, '--now', '2026-11-30T12:00:00Z']);
    // The export also has "critical"-free majors and minors: only "none" is missing, and it is added.
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const config = readFileSync(join(root, 'candor.config.yaml'), 'utf8');
    expect(config).toContain('# our levels\nimpacts:\n  minor: { component_state: degraded_performance, indicator: minor }\n  major: { component_state: partial_outage, indicator: major }\n  none:');
    expect(run.stdout).toContain('gets the impact level "none"');
  });

  it('writes the built-in levels beside it when the config relied on them', () => {
    const root = emptyDir();
    writeFileSync(join(root, 'candor.config.yaml'), base.replace(/# our levels\nimpacts:\n.*\n.*\n/, ''));
    const run = candorImport(['statuspage', TELERIK, '--root', root, '--now', '2026-11-30T12:00:00Z']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(readFileSync(join(root, 'candor.config.yaml'), 'utf8')).toMatch(/impacts:\n {2}none:\n(?: {4}.*\n)+ {2}minor:\n(?: {4}.*\n)+ {2}major:\n(?: {4}.*\n)+ {2}critical:\n/);
  });
});
