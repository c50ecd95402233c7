// Fitting an imported history to the rules `candor check` enforces, and saying so each time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../site/model/load/index.ts';
import type { DraftIncident, DraftUpdate } from '../../scripts/import/draft.ts';
import { incidentFiles, type PlannedFile } from '../../scripts/import/incident-files.ts';
import { Report } from '../../scripts/import/report.ts';
import { zonedStamp } from '../../scripts/import/stamp.ts';
import { testdir } from '../helpers/testdir.ts';

const at = (text: string) => zonedStamp(text)!;
const update = (time: string, status: DraftUpdate['status'], body = `Posted at ${time}.`): DraftUpdate => ({ at: at(time), status, body, components: {} });
const incident = (over: Partial<DraftIncident>): DraftIncident => ({
  origin: 'test',
  title: 'API errors',
  kind: 'incident',
  impact: 'major',
  components: ['api'],
  started: at('2026-03-01T10:00:00+01:00'),
  summary: '',
  updates: [],
  ...over,
});

function filesOf(drafts: DraftIncident[]) {
  const report = new Report();
  const taken = new Set<string>();
  const files: PlannedFile[] = drafts.flatMap((d) => incidentFiles(d, 'statuspage', taken, report)?.files ?? []);
  return { files: Object.fromEntries(files.map((f) => [f.path, f.content])), report };
}

async function load(files: Record<string, string>) {
  const root = testdir({});
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return loadSite(root, { now: new Date('2026-06-01T00:00:00Z') });
}

async function problems(files: Record<string, string>) {
  const site = await load(files);
  return site.ok ? [] : site.errors;
}

async function loadedSite(files: Record<string, string>) {
  const site = await load(files);
  if (!site.ok) throw new Error(JSON.stringify(site.errors));
  return site.value;
}

describe('incidentFiles', () => {
  it('marks an update after an all-clear as reopening, and promises each next update by the one that followed', async () => {
    const { files } = filesOf([
      incident({
        updates: [
          update('2026-03-01T10:10:00+01:00', 'investigating'),
          update('2026-03-01T10:40:00+01:00', 'resolved'),
          update('2026-03-01T11:05:00+01:00', 'investigating', 'It is back.'),
          update('2026-03-01T11:30:00+01:00', 'resolved'),
        ],
      }),
    ]);
    const dir = 'incidents/2026-03-01-api-errors';
    expect(files[`${dir}/2026-03-01T1005Z.md`]).toBe('---\nstatus: investigating\nreopen: true\nnext_update: 2026-03-01T10:30:00Z\n---\nIt is back.\n');
    expect(files[`${dir}/2026-03-01T0910Z.md`]).toContain('next_update: 2026-03-01T09:40:00Z\n');
    expect(await problems(files)).toEqual([]);
  });

  it('keeps instants a few hundred milliseconds apart exactly, names same-minute files to the second, and starts no later than the first update', async () => {
    const { files, report } = filesOf([
      incident({
        started: at('2026-03-01T10:30:00Z'),
        updates: [update('2026-03-01T10:00:00.100Z', 'investigating'), update('2026-03-01T10:00:00.900Z', 'identified'), update('2026-03-01T10:20:00Z', 'resolved')],
      }),
    ]);
    const dir = 'incidents/2026-03-01-api-errors';
    // The minute's own name for the first; the next free second of the minute for the second; `at:` keeps each instant.
    expect(Object.keys(files).sort()).toEqual([`${dir}/2026-03-01T100001Z.md`, `${dir}/2026-03-01T1000Z.md`, `${dir}/2026-03-01T1020Z.md`, `${dir}/index.md`]);
    expect(files[`${dir}/2026-03-01T1000Z.md`]).toContain('at: 2026-03-01T10:00:00.100Z\n');
    expect(files[`${dir}/2026-03-01T100001Z.md`]).toContain('at: 2026-03-01T10:00:00.900Z\n');
    expect(files[`${dir}/index.md`]).toContain('started: 2026-03-01T10:00:00.100Z\n');
    expect(report.format()).not.toContain('same');
    expect(report.format()).toContain(`- ${dir}: started (2026-03-01T10:30:00Z) was after the first update; it is now the first update's time, 2026-03-01T10:00:00.100Z`);
    expect(await problems(files)).toEqual([]);
    const site = await loadedSite(files);
    expect(site.incidents[0]!.updates.map((u) => u.at.toISOString())).toEqual(['2026-03-01T10:00:00.100Z', '2026-03-01T10:00:00.900Z', '2026-03-01T10:20:00.000Z']);
  });

  it('keeps instants late in a crowded minute, and moves only a real collision, by a millisecond, saying so', async () => {
    const { files, report } = filesOf([
      incident({
        started: at('2026-03-01T10:00:00Z'),
        updates: [
          update('2026-03-01T10:00:59.486Z', 'investigating'),
          update('2026-03-01T10:00:59.800Z', 'identified'),
          update('2026-03-01T10:00:59.800Z', 'monitoring', 'Same instant.'),
          update('2026-03-01T10:20:00Z', 'resolved'),
        ],
      }),
    ]);
    const dir = 'incidents/2026-03-01-api-errors';
    const site = await loadedSite(files);
    expect(site.incidents[0]!.updates.map((u) => [u.status, u.at.toISOString()])).toEqual([
      ['investigating', '2026-03-01T10:00:59.486Z'],
      ['identified', '2026-03-01T10:00:59.800Z'],
      ['monitoring', '2026-03-01T10:00:59.801Z'],
      ['resolved', '2026-03-01T10:20:00.000Z'],
    ]);
    const notes = report.notes.filter((n) => n.text.includes('same instant'));
    expect(notes).toEqual([{ where: dir, failed: false, text: 'two updates have the same instant, 2026-03-01T10:00:59.800Z; the later one in the source now says 2026-03-01T10:00:59.801Z, a millisecond after' }]);
  });

  it('gives incidents with the same day and title their own folders, and shortens over-long titles', async () => {
    const long = `Card payments fail ${'and then some more '.repeat(12)}`;
    const { files, report } = filesOf([
      incident({ updates: [update('2026-03-01T10:10:00+01:00', 'resolved')] }),
      incident({ updates: [update('2026-03-01T16:10:00+01:00', 'resolved')] }),
      incident({ title: long, updates: [update('2026-03-01T18:10:00+01:00', 'resolved')] }),
      incident({ title: '   ', updates: [update('2026-03-01T19:10:00+01:00', 'resolved')] }),
    ]);
    const folders = [...new Set(Object.keys(files).map((p) => p.split('/')[1]))];
    expect(folders).toEqual(['2026-03-01-api-errors', '2026-03-01-api-errors-2', '2026-03-01-card-payments-fail-and-then-some-more-and-then', '2026-03-01-untitled-incident']);
    const title = /title: (.*)/.exec(files['incidents/2026-03-01-card-payments-fail-and-then-some-more-and-then/index.md']!)![1]!;
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title.endsWith('…')).toBe(true);
    expect(report.format()).toContain('the title was longer than 200 characters and was shortened');
    expect(report.format()).toContain('- incidents/2026-03-01-untitled-incident: had no title; it is now "Untitled incident"');
    expect(await problems(files)).toEqual([]);
  });

  it('repairs a window that ends before it starts and a postmortem dated before the incident', async () => {
    const { files, report } = filesOf([
      incident({
        kind: 'maintenance',
        impact: undefined,
        title: 'Database upgrade',
        started: at('2026-03-02T22:00:00+01:00'),
        scheduled: { start: at('2026-03-02T22:00:00+01:00'), end: at('2026-03-02T21:00:00+01:00') },
        updates: [update('2026-02-25T09:00:00+01:00', 'scheduled'), update('2026-03-02T22:00:00+01:00', 'in_progress'), update('2026-03-02T22:50:00+01:00', 'completed')],
      }),
      incident({ updates: [update('2026-03-01T10:10:00+01:00', 'resolved')], postmortem: { published: at('2026-02-01T00:00:00Z'), body: '## Summary\n\nIt broke.' } }),
    ]);
    expect(files['incidents/2026-03-02-database-upgrade/index.md']).toContain('scheduled: { start: 2026-03-02T21:00:00Z, end: 2026-03-02T22:00:00Z }\n');
    expect(files['incidents/2026-03-01-api-errors/postmortem.md']).toBe('---\npublished: 2026-03-01T09:10:00Z\n---\n## Summary\n\nIt broke.\n');
    expect(report.format()).toContain('its end is now an hour after the start');
    expect(report.format()).toContain("the postmortem's publication time (2026-02-01T00:00:00Z) is before the incident started; used the last update's time instead");
    expect(await problems(files)).toEqual([]);
  });

  it('refuses an incident without updates', () => {
    const { files, report } = filesOf([incident({ origin: 'incidents.json: "Empty"' })]);
    expect(files).toEqual({});
    expect(report.failed).toBe(true);
    expect(report.format()).toContain('- not imported: incidents.json: "Empty": has no updates, and a Candor incident needs at least one');
  });

  it('does not import an incident whose update is a pasted log too dense to render quickly, and says which and why', () => {
    const log = '[10:05:01] [error] [pool=a] timed out\n'.repeat(400);
    const { files, report } = filesOf([incident({ origin: 'incidents.json: "Logs"', updates: [update('2026-03-01T10:05:00+01:00', 'investigating', log), update('2026-03-01T11:00:00+01:00', 'resolved')] })]);
    expect(files).toEqual({});
    expect(report.failed).toBe(true);
    expect(report.format()).toMatch(/- not imported: incidents\.json: "Logs": was not imported: incidents\/2026-03-01-api-errors\/2026-03-01T0905Z\.md: the text \(line 301\) has 400 lines, over the 300-line limit for an update/);
  });
});
