import { describe, expect, it } from 'vitest';
import { loadSite } from '../../site/model/load/index.ts';
import { loadValidParts } from '../../site/model/load/partial.ts';
import { measuredUptime } from '../../site/model/measured-uptime.ts';
import { siteOf } from '../helpers/site.ts';
import { MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const CONFIG = `${MINIMAL_CONFIG}monitoring:
  checks:
    - { id: api-eu, component: api, regions: [eu], label: API from Europe, http: { url: 'https://api-eu.internal.test/health' } }
    - { id: api-us, component: api, regions: [us], http: { url: 'https://api-us.internal.test/health' } }
    - { id: api-any, component: api, tcp: { host: 10.0.0.7, port: 443 } }
`;
const file = (check: string, days: object[]) => JSON.stringify({ check, days });
const day = (date: string, runs: number, failures: number, p50_ms?: number, p95_ms?: number) => ({ date, runs, failures, ...(p50_ms ? { p50_ms, p95_ms } : {}) });

describe('measuredUptime', () => {
  it('counts 1 − failures ÷ runs per day, and a day without runs as no data (never as up)', async () => {
    const site = await siteOf({ 'monitoring/api-eu.json': file('api-eu', [day('2026-11-20', 100, 0, 100, 200), day('2026-11-21', 0, 0), day('2026-11-23', 50, 5, 120, 300)]) }, NOW, CONFIG);
    const m = measuredUptime(site, 'api', { days: 5, now: NOW })!;
    expect(m.days.map((d) => [d.date, d.availability])).toEqual([
      ['2026-11-19', null],
      ['2026-11-20', 1],
      ['2026-11-21', null],
      ['2026-11-22', null],
      ['2026-11-23', 0.9],
    ]);
    // Over the window: 5 failures in 150 runs; the no-data days add nothing, up or down.
    expect(m.percent).toBeCloseTo(1 - 5 / 150, 12);
    expect([m.p50_ms, m.p95_ms]).toEqual([110, 250]);
    expect(m.checks.map((c) => c.id)).toEqual(['api-eu']);
    expect(measuredUptime(site, 'web', { days: 5, now: NOW })).toBeUndefined();
  });

  it('adds up every check of the component, and with a region focus only those regions and the unregioned', async () => {
    const site = await siteOf(
      {
        'monitoring/api-eu.json': file('api-eu', [day('2026-11-23', 100, 10, 100, 200)]),
        'monitoring/api-us.json': file('api-us', [day('2026-11-23', 100, 50, 300, 900)]),
        'monitoring/api-any.json': file('api-any', [day('2026-11-23', 100, 0, 50, 60)]),
      },
      NOW,
      CONFIG,
    );
    const all = measuredUptime(site, 'api', { days: 1, now: NOW })!;
    expect(all.days[0]).toMatchObject({ runs: 300, failures: 60, availability: 0.8, p50_ms: 300, p95_ms: 900 });
    const eu = measuredUptime(site, 'api', { days: 1, now: NOW, focus: ['eu'] })!;
    expect(eu.checks.map((c) => c.id)).toEqual(['api-eu', 'api-any']);
    expect(eu.percent).toBeCloseTo(1 - 10 / 200, 12);
    expect(eu.p95_ms).toBe(200);
  });
});

describe('reading monitoring/', () => {
  it('reports each bad file with its field and fix, and leaves only that file out', async () => {
    const root = testdir(
      {
        'monitoring/api-eu.json': file('api-eu', [day('2026-11-22', 10, 11)]),
        'monitoring/api-us.json': '{ "check": "api-us", "days": [ { "date": "2026-11-22", "runs": -1, "failures": 0 } ] }',
        'monitoring/api-any.json': '{ not json',
        'monitoring/gone.json': file('gone', []),
        'monitoring/notes.txt': 'x',
      },
      { config: `${CONFIG}    - { id: web-x, component: nope, heartbeat: { every: 1h } }\n` },
    );
    // The config names an unknown component: checked with the measurement file, which stays out.
    const strict = await loadSite(root, { now: NOW });
    expect(strict.ok).toBe(false);
    const errors = strict.ok ? [] : strict.errors;
    expect(errors.map((e) => [e.file, e.field])).toEqual([
      ['monitoring/api-any.json', undefined],
      ['monitoring/api-eu.json', 'days.0.failures'],
      ['monitoring/api-us.json', 'days.0.runs'],
      ['monitoring/gone.json', undefined],
      ['monitoring/notes.txt', undefined],
    ]);
    expect(errors.find((e) => e.file === 'monitoring/gone.json')!.message).toContain('does not declare');
    expect(errors.find((e) => e.file === 'monitoring/gone.json')!.fix).toContain('monitoring.checks');
    expect(errors.find((e) => e.file === 'monitoring/api-any.json')!.message).toContain('not valid JSON');
    for (const e of errors) expect(e.fix, JSON.stringify(e)).toMatch(/\w+ \w+/);

    const partial = await loadValidParts(root, { now: NOW });
    expect(partial.ok).toBe(true);
    if (!partial.ok) return;
    expect(partial.broken.map((b) => b.path)).toEqual(['monitoring/api-any.json', 'monitoring/api-eu.json', 'monitoring/api-us.json', 'monitoring/gone.json', 'monitoring/notes.txt']);
    expect(partial.site.measurements).toEqual({});
  });

  it('refuses a file for a check whose component is not configured', async () => {
    const config = `${MINIMAL_CONFIG}monitoring:\n  checks:\n    - { id: db, component: database, heartbeat: { every: 1h } }\n`;
    const r = await loadSite(testdir({ 'monitoring/db.json': file('db', []) }, { config }), { now: NOW });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'monitoring/db.json', message: expect.stringContaining('"database" is not in components'), fix: expect.stringContaining('api, web') });
  });

  it('keeps a good file, and the check named inside must be the file\'s', async () => {
    const good = await siteOf({ 'monitoring/api-eu.json': file('api-eu', [day('2026-11-22', 10, 1)]) }, NOW, CONFIG);
    expect(good.measurements['api-eu']!.days).toHaveLength(1);
    const r = await loadSite(testdir({ 'monitoring/api-eu.json': file('api-us', []) }, { config: CONFIG }), { now: NOW });
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['check']);
  });
});
