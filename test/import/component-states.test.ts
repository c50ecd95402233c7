// Component states only from the source: an imported timeline changes a component's state only at an update whose
// affected_components records that change. Each case starts from a real capture (test/fixtures/import/real, see
// PROVENANCE.md), as served or bent the way the issue saw real pages do it (updates that record no change at all;
// a first change recorded on a later update; an outage with no recorded return to operational).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentStates } from '../../site/model/status.ts';
import { statesAt, timeline } from '../../site/model/timeline.ts';
import { dailyUptime } from '../../site/model/uptime.ts';
import { apiAt, type Imported, importInProcess, REAL, scratchDir } from './pipeline.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const capture = (path: string): Json => JSON.parse(readFileSync(join(REAL, 'statuspage', path), 'utf8'));
const NOW = '2026-11-30T12:00:00Z';

function write(doc: object): string {
  const file = join(scratchDir(), 'export.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

/** What every view says about `component` of the one imported incident, at `at`. */
function views(r: Imported, component: string, at: string) {
  const incident = r.site.incidents[0]!;
  const t = timeline(incident, r.site.config, new Date(NOW));
  return {
    timeline: statesAt(t, new Date(at))[component] ?? null,
    page: componentStates(r.site, new Date(at)).get(component)!.state,
    uptime: dailyUptime(r.site, component, { days: 1, now: new Date(at) }).days[0]!.worst,
  };
}

/** Every update's affected_components as /api/v2 serves them: `[update id, [code, old, new]…]`. */
function served(r: Imported, id: string) {
  const incidents = [...apiAt(r.site, NOW)['incidents.json']!.incidents, ...apiAt(r.site, NOW)['scheduled-maintenances.json']!.scheduled_maintenances];
  const incident = incidents.find((i: Json) => i.id === id);
  return [...incident.incident_updates].reverse().map((u: Json) => [u.id, (u.affected_components ?? []).map((a: Json) => [a.code, a.old_status, a.new_status])]);
}

const componentId = (r: Imported, sourceId: string) => r.site.config.components.find((c) => c.source_id === sourceId)!.id;

describe('updates that record no component change', () => {
  it('leave the components of a real major incident listed as affected, with no state: no outage the company never declared', async () => {
    // GitHub 2024 "Incident with Actions and Pages" (69sb0f8lydp4, impact major), its updates' component records removed.
    const incident = capture('github-2024/incidents.json').incidents.find((i: Json) => i.id === '69sb0f8lydp4');
    for (const u of incident.incident_updates) u.affected_components = null;
    const r = await importInProcess('statuspage', [write({ incidents: [incident] })], NOW);
    const actions = componentId(r, 'br0l2tvcx85d');
    const pages = componentId(r, 'vg70hn9s2tyj');
    expect(r.site.incidents[0]!.components.sort()).toEqual([actions, pages].sort());
    expect(served(r, '69sb0f8lydp4').every(([, changes]) => (changes as unknown[]).length === 0)).toBe(true);
    for (const c of [actions, pages]) {
      expect(views(r, c, '2024-09-16T21:45:00Z'), c).toEqual({ timeline: null, page: 'operational', uptime: 'operational' });
      expect(dailyUptime(r.site, c, { days: 1, now: new Date('2024-09-16T23:59:00Z') }).percent, c).toBe(1);
    }
    expect(r.text).toContain('- 2 component(s) attached to an incident with no recorded change are listed as affected without a state (none is derived from the impact)');
  });

  it('give the component a real maintenance or a code-less placeholder names no state either (Discord 2015, Telerik 2016)', async () => {
    const r = await importInProcess('statuspage', [join(REAL, 'statuspage', 'discord-2022', 'scheduled-maintenances.json')], NOW);
    expect(served(r, 'chkt3cr0jf7b')).toEqual([['1nz6l9z9fbyc', []], ['qx6z06wkmsfd', []], ['l44j4c4st6mh', []], ['m4nqbp4s5jxj', []]]);
    expect(views(r, r.site.incidents[0]!.components[0]!, '2015-09-22T08:00:00Z')).toEqual({ timeline: null, page: 'operational', uptime: 'operational' });
    const t = await importInProcess('statuspage', [join(REAL, 'statuspage', 'telerik-2016', 'incidents.json')], NOW);
    const major = t.site.incidents.find((i) => i.imported?.id === 'gzrdn0ymmjp1')!;
    expect(statesAt(timeline(major, t.site.config, new Date(NOW)), new Date('2016-06-09T12:30:00Z'))).toEqual({});
    expect(dailyUptime(t.site, major.components[0]!, { days: 1, now: new Date('2016-06-09T23:00:00Z') }).percent).toBe(1);
  });
});

describe('a first change recorded on a later update', () => {
  it('changes the component there, not from the start or the first update', async () => {
    // The same GitHub incident with its first update's record removed: Actions and Pages are first recorded at 21:37:26.995Z.
    const incident = capture('github-2024/incidents.json').incidents.find((i: Json) => i.id === '69sb0f8lydp4');
    incident.incident_updates.find((u: Json) => u.id === '9lpqk4965mzb').affected_components = null;
    const r = await importInProcess('statuspage', [write({ incidents: [incident] })], NOW);
    const actions = componentId(r, 'br0l2tvcx85d');
    const pages = componentId(r, 'vg70hn9s2tyj');
    for (const at of ['2024-09-16T21:31:02.750Z', '2024-09-16T21:35:00Z', '2024-09-16T21:37:26.994Z']) {
      expect(views(r, actions, at), at).toEqual({ timeline: null, page: 'operational', uptime: 'operational' });
    }
    expect(views(r, actions, '2024-09-16T21:37:26.995Z').timeline).toBe('major_outage');
    expect(views(r, pages, '2024-09-16T21:40:00Z')).toEqual({ timeline: 'partial_outage', page: 'partial_outage', uptime: 'partial_outage' });
    const changes = served(r, '69sb0f8lydp4');
    expect(changes[0]).toEqual(['9lpqk4965mzb', []]);
    expect(changes[1]![1]).toEqual(expect.arrayContaining([[expect.any(String), 'operational', 'major_outage'], [expect.any(String), 'operational', 'partial_outage']]));
    // 12 minutes of Actions' day were not an outage before the source said so: uptime counts from 21:37:26.995Z.
    const day = dailyUptime(r.site, actions, { days: 1, now: new Date('2024-09-16T23:59:59Z') });
    expect(day.days[0]!.worst).toBe('major_outage');
  });

  it('serves exactly the source changes of every update of the real incident as captured', async () => {
    const r = await importInProcess('statuspage', [join(REAL, 'statuspage', 'github-2024', 'incidents.json')], NOW);
    const source = capture('github-2024/incidents.json').incidents.find((i: Json) => i.id === '69sb0f8lydp4');
    const real = [...source.incident_updates].reverse().map((u: Json) => [u.id, (u.affected_components ?? []).filter((a: Json) => a.old_status !== a.new_status).map((a: Json) => [a.code, a.old_status, a.new_status])]);
    const ours = served(r, '69sb0f8lydp4').map(([id, changes]) => [id, (changes as string[][]).map(([, o, n]) => [o, n])]);
    expect(ours).toEqual(real.map(([id, changes]) => [id, (changes as string[][]).map(([, o, n]) => [o, n])]));
    // And before its first update nothing was out: the source records the change at 21:31:02.798Z, not at started_at.
    expect(views(r, componentId(r, 'br0l2tvcx85d'), '2024-09-16T21:31:02.750Z').timeline).toBe(null);
  });
});

describe('an outage the source never records as over', () => {
  it('ends at the all-clear, and the report says the state Candor needed that the source lacks', async () => {
    // Discord 2022 "API errors": the updates that returned API to operational lose their records.
    const incident = capture('discord-2022/incidents.json').incidents[0];
    for (const u of incident.incident_updates) if (['2shj4d01hc9g', 'g93t2s4f10jh'].includes(u.id)) u.affected_components = null;
    const r = await importInProcess('statuspage', [write({ incidents: [incident] })], NOW);
    expect(r.text).toContain(`component "API" is last recorded as degraded_performance; the source records no return to operational, and Candor ends the incident's states at its resolved update (2022-02-15T13:37:37.388-08:00)`);
    const api = r.site.incidents[0]!.components[0]!;
    expect(views(r, api, '2022-02-15T21:30:00Z').timeline).toBe('degraded_performance');
    expect(views(r, api, '2022-02-15T21:38:00Z')).toEqual({ timeline: null, page: 'operational', uptime: 'degraded_performance' });
  });
});
