// The check runner against real loopback endpoints, and its drafts on a fake GitHub: one draft per outage,
// measured days written only when worth a commit, a recovery that proposes, auto-publish only when opted in.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { github } from '../../scripts/github/client.ts';
import { actOnSignals } from '../../scripts/monitor/drafts.ts';
import { recordRun, withDay } from '../../scripts/monitor/measure.ts';
import { runChecks } from '../../scripts/monitor/run-checks.ts';
import type { RunState } from '../../scripts/monitor/run-state.ts';
import { mergeSignals } from '../../scripts/monitor/signal.ts';
import { measurementsSchema } from '../../site/model/schema/monitoring.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { loadTemplates, templatesFor } from '../../site/model/templates/library.ts';
import { FakeGitHub } from '../helpers/fake-github.ts';
import { MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

let healthy = false;
let server: Server;
let port = 0;
beforeAll(async () => {
  // An endpoint whose failure says private things: the draft must not repeat them.
  server = createServer((_req, res) => (healthy ? res.writeHead(200).end('all good') : res.writeHead(503).end('upstream db-primary.internal.acme.net:5432 refused')));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});
afterAll(() => server.close());

const config = (extra = '') => `${MINIMAL_CONFIG}monitoring:
  checks:
    - { id: api-health, component: api, regions: [eu], http: { url: "http://127.0.0.1:${port}/health", body: "all good" }${extra} }
    - { id: nightly, component: web, heartbeat: { every: 1h, grace: 10m } }
`;

async function round(root: string, state: RunState, fake: FakeGitHub, now: Date) {
  const loaded = await loadSite(root, { now });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const r = await runChecks(root, loaded.value.config, state, now);
  const t = await loadTemplates(root);
  if (!t.ok) throw new Error('templates');
  const gh = github({ token: 't', fetch: fake.fetch as typeof fetch });
  const log = await actOnSignals({ gh, repo: { owner: 'acme', repo: 'status' }, base: 'main', root, site: loaded.value, templates: templatesFor(t.value, 'en'), now }, mergeSignals(r.signals));
  return { ...r, log };
}

const at = (m: number) => new Date(Date.parse('2026-12-05T10:00:00Z') + m * 60_000);
const fresh = (): RunState => ({ checks: {}, heartbeats: {} });

describe('checks', () => {
  it('a failing loopback endpoint opens exactly one draft for its component; repeats write nothing; recovery proposes and posts nothing', async () => {
    healthy = false;
    const root = testdir({ 'monitoring/heartbeats/nightly': `${at(0).toISOString()}\n` }, { config: config() });
    const fake = new FakeGitHub();
    const state = fresh();
    const first = await round(root, state, fake, at(0));
    expect(first.lines[0]).toBe('api-health: FAILED (answered 503, expected 200) in ' + first.lines[0]!.match(/in (\d+) ms/)![1] + ' ms, 1 failed run(s) in a row');
    expect(first.written).toEqual(['monitoring/api-health.json', 'monitoring/nightly.json']);
    expect(first.log).toEqual([expect.stringMatching(/^api@eu: opened draft #\d+/)]);
    for (let i = 1; i <= 3; i++) {
      const again = await round(root, state, fake, at(i * 5));
      expect(again.written, `run ${i}`).toEqual([]);
      expect(again.signals).toEqual([]);
    }
    expect(fake.pulls).toHaveLength(1);
    const pr = fake.pulls[0]!;
    expect(pr.body).toContain('check api-health (http): answered 503, expected 200; 1 failed run(s) in a row since 2026-12-05T10:00:00.000Z');
    const drafted = [...fake.files.entries()].filter(([k]) => k.startsWith(pr.head.ref));
    expect(drafted.map(([k]) => k.split(':')[1])).toEqual([expect.stringMatching(/^incidents\/2026-12-05-api-[\w-]+\/index\.md$/), expect.stringMatching(/T1000Z\.md$/)]);
    expect(drafted[0]![1]).toContain('components: [api]');
    const everything = [pr.body, ...drafted.map(([, v]) => v)].join('\n');
    for (const p of ['127.0.0.1', String(port), 'db-primary', 'refused', '/health', 'all good']) expect(everything, p).not.toContain(p);

    healthy = true;
    const back = await round(root, state, fake, at(30));
    expect(back.written).toEqual(['monitoring/api-health.json']);
    expect(back.log).toEqual([expect.stringMatching(/^api@eu: recovered; said so on unmerged draft #\d+/)]);
    expect(fake.pulls).toHaveLength(1);
    expect(fake.comments.get(pr.number)![0]!.body).toContain('**Recovered** since 2026-12-05T10:30:00.000Z');
    expect([...fake.files.keys()].filter((k) => k.startsWith('main:'))).toEqual([]);
    const file = measurementsSchema.parse(JSON.parse(readFileSync(join(root, 'monitoring/api-health.json'), 'utf8')));
    expect(file.days).toEqual([{ date: '2026-12-05', runs: 5, failures: 4, p50_ms: expect.any(Number), p95_ms: expect.any(Number) }]);
  });

  it('a missed heartbeat opens exactly one draft for its component', async () => {
    healthy = true;
    const root = testdir({ 'monitoring/heartbeats/nightly': `${at(0).toISOString()}\n` }, { config: config() });
    const fake = new FakeGitHub();
    const state = fresh();
    expect((await round(root, state, fake, at(60))).log).toEqual([]);
    const missed = await round(root, state, fake, at(71));
    expect(missed.lines[1]).toBe('nightly: FAILED (missed: last ping 2026-12-05T10:00:00.000Z, expected every 1h (grace 10m)), 1 failed run(s) in a row');
    expect(missed.log).toEqual([expect.stringMatching(/^web@all: opened draft #\d+/)]);
    await round(root, state, fake, at(76));
    expect(fake.pulls.map((p) => p.title)).toEqual(['Investigating: Website: problem noticed by our monitoring']);
    // A ping recorded by dispatch counts as much as the file.
    state.heartbeats.nightly = at(80).toISOString();
    expect((await round(root, state, fake, at(81))).log).toEqual([expect.stringMatching(/^web@all: recovered/)]);
  });

  it('auto_publish_after: N failed runs in a row commit the incident to the default branch and close the draft', async () => {
    healthy = false;
    const root = testdir({ 'monitoring/heartbeats/nightly': `${at(0).toISOString()}\n` }, { config: config(', auto_publish_after: 3') });
    const fake = new FakeGitHub();
    const state = fresh();
    await round(root, state, fake, at(0));
    await round(root, state, fake, at(5));
    expect([...fake.files.keys()].filter((k) => k.startsWith('main:'))).toEqual([]);
    const third = await round(root, state, fake, at(10));
    expect(third.log).toEqual([expect.stringMatching(/^api@eu: published incidents\/2026-12-05-[\w-]+ after 3 failed runs/)]);
    expect([...fake.files.keys()].filter((k) => k.startsWith('main:'))).toHaveLength(2);
    expect(fake.pulls[0]!.state).toBe('closed');
    expect((await round(root, state, fake, at(15))).log).toEqual([]);
  });
});

describe('measured days', () => {
  const s0 = { firstSeen: '2026-12-01T00:00:00Z', failing: false, failedRuns: 0 };
  it('flip and day end are the only changes; a day ends into the file, bounded to the kept days', () => {
    const a = recordRun(s0, { ok: true, ms: 100 }, new Date('2026-12-01T23:55:00Z'));
    expect(a.flipped).toBe(false);
    const b = recordRun(a.state, { ok: false, reason: 'x' }, new Date('2026-12-02T00:00:00Z'));
    expect(b.flipped).toBe(true);
    expect(b.finishedDay).toEqual({ date: '2026-12-01', runs: 1, failures: 0, latencies: [100] });
    let file = undefined as ReturnType<typeof withDay> | undefined;
    for (let d = 1; d <= 10; d++) file = withDay(file, 'c', { date: `2026-12-${String(d).padStart(2, '0')}`, runs: 2, failures: 0, latencies: [10, 30] }, 7);
    expect(file!.days.map((d) => d.date)).toEqual(['2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10']);
    expect(file!.days[0]).toEqual({ date: '2026-12-04', runs: 2, failures: 0, p50_ms: 10, p95_ms: 30 });
    expect(measurementsSchema.safeParse(file).success).toBe(true);
  });

  it('a lost cache takes the day’s counts back from the committed file', () => {
    const r = recordRun(s0, { ok: true, ms: 5 }, new Date('2026-12-05T12:00:00Z'), { date: '2026-12-05', runs: 100, failures: 3 });
    expect(r.state.today).toMatchObject({ runs: 101, failures: 3 });
  });
});


describe('the monitoring config', () => {
  it('names only components, regions and impacts the config declares, and each check id once', async () => {
    const { checkMonitoringRefs } = await import('../../scripts/monitor/config-refs.ts');
    const bad = `${MINIMAL_CONFIG}monitoring:\n  checks:\n    - { id: a, component: apii, http: { url: "https://x.example/" } }\n    - { id: a, component: api, regions: [asia], impact: huge, tcp: { host: x, port: 1 } }\n  alerts:\n    - { match: { s: x }, component: webb }\n`;
    const r = await loadSite(testdir({}, { config: bad }), { now: new Date() });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(() => checkMonitoringRefs(r.value.config)).toThrow(
      [
        'candor.config.yaml monitoring.checks[0].component: "apii" is not a component; did you mean "api"? (use one of: api, web)',
        'candor.config.yaml monitoring.checks[1].regions[0]: "asia" is not a region; use one of: eu, us',
        'candor.config.yaml monitoring.checks[1].impact: "huge" is not an impact; use one of: minor, major, critical',
        'candor.config.yaml monitoring.alerts[0].component: "webb" is not a component; did you mean "web"? (use one of: api, web)',
        'candor.config.yaml monitoring.checks: the id "a" is used twice; each check needs its own (it names monitoring/a.json)',
      ].join('\n'),
    );
  });
});
