// "A postmortem will follow" only where one is due, and never on imported history; the lint deadline and the
// page read the same rule, so they agree at every moment.
import { describe, expect, it } from 'vitest';
import { lint } from '../../site/model/lint/index.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { postmortemPromised } from '../../site/model/postmortem-due.ts';
import { md, testdir } from '../helpers/testdir.ts';

const RESOLVED = '2026-03-02T10:00:00Z';
const HOUR = 3_600_000;

async function siteWith(imported: boolean, impact: string) {
  const dir = 'incidents/2026-03-02-api-down';
  const root = testdir({
    [`${dir}/index.md`]: md({ title: 'API down', kind: 'incident', impact, components: ['api'], started: '2026-03-02T09:00:00Z', ...(imported ? { imported: { from: 'statuspage', id: 'abc123def456' } } : {}) }),
    [`${dir}/2026-03-02T0900Z.md`]: md({ status: 'investigating', next_update: '2026-03-02T10:00:00Z', components: { api: 'major_outage' } }, 'Customers cannot reach the API.'),
    [`${dir}/2026-03-02T1000Z.md`]: md({ status: 'resolved', data_loss: 'none' }, 'The API works again.'),
  });
  const loaded = await loadSite(root, { now: new Date(RESOLVED) });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.value;
}

const at = (hours: number) => new Date(new Date(RESOLVED).getTime() + hours * HOUR);
// Before the all-clear, just after, a day, just before the 72 h deadline, after it, a week and a year later.
const MOMENTS = [-0.5, 0.1, 24, 71.9, 72.1, 24 * 7, 24 * 365];

describe('postmortemPromised', () => {
  it('promises a postmortem for a major incident written here only from the all-clear until it is due', async () => {
    const site = await siteWith(false, 'major');
    const promised = MOMENTS.map((h) => postmortemPromised(site.incidents[0]!, site.config, at(h)));
    expect(promised).toEqual([false, true, true, true, false, false, false]);
    // After the deadline the page stops promising and lint reports the overdue postmortem instead.
    const overdue = MOMENTS.map((h) => lint(site, at(h)).some((f) => f.rule === 'postmortem-overdue'));
    expect(overdue).toEqual([false, false, false, false, true, true, true]);
  });

  it('never promises one for imported history, and lint never asks for it', async () => {
    const site = await siteWith(true, 'major');
    expect(MOMENTS.map((h) => postmortemPromised(site.incidents[0]!, site.config, at(h)))).toEqual(MOMENTS.map(() => false));
    expect(MOMENTS.flatMap((h) => lint(site, at(h)).map((f) => f.rule))).toEqual([]);
  });

  it('never promises one for a minor incident', async () => {
    const site = await siteWith(false, 'minor');
    expect(MOMENTS.map((h) => postmortemPromised(site.incidents[0]!, site.config, at(h)))).toEqual(MOMENTS.map(() => false));
  });

  it('promises one at the real clock only while it is due', async () => {
    const site = await siteWith(false, 'critical');
    // The fixture was resolved long before today: no promise on the page now.
    expect(postmortemPromised(site.incidents[0]!, site.config, new Date())).toBe(new Date() < at(72));
  });
});
