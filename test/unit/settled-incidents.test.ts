// Questions about one moment over the whole history (what is affected now, what is open, the last 90 days of
// uptime: those days end before a settled incident's segments can reach them) pass over incidents that had settled by then, read from their last update, instead of deriving every
// timeline (site/model/timeline.ts settledAt). Held to the derived timelines on real histories: the example, a
// generated four-year history, and real Statuspage and cState pages imported (test/fixtures/import/real, PROVENANCE.md).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../bench/generate/index.ts';
import { writeSite } from '../../bench/generate/write.ts';
import { loadSite } from '../../site/model/load/index.ts';
import type { Site } from '../../site/model/site.ts';
import { activeAt, overall } from '../../site/model/status.ts';
import { settledAt, statesAt, statusAt, timeline } from '../../site/model/timeline.ts';
import { DAY, MINUTE } from '../../site/model/time.ts';
import { importInProcess, REAL } from '../import/pipeline.ts';
import { REPO } from '../helpers/paths.ts';
import { siteOf } from '../helpers/site.ts';
import { md, MINIMAL_CONFIG } from '../helpers/testdir.ts';

async function load(root: string, now: Date): Promise<Site> {
  const r = await loadSite(root, { now });
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.value;
}

/** Moments that matter to each incident: before it, at each update, just after, and long after; plus the site's own. */
function momentsOf(site: Site, end: Date): Date[] {
  const times = new Set<number>([end.getTime(), end.getTime() + 30 * DAY]);
  for (const i of site.incidents) {
    times.add(i.started.getTime() - MINUTE);
    for (const u of i.updates) [u.at.getTime(), u.at.getTime() + MINUTE].forEach((t) => times.add(t));
    if (i.scheduled) [i.scheduled.start.getTime(), i.scheduled.end.getTime()].forEach((t) => times.add(t));
  }
  return [...times].sort((a, b) => a - b).map((t) => new Date(t));
}

const EDGE_END = new Date('2026-11-23T12:00:00Z');

/** What the histories above may lack: windows left in each status by hand or by the clock, an incident reopened. */
function edgeCases(): Promise<Site> {
  const files: Record<string, string> = {};
  const window = (id: string, last: string, index: Record<string, unknown> = {}) => {
    files[`incidents/${id}/index.md`] = md({ kind: 'maintenance', title: id, components: ['web'], scheduled: { start: '2026-11-23T02:00:00Z', end: '2026-11-23T04:00:00Z' }, ...index });
    files[`incidents/${id}/2026-11-20T0200Z.md`] = md({ status: 'scheduled' }, 'Planned.');
    if (last !== 'scheduled') files[`incidents/${id}/2026-11-23T0300Z.md`] = md({ status: last }, 'Now.');
  };
  for (const status of ['scheduled', 'in_progress', 'verifying', 'completed']) {
    window(`2026-11-23-by-hand-${status.replace('_', '-')}`, status);
    window(`2026-11-23-by-clock-${status.replace('_', '-')}`, status, { automatic: true });
  }
  const reopened = 'incidents/2026-11-22-reopened';
  files[`${reopened}/index.md`] = md({ kind: 'incident', title: 'Reopened', impact: 'major', components: ['api'], started: '2026-11-22T10:00:00Z' });
  files[`${reopened}/2026-11-22T1010Z.md`] = md({ status: 'investigating', next_update: '2026-11-22T11:00:00Z' }, 'Errors.');
  files[`${reopened}/2026-11-22T1100Z.md`] = md({ status: 'resolved' }, 'Fixed.');
  files[`${reopened}/2026-11-22T1200Z.md`] = md({ status: 'investigating', reopen: true, next_update: '2026-11-23T13:00:00Z' }, 'Back again.');
  return siteOf(files, EDGE_END, `${MINIMAL_CONFIG}maintenance: { automatic: false }\n`);
}

const histories: { name: string; site: Site; end: Date }[] = [];

beforeAll(async () => {
  const exampleNow = new Date('2026-11-23T08:40:00Z');
  histories.push({ name: 'the example', site: await load(REPO, exampleNow), end: exampleNow });
  const generated = mkdtempSync(join(tmpdir(), 'candor-settled-'));
  await writeSite(generated, join(REPO, 'candor.config.yaml'), { ...DEFAULTS, incidents: 300, years: 2 });
  histories.push({ name: 'a generated history', site: await load(generated, DEFAULTS.now), end: DEFAULTS.now });
  const now = '2026-11-30T12:00:00Z';
  const captures = [['github-2024/incidents.json'], ['github-2024-archive'], ['discord-2022/incidents.json', 'discord-2022/scheduled-maintenances.json'], ['discord-2022-archive'], ['telerik-2016/incidents.json']];
  for (const inputs of captures) {
    const r = await importInProcess('statuspage', inputs.map((i) => join(REAL, 'statuspage', i)), now);
    histories.push({ name: `Statuspage ${inputs.join(' + ')}`, site: r.site, end: new Date(now) });
  }
  histories.push({ name: 'windows and reopenings written by hand', site: await edgeCases(), end: EDGE_END });
  const cstate = await importInProcess('cstate', [join(REAL, 'cstate', 'exampleSite')], now);
  histories.push({ name: 'cState exampleSite', site: cstate.site, end: new Date(now) });
}, 120_000);

describe('incidents settled by a moment', () => {
  it('impose nothing from then on and are closed, as their derived timelines say, in every real history', () => {
    let settled = 0;
    for (const { name, site } of histories) {
      for (const incident of site.incidents) {
        const at = settledAt(incident, site.config);
        for (const now of [incident.started, ...incident.updates.map((u) => u.at), new Date(Date.now())]) {
          const t = timeline(incident, site.config, now);
          const { status, open } = statusAt(incident, site.config, now);
          expect({ status, open }, `${name}: ${incident.id}`).toEqual({ status: t.status, open: t.open });
          if (!at) continue;
          settled++;
          for (const seg of t.segments) expect(seg.to && seg.to <= at, `${name}: ${incident.id} segment from ${seg.from.toISOString()}`).toBe(true);
          if (at <= now) expect(statesAt(t, now), `${name}: ${incident.id}`).toEqual({});
        }
      }
    }
    // Most of any history has settled: the shortcut is taken, not only checked.
    expect(settled).toBeGreaterThan(1000);
    // …and both ways in the windows by hand: settled unless left in progress or verifying, never when the clock runs one.
    const edge = histories.find((h) => h.name.startsWith('windows'))!.site;
    expect(Object.fromEntries(edge.incidents.map((i) => [i.id.slice(11), Boolean(settledAt(i, edge.config))]))).toEqual({
      'by-hand-scheduled': true, 'by-hand-in-progress': false, 'by-hand-verifying': false, 'by-hand-completed': true,
      'by-clock-scheduled': false, 'by-clock-in-progress': false, 'by-clock-verifying': false, 'by-clock-completed': false, reopened: false,
    });
  });

  it('leave what is affected and what is open at each moment as deriving every timeline gives them', () => {
    for (const { name, site, end } of histories) {
      for (const now of momentsOf(site, end).filter((_, k, all) => k % Math.ceil(all.length / 60) === 0)) {
        const derived = site.incidents.filter((i) => Object.keys(statesAt(timeline(i, site.config, now), now)).length > 0);
        expect(activeAt(site, now).map((i) => i.id), `${name} at ${now.toISOString()}`).toEqual(derived.map((i) => i.id));
        const open = site.incidents.filter((i) => i.kind === 'incident' && i.started <= now && timeline(i, site.config, now).open);
        expect(overall(site, now).incidents.map((i) => i.id).sort(), `${name} at ${now.toISOString()}`).toEqual(open.map((i) => i.id).sort());
      }
    }
  });
});
