import { describe, expect, it } from 'vitest';
import { dailyUptime } from '../../site/model/uptime.ts';
import { siteOf } from '../helpers/site.ts';
import { md, MINIMAL_CONFIG } from '../helpers/testdir.ts';

const NOW = new Date('2026-11-23T12:00:00Z');

function outage(id: string, start: string, end: string, states: Record<string, string>[], impact = 'critical') {
  const day = start.slice(0, 10);
  const stem = (iso: string) => `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
  const files: Record<string, string> = {
    [`incidents/${day}-${id}/index.md`]: md({ kind: 'incident', title: id, impact, components: ['api'], started: start }),
    [`incidents/${day}-${id}/${stem(end)}.md`]: md({ status: 'resolved', data_loss: 'none' }, 'ok'),
  };
  states.forEach((s, i) => {
    const at = new Date(Date.parse(start) + i * 60 * 60_000 + 60_000).toISOString();
    files[`incidents/${day}-${id}/${stem(at)}.md`] = md({ status: 'identified', next_update: end, components: s }, 'x');
  });
  return files;
}

describe('dailyUptime', () => {
  it('counts a major outage fully and a partial outage by half', async () => {
    const site = await siteOf(
      {
        ...outage('major', '2026-11-20T10:00:00Z', '2026-11-20T12:00:00Z', [{ api: 'major_outage' }]),
        ...outage('partial', '2026-11-21T00:00:00Z', '2026-11-21T04:00:00Z', [{ api: 'partial_outage' }]),
        ...outage('slow', '2026-11-22T00:00:00Z', '2026-11-22T06:00:00Z', [{ api: 'degraded_performance' }]),
      },
      NOW,
    );
    const { days, percent } = dailyUptime(site, 'api', { days: 5, now: NOW });
    expect(days.map((d) => d.date)).toEqual(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23']);
    expect(days[0]).toEqual({ date: '2026-11-19', uptime: 1, worst: 'operational', incidents: [] });
    expect(days[1]!.uptime).toBeCloseTo(1 - 2 / 24, 10);
    expect(days[1]!.worst).toBe('major_outage');
    expect(days[2]!.uptime).toBeCloseTo(1 - (0.5 * 4) / 24, 10);
    expect(days[3]).toMatchObject({ uptime: 1, worst: 'degraded_performance', incidents: ['2026-11-22-slow'] });
    // Observed time: four whole days plus the 12 hours of today so far.
    expect(percent).toBeCloseTo(1 - (2 + 2) / (4 * 24 + 12), 10);
  });

  it('takes the worst state where incidents overlap, instead of adding them', async () => {
    const site = await siteOf(
      {
        ...outage('a', '2026-11-22T00:00:00Z', '2026-11-22T03:00:00Z', [{ api: 'partial_outage' }]),
        ...outage('b', '2026-11-22T01:00:00Z', '2026-11-22T02:00:00Z', [{ api: 'major_outage' }]),
      },
      NOW,
    );
    // 1 h major (weight 1) + 2 h partial (weight 0.5) = 2 h of downtime.
    expect(dailyUptime(site, 'api', { days: 2, now: NOW }).days[0]!.uptime).toBeCloseTo(1 - 2 / 24, 10);
  });

  it('shows no data before a component existed, and counts an open incident up to now', async () => {
    const config = MINIMAL_CONFIG.replace('{ id: api, name: API, group: core }', "{ id: api, name: API, group: core, since: '2026-11-22' }");
    const site = await siteOf(
      {
        'incidents/2026-11-23-down/index.md': md({ kind: 'incident', title: 'down', impact: 'critical', components: ['api'], started: '2026-11-23T06:00:00Z' }),
        'incidents/2026-11-23-down/2026-11-23T0601Z.md': md({ status: 'investigating', next_update: '2026-11-23T13:00:00Z' }, 'x'),
      },
      NOW,
      config,
    );
    const { days, percent } = dailyUptime(site, 'api', { days: 3, now: NOW });
    expect(days.map((d) => d.uptime)).toEqual([null, 1, 0.5]);
    expect(percent).toBeCloseTo(1 - 6 / 36, 10);
  });
});
