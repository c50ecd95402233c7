// The benchmark's cState side (issue 26): the generated history written as a cState v6 site is what cState reads
// (its archetype's front matter, one `track` shortcode per update), and `candor import cstate` brings the same
// history back — same incidents, titles, kinds, severities and updates — so both sides build one history.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { cstateSite } from '../../bench/generate/cstate.ts';
import { DEFAULTS } from '../../bench/generate/index.ts';
import { writeSite } from '../../bench/generate/write.ts';
import { formatErrors } from '../../site/model/errors.ts';
import { localize } from '../../site/model/format.ts';
import { parseMarkdownFile } from '../../site/model/frontmatter.ts';
import { loadSite } from '../../site/model/load/index.ts';
import type { Site } from '../../site/model/site.ts';
import { cstateDraft } from '../../scripts/import/cstate/map.ts';
import { readCstate } from '../../scripts/import/cstate/read.ts';
import { planImport } from '../../scripts/import/plan.ts';
import { Report } from '../../scripts/import/report.ts';
import { writeNew } from '../../scripts/lib/write.ts';
import { REPO } from '../helpers/paths.ts';

const N = 20;
const TRACK = /\{\{< track "(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)" >\}\}$/gm;

let site: Site;
let files: Record<string, string>;
let folder: string;

beforeAll(async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'candor-bench-cstate-'));
  await writeSite(join(tmp, 'candor'), join(REPO, 'candor.config.yaml'), { ...DEFAULTS, incidents: N });
  const loaded = await loadSite(join(tmp, 'candor'), { now: DEFAULTS.now });
  if (!loaded.ok) throw new Error(formatErrors(loaded.errors));
  site = loaded.value;
  files = cstateSite(site);
  folder = join(tmp, 'cstate');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
});

describe('the benchmark history as a cState site', () => {
  it("writes config.yml with the components as systems and the theme's colour params", () => {
    const config = parseYaml(files['config.yml']!);
    expect(config.theme).toBe('cstate');
    expect(config.taxonomies).toEqual({ affected: 'affected' });
    expect(config.params.systems.map((s: { name: string }) => s.name)).toEqual(site.config.components.map((c) => localize(c.name, 'en', 'en')));
    for (const s of config.params.systems) expect(config.params.categories.map((c: { name: string }) => c.name)).toContain(s.category);
    for (const colour of ['brand', 'ok', 'disrupted', 'down', 'notice']) expect(config.params[colour]).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("writes one issue per incident with cState's front matter and one track shortcode per update, newest first", () => {
    const issues = Object.keys(files).filter((p) => p.startsWith('content/issues/'));
    expect(issues).toHaveLength(N);
    const systems = parseYaml(files['config.yml']!).params.systems.map((s: { name: string }) => s.name);
    for (const incident of site.incidents) {
      const parsed = parseMarkdownFile(files[`content/issues/${incident.id}.md`]!);
      if (!('data' in parsed)) throw new Error(parsed.message);
      const { data, body } = parsed;
      expect(Object.keys(data).filter((k) => k !== 'resolvedWhen')).toEqual(['title', 'date', 'resolved', 'severity', 'affected', 'section']);
      expect(data.title).toBe(incident.title);
      expect(data.section).toBe('issue');
      expect(['down', 'disrupted', 'notice']).toContain(data.severity);
      if (incident.kind === 'maintenance') expect(data.severity).toBe('notice');
      for (const name of data.affected as string[]) expect(systems).toContain(name);
      const tracks = [...body.matchAll(TRACK)].map((m) => m[1]!);
      expect(tracks).toHaveLength(incident.updates.length);
      expect(tracks).toEqual(tracks.toSorted().toReversed());
      expect(body).not.toMatch(/\{time:/);
    }
    // Some resolved, the outage under way and the window announced for later not.
    const resolved = site.incidents.map((i) => {
      const parsed = parseMarkdownFile(files[`content/issues/${i.id}.md`]!);
      return 'data' in parsed && parsed.data.resolved === true;
    });
    expect(resolved.filter((r) => !r)).toHaveLength(2);
  });

  it('comes back through `candor import cstate` as the same history', async () => {
    const report = new Report();
    const draft = cstateDraft(readCstate(folder, report), 'UTC', report);
    expect(report.failed).toBe(false);
    const root = mkdtempSync(join(tmpdir(), 'candor-bench-imported-'));
    await writeNew(root, planImport(draft, root, 'candor import cstate', report).files);
    const loaded = await loadSite(root, { now: DEFAULTS.now });
    if (!loaded.ok) throw new Error(formatErrors(loaded.errors));
    const shape = (s: Site) =>
      s.incidents
        .map((i) => ({
          title: i.title,
          kind: i.kind,
          impact: i.impact,
          components: i.components.length,
          updates: i.updates.map((u) => `${u.at.toISOString()} ${u.status}`),
          postmortem: !!i.postmortem,
        }))
        .sort((a, b) => a.updates[0]!.localeCompare(b.updates[0]!));
    expect(shape(loaded.value)).toEqual(shape(site));
  });
});
