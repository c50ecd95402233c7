// A mirror with a region focus leads with its regions' state; what happens only elsewhere is counted apart.
import { describe, expect, it } from 'vitest';
import { overall, overallIn } from '../../site/model/status.ts';
import { siteOf } from '../helpers/site.ts';
import { md } from '../helpers/testdir.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const FILES = {
  'incidents/2026-11-23-eu/index.md': md({ kind: 'incident', title: 'EU', impact: 'major', components: ['api'], regions: ['eu'], started: '2026-11-23T10:00:00Z' }),
  'incidents/2026-11-23-eu/2026-11-23T1010Z.md': md({ status: 'investigating', next_update: '2026-11-23T13:00:00Z' }, 'text'),
  'incidents/2026-11-23-db/index.md': md({ kind: 'maintenance', title: 'DB', components: ['web'], scheduled: { start: '2026-11-23T11:00:00Z', end: '2026-11-23T13:00:00Z' } }),
  'incidents/2026-11-23-db/2026-11-20T1000Z.md': md({ status: 'scheduled' }, 'text'),
};

describe('the headline of a mirror with a region focus', () => {
  it('reads its own regions: an incident in Europe only is elsewhere for the United States, and counted', async () => {
    const site = await siteOf(FILES, NOW);
    const us = overallIn(site, NOW, ['us']);
    // The maintenance is in every region (the website runs in both), so it is the United States' too.
    expect(us.indicator).toBe('maintenance');
    expect(us.incidents).toEqual([]);
    expect(us.elsewhere.map((i) => i.id)).toEqual(['2026-11-23-eu']);
    expect(us.whole).toBe('major');
  });

  it('reads the outage where it is', async () => {
    const site = await siteOf(FILES, NOW);
    const eu = overallIn(site, NOW, ['eu']);
    expect(eu.indicator).toBe('major');
    expect(eu.incidents.map((i) => i.id)).toEqual(['2026-11-23-eu']);
    expect(eu.elsewhere).toEqual([]);
  });

  it('keeps the whole picture without a focus, as the global mirror and the API do', async () => {
    const site = await siteOf(FILES, NOW);
    const all = overallIn(site, NOW, []);
    expect(all).toMatchObject({ indicator: 'major', whole: 'major', elsewhere: [] });
    expect(all.incidents).toEqual(overall(site, NOW).incidents);
  });
});
