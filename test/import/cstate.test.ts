// `candor import cstate` on a small cState site: the log split into updates where its markers allow, kept
// whole where they do not, zone-less dates read in --time-zone, and everything it guessed reported.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../site/model/load/index.ts';
import { testdir } from '../helpers/testdir.ts';
import { candorImport, CSTATE, emptyDir, tree, withoutProvenance } from './cli.ts';

const NOW = '2019-12-01T00:00:00Z';
const US_EAST = 'incidents/2018-05-25-us-east-connection-issues';
const GATEWAY = 'incidents/2018-06-13-gateway-unreachable';
const MEDIA = 'incidents/2018-07-02-slow-image-loading';
const DEPLOY = 'incidents/2018-08-29-website-errors-after-a-deploy';

describe('candor import cstate', () => {
  let root: string;
  let run: ReturnType<typeof candorImport>;
  let files: Record<string, string>;
  beforeAll(() => {
    root = emptyDir();
    run = candorImport(['cstate', CSTATE, '--root', root, '--now', NOW]);
    files = withoutProvenance(tree(root));
  });

  it('writes one folder per issue and one file per timed update, and informational posts as announcements', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(Object.keys(files)).toEqual([
      'announcements/2019-10-04-new-cstate-features.md',
      'candor.config.yaml',
      `${US_EAST}/2018-05-25T0413Z.md`,
      `${US_EAST}/2018-05-25T0440Z.md`,
      `${US_EAST}/2018-05-25T0554Z.md`,
      `${US_EAST}/index.md`,
      `${GATEWAY}/2018-06-13T1554Z.md`,
      `${GATEWAY}/2018-06-13T1620Z.md`,
      `${GATEWAY}/index.md`,
      `${MEDIA}/2018-07-02T1100Z.md`,
      `${MEDIA}/index.md`,
      `${DEPLOY}/2018-08-29T1920Z.md`,
      `${DEPLOY}/2018-08-29T1945Z.md`,
      `${DEPLOY}/2018-08-29T2015Z.md`,
      `${DEPLOY}/index.md`,
    ]);
  });

  it('splits a resolved issue at its track markers, with the status each label names and its Markdown intact', () => {
    expect(files[`${US_EAST}/index.md`]).toBe('---\ntitle: US East Connection Issues\nkind: incident\nimpact: major\ncomponents: [api, media-proxy]\nstarted: 2018-05-25T04:13:00Z\n---\n');
    expect(files[`${US_EAST}/2018-05-25T0413Z.md`]).toBe(
      "---\nstatus: investigating\nnext_update: 2018-05-25T04:40:00Z\n---\nWe're aware of reports that users are experiencing **connection issues** on the East coast of the United States.\n\nWe're currently investigating and apologize for any inconvenience.\n",
    );
    expect(files[`${US_EAST}/2018-05-25T0440Z.md`]).toBe(
      "---\nstatus: monitoring\nnext_update: 2018-05-25T05:54:00Z\n---\nWe believe the connectivity issues are being caused by an isolated ISP issue. Swapping to [Google's DNS servers](https://developers.google.com/speed/public-dns/docs/using) resolves the problem for affected users.\n",
    );
    expect(files[`${US_EAST}/2018-05-25T0554Z.md`]).toBe('---\nstatus: resolved\n---\nWe believe all users experiencing issues have been able to connect at this time.\n');
  });

  it('leaves an unresolved issue open, promising a next update an hour after the latest', () => {
    expect(files[`${GATEWAY}/index.md`]).toBe('---\ntitle: Gateway unreachable\nkind: incident\nimpact: critical\ncomponents: [gateway]\nstarted: 2018-06-13T15:54:00Z\n---\n');
    expect(files[`${GATEWAY}/2018-06-13T1620Z.md`]).toBe(
      '---\nstatus: identified\nnext_update: 2018-06-13T17:20:00Z\n---\nA failed power supply took down the primary gateway. Traffic is moving to the backup gateway.\n',
    );
  });

  it('keeps a body without markers whole, as one update at resolvedWhen', () => {
    expect(files[`${MEDIA}/index.md`]).toBe('---\ntitle: Slow image loading\nkind: incident\nimpact: minor\ncomponents: [media-proxy]\nstarted: 2018-07-02T09:30:00Z\n---\n');
    expect(files[`${MEDIA}/2018-07-02T1100Z.md`]).toBe(
      '---\nstatus: resolved\n---\nImages and videos were loading slowly for some users because of a problem at our CDN.\n\nThe CDN fixed the problem and everything loads at normal speed again.\n',
    );
  });

  it('reads capitalised keys, keeps other labels in the text, makes an introduction the summary, and closes a resolved issue', () => {
    expect(files[`${DEPLOY}/index.md`]).toBe(
      '---\ntitle: Website errors after a deploy\nkind: incident\nimpact: major\ncomponents: [website, search]\nstarted: 2018-08-29T18:50:00Z\n---\nA deploy in the evening of 29 August made some pages of the website fail to load.\n',
    );
    expect(files[`${DEPLOY}/2018-08-29T1920Z.md`]).toBe(
      '---\nstatus: investigating\nnext_update: 2018-08-29T19:45:00Z\n---\n**Update**: We rolled back the deploy; pages are loading again for most users.\n',
    );
    expect(files[`${DEPLOY}/2018-08-29T2015Z.md`]).toBe('---\nstatus: resolved\n---\nThis incident has been resolved.\n');
  });

  it('makes systems components and titled categories groups, in the site config\'s order', () => {
    expect(files['candor.config.yaml']).toBe(`# Written by \`candor import cstate\`. Every key is documented at docs/src/content/docs/configuration.md.
name: Eggsample Status
description: We continuously monitor the status of our services and if there are any interruptions, a note will be posted here.
locale: en-US
groups:
  - id: north-coast
    name: North Coast
    description: The main servers are located here.
components:
  - id: gateway
    name: Gateway
    group: north-coast
  - id: backup-gateway
    name: Backup Gateway
    description: This is a description for a system with no recorded downtime.
    group: north-coast
  - id: website
    name: Website
    description: The web frontend for the application.
  - id: api
    name: API
    description: The guts of the application.
  - id: media-proxy
    name: Media Proxy
    description: This is the *service* responsible for serving images, audio, and video.
  - id: search
    name: Search
mirrors:
  - id: main
    url: https://status.eggsample.example/
    locale: en-US
`);
  });

  it('reports the zone it assumed and everything else it had to decide', () => {
    const report = run.stdout.slice(run.stdout.indexOf('Report — check these:'));
    expect(report.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- cstate/content/issues/2018-07-02-slow-media.md: has no timed updates ({{< track >}} at the end of a line); its text is one resolved update at 2018-07-02T11:00:00Z',
      '- cstate/content/issues/2018-08-29-memory-usage.md: text outside the timed updates became the incident summary in index.md',
      '- cstate/content/issues/2018-08-29-memory-usage.md: is resolved (resolvedWhen 2018-08-29T20:15:00Z) but has no "Resolved" update; added one at that time saying "This incident has been resolved."',
      '- cstate/content/issues/2018-08-29-memory-usage.md: affects "Search", which config.yml does not list as a system; added as a component',
      '- time zone: 12 cState date(s) had no zone and were read as UTC time; if the site was written in another zone, import again with --time-zone',
      `- ${GATEWAY}: is still open: its latest update promises the next one by 2018-06-13T17:20:00Z (an hour after it), since the source has no such field — post a new update or resolve it`,
      '- 2 cState update label(s) that are not statuses ("Update", "Just began"…) were kept in the text; the status carries over from the update before',
      '- 1 informational post(s) became announcements (announcements/), shown on the home page and in the feeds',
      '- 5 earlier updates got next_update set to the time of the update that followed (the source records no promised time)',
      '- 3 all-clear(s) do not say whether data was lost, so data_loss was left out (history is not linted for it; add it where you know)',
    ]);
    expect(run.stdout).toContain('candor check: ok — 4 incidents and maintenance windows, 9 updates.');
  });

  it('writes the informational post as an announcement, marked imported', () => {
    expect(files['announcements/2019-10-04-new-cstate-features.md']).toBe(
      '---\ntitle: New cState features\npublished: 2019-10-04T18:05:00Z\n---\nThis is an informational post: no _Unresolved_ or _Resolved in under a minute_ text on the pages.\n',
    );
  });

  it('produces content that loadSite accepts', async () => {
    const site = await loadSite(root, { now: new Date(NOW) });
    expect(site.ok ? [] : site.errors).toEqual([]);
  });

  it('reads zone-less dates in --time-zone, and writes the instants in UTC', () => {
    const ny = emptyDir();
    const r = candorImport(['cstate', join(CSTATE, 'content'), '--time-zone', 'America/New_York', '--root', ny, '--now', NOW]);
    expect(r.code, r.stderr).toBe(0);
    const out = tree(ny);
    expect(Object.keys(out).filter((p) => p.startsWith(US_EAST))).toEqual([`${US_EAST}/2018-05-25T0813Z.md`, `${US_EAST}/2018-05-25T0840Z.md`, `${US_EAST}/2018-05-25T0954Z.md`, `${US_EAST}/index.md`]);
    expect(out[`${US_EAST}/2018-05-25T0813Z.md`]).toContain('next_update: 2018-05-25T08:40:00Z\n');
    expect(out[`${US_EAST}/index.md`]).toContain('started: 2018-05-25T08:13:00Z\n');
    expect(out['candor.config.yaml']).toContain('    time_zone: America/New_York\n');
    expect(r.stdout).toContain('- time zone: 12 cState date(s) had no zone and were read as America/New_York time');
  });
});

describe('candor import cstate, safely', () => {
  it('prints every file on --dry-run and writes nothing; a real run never overwrites', () => {
    const root = emptyDir();
    const dry = candorImport(['cstate', CSTATE, '--root', root, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(tree(root)).toEqual({});
    expect(dry.stdout).toContain(`=== ${MEDIA}/2018-07-02T1100Z.md\n---\nstatus: resolved\n---\nImages and videos`);
    expect(candorImport(['cstate', CSTATE, '--root', root, '--now', NOW]).code).toBe(0);
    writeFileSync(join(root, MEDIA, 'index.md'), 'edited by hand');
    const before = tree(root);
    const again = candorImport(['cstate', CSTATE, '--root', root, '--now', NOW]);
    expect(tree(root)).toEqual(before);
    expect(again.stdout).toContain(`  skipped ${MEDIA}/index.md (it already exists; left as it was)`);
    expect(again.stdout).toContain('0 file(s) were written, 14 skipped as existing.');
    // The hand edit broke index.md; the import says so rather than claiming success.
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('the content does not pass `candor check` yet');
  });

  it('imports the rest when an issue is unusable, names it, and exits 1', () => {
    const site = testdir(
      {
        'content/issues/good.md': '---\ntitle: API slow\ndate: 2019-02-01 10:00:00\nresolved: true\nseverity: notice\naffected: [API]\n---\n*Resolved* - Fast again. {{< track "2019-02-01 11:00:00" >}}\n\n*Investigating* - Slow. {{< track "2019-02-01 10:00:00" >}}\n',
        'content/issues/bad-date.md': '---\ntitle: Broken\ndate: last Tuesday\nseverity: down\naffected: [API]\n---\nText\n',
        'content/issues/toml.md': '+++\ntitle = "Old style"\n+++\nText\n',
      },
      { config: null },
    );
    const root = emptyDir();
    const r = candorImport(['cstate', join(site, 'content'), '--root', root, '--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('- not imported: content/issues/bad-date.md: date "last Tuesday" is not a date like 2018-05-25 04:13:00');
    expect(r.stdout).toContain('- not imported: content/issues/toml.md: has TOML frontmatter ("+++"); only YAML ("---") is read — convert it and import again');
    expect(Object.keys(tree(root))).toEqual(['candor.config.yaml', 'incidents/2019-02-01-api-slow/2019-02-01T1000Z.md', 'incidents/2019-02-01-api-slow/2019-02-01T1100Z.md', 'incidents/2019-02-01-api-slow/index.md']);
    expect(r.stdout).toContain("- candor.config.yaml: the mirror's url is a placeholder (https://status.example.com/); set it to your status page's address");
  });

  it('explains usage mistakes and missing input with exit code 2', () => {
    const root = emptyDir();
    const cases: [string[], number, string][] = [
      [['cstate'], 2, 'name the cState content folder, e.g. candor import cstate ../status/content'],
      [['cstate', CSTATE, '--time-zone', 'Mars/Olympus'], 2, '--time-zone: "Mars/Olympus" is not an IANA time zone'],
      [['cstate', CSTATE, CSTATE], 2, 'name one cState content folder'],
      [['cstate', join(CSTATE, 'nope')], 2, `${join(CSTATE, 'nope')}: no such folder`],
      [['cstate', emptyDir()], 2, 'no cState issue files (*.md)'],
    ];
    for (const [args, code, message] of cases) {
      const r = candorImport([...args, '--root', root]);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
    expect(tree(root)).toEqual({});
  });
});
