import { describe, expect, it } from 'vitest';
import { componentStates, overall, regionStates } from '../../site/model/status.ts';
import { timeline } from '../../site/model/timeline.ts';
import { siteOf } from '../helpers/site.ts';
import { md } from '../helpers/testdir.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const incident = (id: string, fields: Record<string, unknown>, updates: Record<string, Record<string, unknown>>) => ({
  [`incidents/${id}/index.md`]: md({ kind: 'incident', title: id, ...fields }),
  ...Object.fromEntries(Object.entries(updates).map(([stem, f]) => [`incidents/${id}/${stem}.md`, md(f, 'text')])),
});
const open = (next: string, extra = {}) => ({ status: 'investigating', next_update: next, ...extra });

describe('derived status', () => {
  it('gives affected components the impact\'s state, per region, and the page the worst indicator', async () => {
    const site = await siteOf(
      incident('2026-11-23-api', { impact: 'major', components: ['api'], regions: ['eu'], started: '2026-11-23T10:00:00Z' }, {
        '2026-11-23T1010Z': open('2026-11-23T13:00:00Z'),
      }),
      NOW,
    );
    const states = componentStates(site, NOW);
    expect(states.get('api')).toEqual({ id: 'api', state: 'partial_outage', regions: { eu: 'partial_outage', us: 'operational' }, incidents: ['2026-11-23-api'] });
    expect(states.get('web')!.state).toBe('operational');
    expect(Object.fromEntries(regionStates(site, states))).toEqual({ eu: 'partial_outage', us: 'operational' });
    const o = overall(site, NOW);
    expect(o.indicator).toBe('major');
    expect(o.incidents.map((i) => i.id)).toEqual(['2026-11-23-api']);
  });

  it('lets the worst of several incidents win, and honours explicit component states', async () => {
    const site = await siteOf(
      {
        ...incident('2026-11-23-a', { impact: 'minor', components: ['api', 'web'], started: '2026-11-23T10:00:00Z' }, {
          '2026-11-23T1010Z': open('2026-11-23T13:00:00Z', { components: { web: 'operational' } }),
        }),
        ...incident('2026-11-23-b', { impact: 'minor', components: ['api'], started: '2026-11-23T11:00:00Z' }, {
          '2026-11-23T1110Z': open('2026-11-23T13:00:00Z', { components: { api: 'major_outage' } }),
        }),
      },
      NOW,
    );
    const states = componentStates(site, NOW);
    expect(states.get('api')!.state).toBe('major_outage');
    expect(states.get('web')!.state).toBe('operational');
    // Both incidents are minor, so the page says minor even though a component is in a major outage.
    expect(overall(site, NOW).indicator).toBe('minor');
  });

  it('lets a monitored incident raise the page only as far as its components still show', async () => {
    const monitoring = (components?: Record<string, string>) =>
      incident('2026-11-23-api', { impact: 'major', components: ['api'], started: '2026-11-23T10:00:00Z' }, {
        '2026-11-23T1010Z': open('2026-11-23T11:00:00Z'),
        '2026-11-23T1100Z': { status: 'monitoring', next_update: '2026-11-23T13:00:00Z', ...(components ? { components } : {}) },
      });
    // The monitoring template's components: back to operational, so the banner and status.json say "none".
    const back = await siteOf(monitoring({ api: 'operational' }), NOW);
    expect(componentStates(back, NOW).get('api')!.state).toBe('operational');
    expect(overall(back, NOW)).toMatchObject({ indicator: 'none', incidents: [expect.objectContaining({ id: '2026-11-23-api' })] });
    // Still recovering: the page follows the components...
    expect(overall(await siteOf(monitoring({ api: 'degraded_performance' }), NOW), NOW).indicator).toBe('minor');
    // ...and never says more than the incident's impact.
    expect(overall(await siteOf(monitoring({ api: 'major_outage' }), NOW), NOW).indicator).toBe('major');
  });

  it('returns to operational when resolved, and says "none" only then', async () => {
    const files = incident('2026-11-23-api', { impact: 'critical', components: ['api'], started: '2026-11-23T10:00:00Z' }, {
      '2026-11-23T1010Z': open('2026-11-23T11:00:00Z'),
      '2026-11-23T1100Z': { status: 'resolved', data_loss: 'none' },
    });
    const site = await siteOf(files, NOW);
    expect(componentStates(site, NOW).get('api')!.state).toBe('operational');
    expect(overall(site, NOW)).toMatchObject({ indicator: 'none', incidents: [] });
    const t = timeline(site.incidents[0]!, site.config, NOW);
    expect(t).toMatchObject({ status: 'resolved', open: false, durationMs: 60 * 60_000, nextUpdate: undefined });
    expect(t.resolvedAt!.toISOString()).toBe('2026-11-23T11:00:00.000Z');
  });

  it('shows maintenance only while it is under way, and lets an incident outrank it', async () => {
    // Manual windows: only updates move them (automatic transitions have their own tests in maintenance-clock).
    const mnt = (status: string) => ({
      'incidents/2026-11-23-db/index.md': md({ kind: 'maintenance', title: 'DB', components: ['web'], automatic: false, scheduled: { start: '2026-11-23T11:00:00Z', end: '2026-11-23T13:00:00Z' } }),
      'incidents/2026-11-23-db/2026-11-20T1000Z.md': md({ status: 'scheduled' }, 'Planned.'),
      ...(status === 'in_progress' ? { 'incidents/2026-11-23-db/2026-11-23T1100Z.md': md({ status: 'in_progress' }, 'Started.') } : {}),
    });
    const planned = await siteOf(mnt('scheduled'), NOW);
    expect(overall(planned, NOW).indicator).toBe('none');
    const running = await siteOf(mnt('in_progress'), NOW);
    expect(overall(running, NOW).indicator).toBe('maintenance');
    expect(componentStates(running, NOW).get('web')!.state).toBe('under_maintenance');
    const both = await siteOf(
      { ...mnt('in_progress'), ...incident('2026-11-23-api', { impact: 'minor', components: ['api'], started: '2026-11-23T10:00:00Z' }, { '2026-11-23T1010Z': open('2026-11-23T13:00:00Z') }) },
      NOW,
    );
    expect(overall(both, NOW)).toMatchObject({ indicator: 'minor', maintenance: [expect.objectContaining({ id: '2026-11-23-db' })] });
  });

  it('brings a reopened incident back', async () => {
    const site = await siteOf(
      incident('2026-11-23-api', { impact: 'major', components: ['api'], started: '2026-11-23T09:00:00Z' }, {
        '2026-11-23T0910Z': open('2026-11-23T10:00:00Z'),
        '2026-11-23T1000Z': { status: 'resolved', data_loss: 'none' },
        '2026-11-23T1100Z': { status: 'investigating', reopen: true, next_update: '2026-11-23T12:30:00Z' },
      }),
      NOW,
    );
    expect(componentStates(site, NOW).get('api')!.state).toBe('partial_outage');
    expect(timeline(site.incidents[0]!, site.config, NOW)).toMatchObject({ open: true, resolvedAt: undefined });
    expect(timeline(site.incidents[0]!, site.config, NOW).nextUpdate!.toISOString()).toBe('2026-11-23T12:30:00.000Z');
  });
});
