// Alert payloads as the tools send them (fixtures: test/fixtures/alerts/PROVENANCE.md) → routes → drafts on a
// fake GitHub: one draft per outage, repeats update it, a recovery proposes and never posts.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { github } from '../../scripts/github/client.ts';
import { parseAlertPayload } from '../../scripts/monitor/alert-payloads.ts';
import { routeAlerts } from '../../scripts/monitor/alert-routes.ts';
import { actOnSignals, type DraftContext } from '../../scripts/monitor/drafts.ts';
import { mergeSignals, type Signal } from '../../scripts/monitor/signal.ts';
import { loadSite } from '../../site/model/load/index.ts';
import type { AlertRoute } from '../../site/model/schema/monitoring.ts';
import { loadTemplates, templatesFor } from '../../site/model/templates/library.ts';
import { FakeGitHub } from '../helpers/fake-github.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const sample = (name: string) => JSON.parse(readFileSync(join(FIXTURES, 'alerts', name), 'utf8')) as unknown;
const MONITORED = `${MINIMAL_CONFIG}monitoring:
  alerts:
    - { match: { service: api }, component: api, regions: [eu] }
    - { match: { team: blue, zone: eu-1 }, component: web }
`;
const PRIVATE = ['10.0.3.7', 'db-primary', 'internal.acme.net', '8443', 'connection refused', 'postgres', 'HighErrorRate', 'fingerprint', '0661fdfcfb1f83b8'];

async function context(root: string, fake: FakeGitHub, now: Date): Promise<DraftContext> {
  const r = await loadSite(root, { now });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const t = await loadTemplates(root);
  if (!t.ok) throw new Error('templates');
  return { gh: github({ token: 't', fetch: fake.fetch as typeof fetch }), repo: { owner: 'acme', repo: 'status' }, base: 'main', root, site: r.value, templates: templatesFor(t.value, 'en'), now };
}

/** The routes of MONITORED, as the config loader gives them. */
const ROUTES: AlertRoute[] = [{ match: { service: 'api' }, component: 'api', regions: ['eu'] }, { match: { team: 'blue', zone: 'eu-1' }, component: 'web', regions: [] }];

function signalsOf(payload: unknown, now: Date): Signal[] {
  const parsed = parseAlertPayload(payload);
  if (!parsed.ok) throw new Error(parsed.problem);
  return mergeSignals(routeAlerts(parsed.events, ROUTES, now).signals);
}

describe('alert payloads', () => {
  it('reads a real Alertmanager 0.25 group: status, labels, start and end per alert', () => {
    const firing = parseAlertPayload(sample('alertmanager-0.25-firing.json'));
    expect(firing).toMatchObject({ ok: true, source: 'alertmanager', events: [{ id: '0661fdfcfb1f83b8', status: 'firing', labels: { service: 'api', region: 'eu' }, name: 'HighErrorRate', endsAt: undefined }] });
    const resolved = parseAlertPayload(sample('alertmanager-0.25-resolved.json'));
    expect(resolved.ok && resolved.events[0]).toMatchObject({ status: 'resolved', endsAt: new Date('2026-12-05T11:35:54Z') });
  });

  it('reads Grafana (orgId, state) as Grafana, each alert on its own', () => {
    const r = parseAlertPayload(sample('grafana-firing.json'));
    expect(r.ok && r.source).toBe('grafana');
    expect(r.ok && r.events.map((e) => [e.id, e.status, e.labels.zone, e.startsAt?.toISOString()])).toEqual([
      ['c6eadffa33fcdf37', 'firing', 'us-1', '2021-10-12T07:51:03.157Z'],
      ['bc97ff14869b13e3', 'firing', 'eu-1', '2021-10-12T07:56:03.157Z'],
    ]);
  });

  it('reads Datadog transitions and key:value tags; a warning is no outage', () => {
    const t = parseAlertPayload(sample('datadog-triggered.json'));
    expect(t.ok && t.events[0]).toMatchObject({ source: 'datadog', status: 'firing', labels: { service: 'api', region: 'us', env: 'production' }, startsAt: new Date(1764929400000), name: 'monitor 12345678' });
    const r = parseAlertPayload(sample('datadog-recovered.json'));
    expect(r.ok && r.events[0]?.status).toBe('resolved');
    const w = parseAlertPayload({ ...(sample('datadog-triggered.json') as object), alert_transition: 'Warn' });
    expect(w).toMatchObject({ ok: true, events: [], ignored: [expect.stringContaining('warning')] });
  });

  it('refuses what is not a payload, naming the field, without a stack trace', () => {
    expect(parseAlertPayload([1, 2])).toEqual({ ok: false, problem: 'the payload is not a JSON object' });
    expect(parseAlertPayload({ hello: 1 })).toMatchObject({ ok: false, problem: expect.stringContaining('not a payload Candor knows') });
    const many = { receiver: 'x', status: 'firing', groupKey: 'g', alerts: Array.from({ length: 501 }, () => ({ status: 'firing', labels: { a: 'b' } })) };
    expect(parseAlertPayload(many)).toMatchObject({ ok: false, problem: expect.stringContaining('more than 500 alerts') });
    const huge = { receiver: 'x', status: 'firing', groupKey: 'g', alerts: [{ status: 'firing', labels: { a: 'x'.repeat(5000) } }] };
    expect(parseAlertPayload(huge)).toMatchObject({ ok: false, problem: expect.stringMatching(/^alertmanager payload: alerts\[0\]\.labels\.a: /) });
    expect(parseAlertPayload({ alert_id: 1, alert_transition: 'Exploded' })).toMatchObject({ ok: false, problem: expect.stringContaining('is not one Datadog sends') });
  });

  it('routes by every match label; what no route matches is returned, not guessed', () => {
    const parsed = parseAlertPayload(sample('grafana-firing.json'));
    if (!parsed.ok) throw new Error();
    const r = routeAlerts(parsed.events, [{ match: { team: 'blue', zone: 'eu-1' }, component: 'web', regions: [] }], new Date());
    expect(r.signals.map((s) => s.component)).toEqual(['web']);
    expect(r.unmatched.map((u) => u.labels.zone)).toEqual(['us-1']);
  });
});

describe('drafts from alerts', () => {
  const now = new Date('2026-12-05T11:40:00Z');

  it('a firing Alertmanager alert opens exactly one draft with the right component; repeats and flapping keep it one', async () => {
    const root = testdir({}, { config: MONITORED });
    const fake = new FakeGitHub();
    const firing = signalsOf(sample('alertmanager-0.25-firing.json'), now);
    const first = await actOnSignals(await context(root, fake, now), firing);
    expect(first).toEqual([expect.stringMatching(/^api@eu: opened draft #\d+/)]);
    expect(fake.pulls).toHaveLength(1);
    const files = [...fake.files.entries()].filter(([k]) => k.startsWith(`${fake.pulls[0]!.head.ref}:`));
    expect(files.map(([k]) => k.split(':').pop())).toEqual([expect.stringMatching(/^incidents\/2026-12-05-[\w-]+\/index\.md$/), expect.stringMatching(/\/2026-12-05T1140Z\.md$/)]);
    const [index, update] = files.map(([, v]) => v);
    expect(index).toContain('components: [api]');
    expect(index).toContain('regions: [eu]');
    expect(update).toContain('status: investigating');
    expect(update).toContain('Our monitoring shows that API is not working as it should in Europe');
    // The same group again (Alertmanager's repeat_interval), then resolved and firing again (flapping).
    const later = new Date(now.getTime() + 5 * 60_000);
    await actOnSignals(await context(root, fake, later), signalsOf(sample('alertmanager-0.25-firing.json'), later));
    await actOnSignals(await context(root, fake, later), signalsOf(sample('alertmanager-0.25-resolved.json'), later));
    await actOnSignals(await context(root, fake, later), signalsOf(sample('alertmanager-0.25-firing.json'), later));
    expect(fake.pulls).toHaveLength(1);
    expect(fake.comments.get(fake.pulls[0]!.number)).toHaveLength(1);
    expect(fake.comments.get(fake.pulls[0]!.number)![0]!.body).toContain('Still failing');
    // The body says what failed and since when, from the config's words and the rule's name.
    expect(fake.pulls[0]!.body).toContain('has been failing since **2026-12-05T11:33:57.000Z**');
    expect(fake.pulls[0]!.body).toContain('alertmanager alert "HighErrorRate" firing since 2026-12-05T11:33:57.000Z, matched by service=api');
    // Someone closes the draft: customers need not hear. The same alert repeated does not bring it back.
    fake.pulls[0]!.state = 'closed';
    expect(await actOnSignals(await context(root, fake, later), signalsOf(sample('alertmanager-0.25-firing.json'), later))).toEqual([`api@eu: this outage's draft #${fake.pulls[0]!.number} was closed; not drafting it again`]);
    expect(fake.pulls).toHaveLength(1);
  });

  it('nothing from the payload reaches the incident files: not its addresses, hosts, annotations or names', async () => {
    const root = testdir({}, { config: MONITORED });
    const fake = new FakeGitHub();
    for (const f of ['alertmanager-0.25-firing.json', 'datadog-triggered.json', 'grafana-firing.json']) await actOnSignals(await context(root, fake, now), signalsOf(sample(f), now));
    const hostile = { receiver: 'x', status: 'firing', groupKey: 'g', alerts: [{ status: 'firing', labels: { service: 'api', alertname: '<script>alert(1)</script>', instance: '10.0.3.7:8443' }, annotations: { summary: 'db-primary.internal.acme.net: connection refused' }, startsAt: '2026-12-05T11:00:00Z' }] };
    await actOnSignals(await context(root, fake, now), signalsOf(hostile, now));
    const incidentText = [...fake.files.values()].join('\n');
    expect(incidentText.length).toBeGreaterThan(200);
    for (const p of [...PRIVATE, '<script>', 'us-1', 'runbook']) expect(incidentText, p).not.toContain(p);
    // The local checkout is left as it was: drafts live on their branches.
    expect(readdirSync(root)).toEqual(['candor.config.yaml']);
  });

  it('a resolved alert comments on an unmerged draft; for an incident on the page it proposes the all-clear once, and posts nothing', async () => {
    const root = testdir({
      'incidents/2026-12-05-api/index.md': '---\ntitle: API errors\nkind: incident\nimpact: major\ncomponents: [api]\nregions: [eu]\nstarted: 2026-12-05T11:30:00Z\n---\n',
      'incidents/2026-12-05-api/2026-12-05T1135Z.md': '---\nstatus: investigating\nnext_update: 2026-12-05T12:30:00Z\n---\nSome customers cannot use the API in Europe.\n',
    }, { config: MONITORED });
    const fake = new FakeGitHub();
    const firing = await actOnSignals(await context(root, fake, now), signalsOf(sample('alertmanager-0.25-firing.json'), now));
    expect(firing).toEqual(['api@eu: already on the page as 2026-12-05-api; nothing drafted']);
    for (let i = 0; i < 2; i++) await actOnSignals(await context(root, fake, now), signalsOf(sample('alertmanager-0.25-resolved.json'), now));
    expect(fake.pulls.map((p) => p.title)).toEqual(['Resolve: API errors']);
    const proposed = [...fake.files.entries()].filter(([k]) => k.startsWith('candor-monitor/resolve-'));
    expect(proposed.map(([k]) => k.split(':')[1])).toEqual(['incidents/2026-12-05-api/2026-12-05T1140Z.md']);
    expect(proposed[0]![1]).toContain('status: resolved');
    expect(proposed[0]![1]).toContain('API is working normally again in Europe');
    expect([...fake.files.keys()].filter((k) => k.startsWith('main:'))).toEqual([]);
  });
});

it('the routes these tests use are the config’s, as loaded', async () => {
  const r = await loadSite(testdir({}, { config: MONITORED }), { now: new Date() });
  expect(r.ok && r.value.config.monitoring.alerts).toEqual(ROUTES);
});
