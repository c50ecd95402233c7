// A real Prometheus Alertmanager (Debian's prometheus-alertmanager) on loopback, its webhook receiver pointed at
// this process: what it really POSTs, firing and then resolved, goes through the same reader and draft writer.
// Skipped, saying so, where the binary is not installed; the payloads it sent here are kept as fixtures.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { github } from '../../scripts/github/client.ts';
import { parseAlertPayload } from '../../scripts/monitor/alert-payloads.ts';
import { routeAlerts } from '../../scripts/monitor/alert-routes.ts';
import { actOnSignals } from '../../scripts/monitor/drafts.ts';
import { mergeSignals } from '../../scripts/monitor/signal.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { loadTemplates, templatesFor } from '../../site/model/templates/library.ts';
import { FakeGitHub } from '../helpers/fake-github.ts';
import { MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const BINARY = ['/usr/bin/prometheus-alertmanager', '/usr/bin/alertmanager'].find((b) => existsSync(b));
const children: ChildProcess[] = [];
const servers: Server[] = [];
afterAll(() => {
  for (const c of children) c.kill();
  for (const s of servers) s.close();
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe.skipIf(!BINARY)(`a real Alertmanager (${BINARY ?? 'not installed: apt-get install prometheus-alertmanager'})`, () => {
  it('its firing webhook opens exactly one draft for the routed component; its resolved webhook proposes, posts nothing', async () => {
    const bodies: unknown[] = [];
    const receiver = createServer((req, res) => {
      let b = '';
      req.on('data', (d) => (b += d)).on('end', () => (bodies.push(JSON.parse(b)), res.end('ok')));
    });
    servers.push(receiver);
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const hook = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
    const dir = mkdtempSync(join(tmpdir(), 'candor-am-'));
    writeFileSync(join(dir, 'am.yml'), `route: { receiver: candor, group_by: [alertname, service], group_wait: 1s, group_interval: 2s, repeat_interval: 1h }\nreceivers:\n  - name: candor\n    webhook_configs: [{ url: "${hook}", send_resolved: true }]\n`);
    const port = await freePort();
    const am = spawn(BINARY!, [`--config.file=${join(dir, 'am.yml')}`, `--storage.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address='], { stdio: 'ignore' });
    children.push(am);
    const api = `http://127.0.0.1:${port}/api/v2/alerts`;
    for (let i = 0; i < 50 && !(await fetch(`http://127.0.0.1:${port}/-/ready`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 200));
    const alert = (endsAt?: string) => [{ labels: { alertname: 'HighErrorRate', service: 'api', instance: '10.0.3.7:8443' }, annotations: { summary: 'db-primary.internal.acme.net refused' }, startsAt: new Date(Date.now() - 60_000).toISOString(), ...(endsAt ? { endsAt } : {}) }];
    const wait = async (n: number) => {
      for (let i = 0; i < 100 && bodies.length < n; i++) await new Promise((r) => setTimeout(r, 200));
      expect(bodies.length).toBeGreaterThanOrEqual(n);
    };

    const root = testdir({}, { config: `${MINIMAL_CONFIG}monitoring:\n  alerts:\n    - { match: { service: api }, component: api, regions: [eu] }\n` });
    const fake = new FakeGitHub();
    const act = async (payload: unknown) => {
      const now = new Date();
      const site = await loadSite(root, { now });
      const t = await loadTemplates(root);
      if (!site.ok || !t.ok) throw new Error('site');
      const parsed = parseAlertPayload(payload);
      if (!parsed.ok) throw new Error(parsed.problem);
      const { signals } = routeAlerts(parsed.events, site.value.config.monitoring.alerts, now);
      return actOnSignals({ gh: github({ token: 't', fetch: fake.fetch as typeof fetch }), repo: { owner: 'acme', repo: 'status' }, base: 'main', root, site: site.value, templates: templatesFor(t.value, 'en'), now }, mergeSignals(signals));
    };

    await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alert()) });
    await wait(1);
    expect(bodies[0]).toMatchObject({ version: '4', status: 'firing', alerts: [{ status: 'firing', labels: { service: 'api' } }] });
    expect(await act(bodies[0])).toEqual([expect.stringMatching(/^api@eu: opened draft #\d+/)]);
    expect(await act(bodies[0])).toEqual([expect.stringMatching(/^api@eu: still failing; updated draft #\d+/)]);

    await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alert(new Date(Date.now() - 1000).toISOString())) });
    await wait(2);
    expect(bodies[1]).toMatchObject({ status: 'resolved', alerts: [{ status: 'resolved' }] });
    expect(await act(bodies[1])).toEqual([expect.stringMatching(/^api@eu: recovered; said so on unmerged draft #\d+/)]);
    expect(fake.pulls).toHaveLength(1);
    expect([...fake.files.keys()].filter((k) => k.startsWith('main:'))).toEqual([]);
    expect([...fake.files.values()].join('\n')).not.toMatch(/10\.0\.3\.7|db-primary|HighErrorRate/);
  }, 60_000);
});
