// The benchmark's content generator: the same seed gives the same history, and what it writes is valid content
// that the real loader accepts and the linter has nothing to say about, shaped like the issue asks.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, generate } from '../../bench/generate/index.ts';
import { writeSite } from '../../bench/generate/write.ts';
import { readConfig } from '../../site/model/load/config.ts';
import { formatErrors } from '../../site/model/errors.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { lint } from '../../site/model/lint/index.ts';
import { timeline } from '../../site/model/timeline.ts';
import { REPO } from '../helpers/paths.ts';

const N = 120;
const options = { ...DEFAULTS, incidents: N };
const config = async () => (await readConfig(REPO)).config!;

describe('benchmark content generator', () => {
  it('is deterministic for a seed, and another seed gives another history', async () => {
    const c = await config();
    const a = generate(c, options);
    expect(generate(c, options)).toEqual(a);
    expect(Object.keys(generate(c, { ...options, seed: DEFAULTS.seed + 1 }).files)).not.toEqual(Object.keys(a.files));
  });

  it('writes content the loader accepts and the linter passes, with the mix the benchmark needs', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'candor-bench-')), 'site');
    const generated = await writeSite(root, join(REPO, 'candor.config.yaml'), options);
    const loaded = await loadSite(root, { now: DEFAULTS.now });
    if (!loaded.ok) throw new Error(formatErrors(loaded.errors));
    const site = loaded.value;
    expect(lint(site, DEFAULTS.now)).toEqual([]);

    expect(site.incidents).toHaveLength(N);
    const years = new Set(site.incidents.map((i) => i.started.getUTCFullYear()));
    expect(years.size).toBeGreaterThanOrEqual(4);
    for (const i of site.incidents) expect(i.updates.length).toBeGreaterThanOrEqual(i.id === generated.openIncident || timeline(i, site.config, DEFAULTS.now).status === 'scheduled' ? 1 : 3);
    expect(Math.max(...site.incidents.map((i) => i.updates.length))).toBe(6);
    const incidents = site.incidents.filter((i) => i.kind === 'incident');
    expect(new Set(incidents.map((i) => i.impact))).toEqual(new Set(['minor', 'major', 'critical']));
    expect(site.incidents.some((i) => i.kind === 'maintenance')).toBe(true);
    expect(site.incidents.some((i) => i.postmortem)).toBe(true);
    expect(site.incidents.some((i) => i.regions.length > 0)).toBe(true);
    expect(site.incidents.some((i) => Object.keys(i.translations).length === 5)).toBe(true);
    expect(new Set(incidents.flatMap((i) => i.components)).size).toBe(site.config.components.length);

    // The present: exactly one incident under way, and a window announced for later.
    const open = incidents.filter((i) => timeline(i, site.config, DEFAULTS.now).open);
    expect(open.map((i) => i.id)).toEqual([generated.openIncident]);
    expect(timeline(open[0]!, site.config, DEFAULTS.now).nextUpdate!.getTime()).toBeGreaterThan(DEFAULTS.now.getTime());
    expect(site.incidents.some((i) => i.kind === 'maintenance' && i.started > DEFAULTS.now)).toBe(true);
  });
});
