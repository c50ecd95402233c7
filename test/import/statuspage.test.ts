// `candor import statuspage` on a realistic export: the exact files it writes, what it reports, that the
// result passes `candor check` and builds, and that it never overwrites anything.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../site/model/load/index.ts';
import { documentSchemas } from '../../site/model/statuspage/schemas.ts';
import { MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';
import { candorImport, emptyDir, STATUSPAGE, tree, withoutProvenance } from './cli.ts';

const NOW = '2022-12-01T00:00:00Z';
const EXPORT = ['incidents.json', 'scheduled-maintenances.json', 'components.json'].map((f) => join(STATUSPAGE, f));
const A = 'incidents/2022-06-14-elevated-api-error-rates';
const B = 'incidents/2022-07-08-card-payments-failing-in-the-united-states';
const C = 'incidents/2022-09-21-delayed-webhook-deliveries';
const D = 'incidents/2022-08-02-intermittent-sign-in-problems';
const M = 'incidents/2022-10-04-database-upgrade-for-the-dashboard';

describe('the Statuspage fixture', () => {
  it('has the shape of the documents Statuspage serves', () => {
    // Fields real exports carry that Candor's own (strict) API documents leave out.
    const extra = /^(postmortem_|scheduled_(remind|auto))/;
    const strip = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(strip) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => !extra.test(k)).map(([k, x]) => [k, strip(x)])) : v;
    for (const name of ['incidents.json', 'scheduled-maintenances.json', 'components.json', 'summary.json'] as const) {
      const doc = strip(JSON.parse(readFileSync(join(STATUSPAGE, name), 'utf8')));
      const r = documentSchemas[name].safeParse(doc);
      expect(r.success, `${name}: ${JSON.stringify(r.error?.issues[0])}`).toBe(true);
    }
  });
});

describe('candor import statuspage', () => {
  let root: string;
  let run: ReturnType<typeof candorImport>;
  let files: Record<string, string>;
  let raw: Record<string, string>;
  beforeAll(() => {
    root = emptyDir();
    run = candorImport(['statuspage', ...EXPORT, '--root', root, '--now', NOW]);
    raw = tree(root);
    files = withoutProvenance(raw);
  });

  it('writes a config, one folder per incident and maintenance, and one file per update named by its UTC minute', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(Object.keys(files)).toEqual([
      'candor.config.yaml',
      `${A}/2022-06-14T1227Z.md`,
      `${A}/2022-06-14T1248Z.md`,
      `${A}/2022-06-14T1312Z.md`,
      `${A}/2022-06-14T1402Z.md`,
      `${A}/index.md`,
      `${A}/postmortem.md`,
      `${B}/2022-07-08T1618Z.md`,
      // Two updates in one minute: named to the second.
      `${B}/2022-07-08T163105Z.md`,
      `${B}/2022-07-08T163148Z.md`,
      `${B}/2022-07-08T1752Z.md`,
      `${B}/2022-07-08T1805Z.md`,
      `${B}/index.md`,
      `${D}/2022-08-02T0900Z.md`,
      `${D}/2022-08-02T0945Z.md`,
      `${D}/index.md`,
      // The first update was backdated (display_at): it is filed at the time Statuspage showed.
      `${C}/2022-09-21T0650Z.md`,
      `${C}/2022-09-21T0715Z.md`,
      `${C}/index.md`,
      `${M}/2022-09-27T0800Z.md`,
      `${M}/2022-10-04T2000Z.md`,
      `${M}/2022-10-04T2120Z.md`,
      `${M}/2022-10-04T2141Z.md`,
      `${M}/index.md`,
    ]);
  });

  it('keeps each update: status, its instant to the millisecond (in UTC), component changes, and its HTML as Markdown', () => {
    expect(files[`${A}/index.md`]).toBe('---\ntitle: Elevated API error rates\nkind: incident\nimpact: major\ncomponents: [api, dashboard]\nstarted: 2022-06-14T12:05:00Z\n---\n');
    expect(files[`${A}/2022-06-14T1227Z.md`]).toBe(
      '---\nstatus: investigating\nnext_update: 2022-06-14T12:48:10.500Z\ncomponents:\n  api: partial_outage\n  dashboard: degraded_performance\nat: 2022-06-14T12:27:26.370Z\n---\n' +
        'We are investigating **elevated error rates** on the API & the dashboard.\\\nSome requests fail with HTTP 503.\n',
    );
    expect(files[`${A}/2022-06-14T1248Z.md`]).toBe(
      '---\nstatus: identified\nnext_update: 2022-06-14T13:12:04.117Z\nat: 2022-06-14T12:48:10.500Z\n---\n' +
        'We’ve identified the cause: a faulty configuration change to our load balancers.\n\nRequests that fail are safe to retry; see [our retry guide](https://docs.acme-cloud.example/retries?lang=en\\&v=2).\n',
    );
    expect(files[`${A}/2022-06-14T1402Z.md`]).toBe(
      '---\nstatus: resolved\ncomponents:\n  api: operational\n  dashboard: operational\nat: 2022-06-14T14:02:41.118Z\n---\nThis incident has been resolved. Error rates have been back to normal since 15:40 CEST.\n',
    );
    expect(files[`${B}/2022-07-08T1618Z.md`]).toBe(
      '---\nstatus: investigating\nnext_update: 2022-07-08T16:31:05Z\ncomponents:\n  united-states-card-payments: major_outage\nat: 2022-07-08T16:18:33Z\n---\nWe are investigating failed card payments in the US.\n',
    );
  });

  it('keeps the source ids and short link, and marks the incident imported', () => {
    expect(raw[`${A}/index.md`]).toContain('\nimported:\n  from: statuspage\n  id: p31zjtct2jer\n  shortlink: https://stspg.io/p31zjt\n');
    expect(raw[`${A}/2022-06-14T1227Z.md`]).toMatch(/\nsource_id: \w{12}\n---\n/);
    expect(raw['candor.config.yaml']).toContain('  - id: dashboard\n    name: Dashboard\n    description: The Acme Cloud console in your browser\n    since: 2021-06-01\n    source_id: vz3x1cl5kd8m\n');
  });

  it('turns the postmortem into postmortem.md with its publication time', () => {
    expect(files[`${A}/postmortem.md`]).toBe(
      '---\npublished: 2022-06-17T08:00:00Z\n---\n## What happened\n\nOn 14 June a configuration change to our load balancers made about 1 in 8 API requests fail with HTTP 503 between 14:05 and 15:40 CEST.\n\n' +
        '## What we are changing\n\n- Configuration changes now roll out one region at a time.\n- We alert on error rates per load balancer.\n',
    );
  });

  it('folds a second all-clear into the first, keeping its time in the text', () => {
    expect(files[`${B}/2022-07-08T1805Z.md`]).toBe(
      '---\nstatus: resolved\ncomponents:\n  united-states-card-payments: operational\nat: 2022-07-08T18:05:15Z\n---\n' +
        'Card payments in the United States are working normally again.\n\nPayments attempted between 09:10 and 10:52 PDT may have failed; you can retry them.\n\n' +
        '_Update posted 2022-07-08 12:30 UTC-07:00:_ Update: all payments that failed during the incident have now been retried successfully. No action is needed on your side.\n',
    );
  });

  it('gives an open incident a next update an hour after its latest, and keeps impact "none"', () => {
    expect(files[`${C}/index.md`]).toBe('---\ntitle: Delayed webhook deliveries\nkind: incident\nimpact: none\ncomponents: [europe-webhooks]\nstarted: 2022-09-21T06:40:00Z\n---\n');
    expect(files[`${C}/2022-09-21T0650Z.md`]).toBe(
      '---\nstatus: investigating\nnext_update: 2022-09-21T07:15:00Z\ncomponents:\n  europe-webhooks: degraded_performance\n---\nSome webhooks in Europe are arriving late.\nWe are looking into it.\n',
    );
    expect(files[`${C}/2022-09-21T0715Z.md`]).toContain('---\nstatus: identified\nnext_update: 2022-09-21T08:15:00Z\n---\n');
  });

  it('sets data_loss only where the text says no data was lost, and ties a component-less incident to "general"', () => {
    expect(files[`${D}/index.md`]).toContain('components: [general]\n');
    expect(files[`${D}/2022-08-02T0945Z.md`]).toBe('---\nstatus: resolved\ndata_loss: none\n---\nSign-in is working normally again. No data was lost.\n');
    expect(files[`${A}/2022-06-14T1402Z.md`]).not.toContain('data_loss');
  });

  it('maps maintenance: window, statuses and components under maintenance, no next_update', () => {
    expect(files[`${M}/index.md`]).toBe(
      '---\ntitle: Database upgrade for the dashboard\nkind: maintenance\ncomponents: [dashboard]\nscheduled: { start: 2022-10-04T20:00:00Z, end: 2022-10-04T22:00:00Z }\n---\n',
    );
    const statuses = Object.entries(files).filter(([p]) => p.startsWith(`${M}/2022`)).map(([, c]) => /status: (\w+)/.exec(c)![1]);
    expect(statuses).toEqual(['scheduled', 'in_progress', 'verifying', 'completed']);
    expect(files[`${M}/2022-10-04T2000Z.md`]).toBe(
      '---\nstatus: in_progress\ncomponents:\n  dashboard: under_maintenance\nat: 2022-10-04T20:00:03Z\n---\nScheduled maintenance is currently in progress. We will provide updates as necessary.\n',
    );
    expect(files[`${M}/2022-09-27T0800Z.md`]).toContain("We will upgrade the dashboard's database on **4 October** from 22:00 to 24:00 CEST.\n\nThe dashboard will be read-only during the upgrade.\n");
  });

  it('writes a config with every component, groups from Statuspage groups, and the page name, URL and zone', () => {
    expect(files['candor.config.yaml']).toBe(`# Written by \`candor import statuspage\`. Every key is documented at docs/src/content/docs/configuration.md.
name: Acme Cloud
impacts:
  none:
    component_state: operational
    indicator: none
  minor:
    component_state: degraded_performance
    indicator: minor
  major:
    component_state: partial_outage
    indicator: major
  critical:
    component_state: major_outage
    indicator: critical
groups:
  - id: europe
    name: Europe
    description: Services hosted in Frankfurt
  - id: united-states
    name: United States
components:
  - id: api
    name: API
    description: The public REST API
    since: 2021-06-01
  - id: dashboard
    name: Dashboard
    description: The Acme Cloud console in your browser
    since: 2021-06-01
  - id: europe-card-payments
    name: Card payments
    group: europe
  - id: europe-webhooks
    name: Webhooks
    description: Event notifications sent to your endpoints
    group: europe
  - id: united-states-card-payments
    name: Card payments
    group: united-states
  - id: united-states-webhooks
    name: Webhooks
    description: Event notifications sent to your endpoints
    group: united-states
  - id: status-emails
    name: Status emails
    only_show_if_degraded: true
  - id: general
    name: General
    description: Incidents the old status page did not tie to a component
    only_show_if_degraded: true
mirrors:
  - id: main
    url: https://status.acme-cloud.example/
    locale: en
    time_zone: Europe/Berlin
`);
  });

  it('reports every guess and default, and that the result passes candor check', () => {
    expect(run.stdout).toContain(`  wrote ${A}/index.md\n`);
    expect(run.stdout).toContain('4 incident(s) and 1 maintenance window(s) with 17 update(s) from Statuspage; 8 new component(s), 2 new group(s). 24 file(s) were written, 0 skipped as existing.');
    const report = run.stdout.slice(run.stdout.indexOf('Report — check these:'));
    expect(report.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- candor.config.yaml: incidents that named no component were given a new component "general" (General), listed only while degraded, since Candor needs at least one per incident — replace it in those incidents if you know the real ones',
      `- ${B}: a second "resolved" update (2022-07-08T12:30:00.000-07:00) follows the first; Candor allows one in a row, so its text was added to the earlier one with its time`,
      `- ${C}: is still open: its latest update promises the next one by 2022-09-21T08:15:00Z (an hour after it), since the source has no such field — post a new update or resolve it`,
      '- candor.config.yaml: gets the impact level "none" (no service impact: components stay operational, the page status is not raised), since 1 incident(s) had Statuspage\'s impact "none", beside the built-in minor, major and critical',
      '- 1 incident(s) named no component and were given "general"',
      '- 9 earlier updates got next_update set to the time of the update that followed (the source records no promised time)',
      '- 2 all-clear(s) do not say whether data was lost, so data_loss was left out (history is not linted for it; add it where you know)',
      '- 1 all-clear(s) say in their text that no data was lost, and got data_loss: none',
    ]);
    expect(run.stdout).toContain('candor check: ok — 5 incidents and maintenance windows, 17 updates.');
  });

  it('produces content that loadSite accepts', async () => {
    const site = await loadSite(root, { now: new Date(NOW) });
    expect(site.ok ? [] : site.errors).toEqual([]);
    if (!site.ok) return;
    expect(site.value.incidents.map((i) => i.id)).toEqual([
      '2022-10-04-database-upgrade-for-the-dashboard',
      '2022-09-21-delayed-webhook-deliveries',
      '2022-08-02-intermittent-sign-in-problems',
      '2022-07-08-card-payments-failing-in-the-united-states',
      '2022-06-14-elevated-api-error-rates',
    ]);
    expect(site.value.incidents[4]!.updates[0]!.at.toISOString()).toBe('2022-06-14T12:27:26.370Z');
  });
});

describe('candor import statuspage, safely', () => {
  it('prints every file with its contents on --dry-run, and writes nothing', () => {
    const root = emptyDir();
    const r = candorImport(['statuspage', ...EXPORT, '--root', root, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(tree(root)).toEqual({});
    expect(r.stdout).toMatch(/^Dry run: nothing was written\./);
    expect(r.stdout).toContain(`=== ${A}/2022-06-14T1402Z.md\n---\nstatus: resolved\n`);
    expect(r.stdout).toContain('=== candor.config.yaml\n# Written by `candor import statuspage`.');
    expect(r.stdout).toContain('24 file(s) would be written, 0 skipped as existing.');
    expect(r.stdout).not.toContain('candor check');
  });

  it('never overwrites: a second run skips every existing file and leaves edits alone', () => {
    const root = emptyDir();
    expect(candorImport(['statuspage', ...EXPORT, '--root', root, '--now', NOW]).code).toBe(0);
    const edited = join(root, C, '2022-09-21T0715Z.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('adding capacity', 'adding capacity (edited)'));
    const before = tree(root);
    const again = candorImport(['statuspage', ...EXPORT, '--root', root, '--now', NOW]);
    expect(again.code, again.stderr).toBe(0);
    expect(tree(root)).toEqual(before);
    expect(again.stdout).toContain(`  skipped ${C}/2022-09-21T0715Z.md (it already exists; left as it was)\n`);
    // The config it wrote the first time now exists, lists everything, and is not planned again.
    expect(again.stdout).toContain('0 file(s) were written, 23 skipped as existing.');
    expect(again.stdout).not.toContain('Add to candor.config.yaml');
    const dry = candorImport(['statuspage', ...EXPORT, '--root', root, '--dry-run']);
    expect(dry.stdout).toContain(`=== ${C}/2022-09-21T0715Z.md (exists: would be skipped)\n`);
  });

  it('adds the components and groups it needs to an existing config, keeping its comments and order, and reuses its components by name', () => {
    const config = `# Our status page — edited by hand.\n${MINIMAL_CONFIG.replace('components:', '# Keep API first: the widget shows the first component.\ncomponents:')}`;
    const root = testdir({}, { config });
    const r = candorImport(['statuspage', ...EXPORT, '--root', root, '--now', NOW]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const after = readFileSync(join(root, 'candor.config.yaml'), 'utf8');
    // Everything that was there is still there, in the same order, comments included; the new entries follow.
    expect(after.startsWith(config.slice(0, config.indexOf('groups:')))).toBe(true);
    expect(after).toContain('# Keep API first: the widget shows the first component.\ncomponents:\n  - { id: api, name: API, group: core }\n  - { id: web, name: Website }\n  - id: dashboard\n');
    expect(after).toContain('groups:\n  - { id: core, name: Core }\n  - id: europe\n    name: Europe\n    description: Services hosted in Frankfurt\n    source_id: 7kbrsn7l2wyn\n');
    expect(after).not.toMatch(/- id: api\n/);
    // The test config already names "API" (id api); it is reused.
    expect(readFileSync(join(root, A, 'index.md'), 'utf8')).toContain('components: [api, dashboard]');
    expect(r.stdout).toContain('- candor.config.yaml: gets 7 new components and 2 new groups, added at the end of its lists; its comments and order are kept');
    expect(r.stdout).toContain('candor check: ok');
  });

  it('refuses with exit 1, writing nothing, when the result would no longer pass candor check', () => {
    // The existing config's impacts lack "major", which the export uses: the merged site would not load.
    const config = `${MINIMAL_CONFIG}impacts:\n  minor: { component_state: degraded_performance, indicator: minor }\n`;
    const root = testdir({}, { config });
    const before = tree(root);
    const r = candorImport(['statuspage', ...EXPORT, '--root', root, '--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Nothing was written: with these files the site would no longer pass `candor check`');
    expect(r.stderr).toMatch(/impact/);
    expect(tree(root)).toEqual(before);
  });

  it('reads summary.json too, and an incident found in several documents once', () => {
    const root = emptyDir();
    const r = candorImport(['statuspage', join(STATUSPAGE, 'summary.json'), join(STATUSPAGE, 'incidents.json'), '--root', root, '--now', NOW]);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(tree(root)).filter((p) => p.endsWith('index.md'))).toHaveLength(4);
    const only = emptyDir();
    const summary = candorImport(['statuspage', join(STATUSPAGE, 'summary.json'), '--root', only, '--now', NOW]);
    expect(summary.code, summary.stderr).toBe(0);
    expect(Object.keys(tree(only))).toEqual(['candor.config.yaml', `${C}/2022-09-21T0650Z.md`, `${C}/2022-09-21T0715Z.md`, `${C}/index.md`]);
  });

  it('reads the plain list of incidents the management API returns', () => {
    const list = join(emptyDir(), 'incidents-page-1.json');
    writeFileSync(list, JSON.stringify(JSON.parse(readFileSync(join(STATUSPAGE, 'incidents.json'), 'utf8')).incidents));
    const root = emptyDir();
    const r = candorImport(['statuspage', list, join(STATUSPAGE, 'components.json'), '--root', root, '--now', NOW]);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(tree(root)).filter((p) => p.endsWith('index.md'))).toEqual([`${A}/index.md`, `${B}/index.md`, `${D}/index.md`, `${C}/index.md`]);
  });

  it('imports what it can, names what it could not, and exits 1', () => {
    const doc = JSON.parse(readFileSync(join(STATUSPAGE, 'incidents.json'), 'utf8'));
    delete doc.incidents[0].incident_updates[1].created_at;
    doc.incidents[1].incident_updates = [];
    doc.incidents[2].incident_updates[0].created_at = '2022-08-02T11:45:00';
    doc.incidents[2].incident_updates[0].display_at = null;
    const postmortem = { ...doc.incidents[3].incident_updates[0], id: 'pm0000000001', status: 'postmortem', body: '<p>We published a postmortem.</p><script>track()</script>' };
    doc.incidents[3].incident_updates.unshift({ ...postmortem, created_at: '2022-06-17T10:00:00.000+02:00', display_at: '2022-06-17T10:00:00.000+02:00' });
    const file = join(emptyDir(), 'incidents.json');
    writeFileSync(file, JSON.stringify(doc));
    const root = emptyDir();
    const r = candorImport(['statuspage', file, join(STATUSPAGE, 'components.json'), '--root', root, '--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('- not imported: incidents.json: incident "Delayed webhook deliveries": unreadable (incident_updates.1.created_at: Invalid input: expected string, received undefined)');
    expect(r.stdout).toContain('- not imported: incidents.json: "Card payments failing in the United States" (id l9xk2qv0r7hz): has no updates, and a Candor incident needs at least one');
    expect(r.stdout).toContain('- not imported: incidents.json: "Intermittent sign-in problems" (id w7d2m1b8s6ke), update g3h6j9k2l5zx: its time "2022-08-02T11:45:00" is not a timestamp with a zone');
    expect(Object.keys(tree(root)).filter((p) => p.endsWith('index.md'))).toEqual([`${A}/index.md`, `${D}/index.md`]);
    // Mapped with a note rather than refused:
    const where = 'incidents.json: "Elevated API error rates" (id p31zjtct2jer), update pm0000000001';
    expect(r.stdout).toContain(`- ${where}: status "postmortem" is not an incident status in Candor; imported as "resolved"`);
    expect(r.stdout).toContain(`- ${where}: left out of the text: <script>`);
    expect(readFileSync(join(root, A, '2022-06-14T1402Z.md'), 'utf8')).toContain('\n\n_Update posted 2022-06-17 10:00 UTC+02:00:_ We published a postmortem.\n');
  });

  it('explains usage mistakes and missing or unreadable files with exit code 2, writing nothing', () => {
    const root = emptyDir();
    const cases: [string[], number, string][] = [
      [[], 2, 'import from where? Name the source: statuspage or cstate'],
      [['statuspge', 'x.json'], 2, 'cannot import from "statuspge"\n  fix: did you mean "statuspage"?'],
      [['statuspage'], 2, 'name the exported files, e.g. candor import statuspage incidents.json components.json'],
      [['statuspage', ...EXPORT, '--time-zone', 'Europe/Paris'], 2, '--time-zone is for cState; Statuspage times carry their own offsets'],
      [['statuspage', join(STATUSPAGE, 'nope.json')], 2, `cannot read the Statuspage export:\n  ${join(STATUSPAGE, 'nope.json')}: no such file`],
      [['statuspage', join(STATUSPAGE, '..', 'cstate', 'config.yml')], 2, 'config.yml: is not JSON'],
      [['statuspage', '--bogus'], 2, "Unknown option '--bogus'"],
    ];
    for (const [args, code, message] of cases) {
      const r = candorImport([...args, '--root', root]);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    }
    const notStatuspage = join(emptyDir(), 'other.json');
    writeFileSync(notStatuspage, '{"items": []}');
    expect(candorImport(['statuspage', notStatuspage, '--root', root]).stderr).toContain('other.json: is not a Statuspage API document');
    expect(tree(root)).toEqual({});
    const help = candorImport(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: candor import statuspage <file or folder>...');
  });
});
