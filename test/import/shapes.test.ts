// Every public shape of Statuspage history reads in: the list documents, one incident as /api/v2/incidents/<id>.json
// serves it (`{ "page", "incident" }`), the older bare incident object (/incidents/<id>.json), and folders of them,
// as public archives keep whole histories. The files are real captures re-shaped (PROVENANCE.md in the fixtures).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Report } from '../../scripts/import/report.ts';
import { readStatuspage } from '../../scripts/import/statuspage/read.ts';
import { CliError } from '../../scripts/lib/cli-error.ts';
import { importInProcess, REAL, scratchDir } from './pipeline.ts';

const SP = join(REAL, 'statuspage');
const GITHUB_ARCHIVE = join(SP, 'github-2024-archive');
const DISCORD_ARCHIVE = join(SP, 'discord-2022-archive');

function read(paths: string[]) {
  const report = new Report();
  const input = readStatuspage(paths, report);
  return { input, report, text: report.format() };
}

describe('one incident per file', () => {
  it('reads /api/v2/incidents/<id>.json ({ "page", "incident" }) with its page', () => {
    const { input, report } = read([join(GITHUB_ARCHIVE, 'captured-late', 'incidents', '69sb0f8lydp4.json')]);
    expect(input.incidents.map((i) => [i.incident.id, i.kind, i.incident.incident_updates.length])).toEqual([['69sb0f8lydp4', 'incident', 6]]);
    expect(input.page.name).toBe('GitHub');
    expect(report.failed).toBe(false);
  });

  it('reads the older bare incident object (/incidents/<id>.json), a maintenance told by its window', () => {
    const { input } = read([join(GITHUB_ARCHIVE, 'captured-late', 'incidents', 'r3x7x31k7nn1.json'), join(DISCORD_ARCHIVE, 'incidents', 'chkt3cr0jf7b.json')]);
    expect(input.incidents.map((i) => [i.incident.id, i.kind])).toEqual([['r3x7x31k7nn1', 'incident'], ['chkt3cr0jf7b', 'maintenance']]);
  });

  it('still refuses a JSON file that is none of these, naming it and what was expected', () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ hello: 'world' }));
    const run = () => read([join(dir, 'other.json')]);
    expect(run).toThrow(CliError);
    expect(run).toThrow(/other\.json: is not a Statuspage API document \(expected "incidents", "scheduled_maintenances", "components" or "incident"/);
    try {
      run();
    } catch (e) {
      expect((e as CliError).exitCode).toBe(2);
    }
  });
});

describe('a folder of files', () => {
  it('reads every .json file under it, and of two captures of one incident keeps the newer, saying so', () => {
    const { input, text } = read([GITHUB_ARCHIVE]);
    const byId = new Map(input.incidents.map((i) => [i.incident.id, i]));
    expect([...byId.keys()].sort()).toEqual(['69sb0f8lydp4', 'r3x7x31k7nn1']);
    // The mid-incident capture is read last (folder order) but is older: the resolved capture wins.
    const kept = byId.get('69sb0f8lydp4')!;
    expect([kept.file, kept.incident.status, kept.incident.incident_updates.length]).toEqual(['github-2024-archive/captured-late/incidents/69sb0f8lydp4.json', 'resolved', 6]);
    expect(text).toContain(
      '- "Incident with Pages and Actions" (id 69sb0f8lydp4): is in github-2024-archive/captured-mid-incident/incidents/69sb0f8lydp4.json and github-2024-archive/captured-late/incidents/69sb0f8lydp4.json, which differ; kept the newer capture, from github-2024-archive/captured-late/incidents/69sb0f8lydp4.json (updated_at 2024-09-16T22:08:39.349Z, 6 update(s), against updated_at 2024-09-16T21:52:44.092Z, 3 update(s))',
    );
    expect(input.components?.length).toBeGreaterThan(0);
  });

  it('mixes summary.json, per-incident documents and bare incidents, and reads an unchanged duplicate once', () => {
    const { input, text } = read([DISCORD_ARCHIVE, join(DISCORD_ARCHIVE, 'incidents', 'chkt3cr0jf7b.json')]);
    expect(input.incidents.map((i) => [i.incident.id, i.kind]).sort()).toEqual([['chkt3cr0jf7b', 'maintenance'], ['n4njzfn1mqy0', 'incident']]);
    expect(input.page.time_zone).toBe('America/Tijuana');
    expect(text).toContain('- 1 incident(s) appeared again, unchanged, in another file; read once');
  });

  it('refuses a folder with no JSON in it as a usage error', () => {
    const dir = scratchDir();
    mkdirSync(join(dir, 'empty'));
    expect(() => read([join(dir, 'empty')])).toThrow(/empty: is a folder with no \.json files in it/);
  });

  it('imports a whole archive folder into a site that passes candor check', async () => {
    const r = await importInProcess('statuspage', [GITHUB_ARCHIVE], '2026-11-30T12:00:00Z');
    expect(r.site.incidents.map((i) => [i.imported?.id, i.updates.length]).sort()).toEqual([['69sb0f8lydp4', 6], ['r3x7x31k7nn1', 6]]);
    expect(r.report.failed).toBe(false);
  });
});
