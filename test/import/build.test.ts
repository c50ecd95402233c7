// Imported sites build for real with `candor build` and read as the old pages did. Output goes under the
// test output folder like every other test build: Astro shares one .astro/.prerender folder between builds
// whose output lies outside the repository, so builds into bare temp folders can trip over each other.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { candor } from '../helpers/cli.ts';
import { page, text } from '../helpers/html.ts';
import { OUT } from '../helpers/paths.ts';
import { candorImport, CSTATE, emptyDir, STATUSPAGE } from './cli.ts';

function importAndBuild(name: string, args: string[], now: string): string {
  const root = emptyDir();
  const imported = candorImport([...args, '--root', root, '--now', now]);
  expect(imported.code, imported.stdout + imported.stderr).toBe(0);
  const out = join(OUT, name);
  const build = candor(['build', '--root', root, '--out', out, '--now', now]);
  expect(build.code, build.stdout + build.stderr).toBe(0);
  return join(out, 'main');
}

describe('an imported Statuspage history, built', () => {
  let site: string;
  beforeAll(() => {
    const files = ['incidents.json', 'scheduled-maintenances.json', 'components.json'].map((f) => join(STATUSPAGE, f));
    site = importAndBuild('import-statuspage', ['statuspage', ...files], '2022-12-01T00:00:00Z');
  });

  it('shows every update with its status, time, text and component changes', () => {
    const a = page(site, 'incidents/2022-06-14-elevated-api-error-rates');
    expect(text(a.querySelector('h1'))).toBe('Elevated API error rates');
    expect(text(a.querySelector('dl.facts'))).toContain('Status Resolved Impact Major Affects API Dashboard');
    const updates = a.querySelectorAll('ol.updates > li');
    expect(updates.map((u) => text(u.querySelector('h3')).split(' · ')[0])).toEqual(['Resolved', 'Monitoring', 'Identified', 'Investigating']);
    const first = updates[3]!;
    expect(first.querySelector('time')!.getAttribute('datetime')).toBe('2022-06-14T12:27:26.370Z');
    // Shown in the page's own zone, which the config took from Statuspage.
    expect(text(first.querySelector('h3'))).toBe('Investigating · Jun 14, 2022, 2:27 PM GMT+2');
    expect(first.querySelector('.md strong')!.text).toBe('elevated error rates');
    expect(first.querySelector('.md br')).not.toBeNull();
    expect(text(first.querySelector('p.meta'))).toBe('API: Partial outage · Dashboard: Degraded performance');
    expect(updates[2]!.querySelector('.md a')!.getAttribute('href')).toBe('https://docs.acme-cloud.example/retries?lang=en&v=2');
  });

  it('publishes the postmortem', () => {
    const pm = page(site, 'incidents/2022-06-14-elevated-api-error-rates/postmortem');
    expect(text(pm.querySelector('h1'))).toBe('Postmortem: Elevated API error rates');
    expect(pm.querySelectorAll('main h2').map((h) => text(h))).toEqual(expect.arrayContaining(['What happened', 'What we are changing']));
    expect(pm.querySelectorAll('main li').map((li) => text(li))).toContain('Configuration changes now roll out one region at a time.');
  });

  it('shows the open incident as active, components in their Statuspage groups, and the maintenance', () => {
    const home = page(site, '');
    const active = text(home.querySelector('#active')!.parentNode);
    expect(active).toContain('Delayed webhook deliveries');
    expect(active).toContain('Next update was due');
    expect(home.querySelectorAll('.group h3').map((h) => text(h))).toEqual(['Europe', 'United States']);
    expect(text(page(site, 'maintenance').querySelector('main'))).toMatch(/Past maintenance Database upgrade for the dashboard/);
  });
});

describe('an imported cState site, built', () => {
  let site: string;
  beforeAll(() => {
    site = importAndBuild('import-cstate', ['cstate', CSTATE], '2019-12-01T00:00:00Z');
  });

  it('shows the split log newest first, the summary, and no "not translated" notes', () => {
    const deploy = page(site, 'incidents/2018-08-29-website-errors-after-a-deploy');
    expect(text(deploy.querySelector('h1'))).toBe('Website errors after a deploy');
    const updates = deploy.querySelectorAll('ol.updates > li');
    expect(updates.map((u) => text(u.querySelector('h3')).split(' · ')[0])).toEqual(['Resolved', 'Investigating', 'Investigating']);
    expect(text(updates[2]!.querySelector('.md'))).toBe('Update: We rolled back the deploy; pages are loading again for most users.');
    expect(text(deploy.querySelector('main'))).toContain('A deploy in the evening of 29 August made some pages of the website fail to load.');
    expect(deploy.querySelector('p.note')).toBeNull();
  });

  it('keeps the unresolved issue open on the home page, with its systems grouped as cState did', () => {
    const home = page(site, '');
    expect(text(home.querySelector('#active')!.parentNode)).toContain('Gateway unreachable');
    expect(home.querySelectorAll('.group h3').map((h) => text(h))).toEqual(['North Coast']);
    expect(text(page(site, 'components/gateway').querySelector('h1'))).toBe('Gateway');
  });
});
