// `candor new` and `candor import` write content through one writer: the same title makes the same folder, and
// the same facts make the same bytes, whichever command wrote them (issue 18, "One writer").
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candor } from '../helpers/cli.ts';
import { testdir } from '../helpers/testdir.ts';
import { withoutProvenance } from '../import/cli.ts';

const AT = '2026-11-23T09:30:00Z';

/** A Statuspage export holding one open incident with one update, as the API serves it. */
function statuspageExport(title: string, body: string): string {
  const component = { id: 'b13yz5g2cw10', name: 'API', status: 'partial_outage', position: 1, group_id: null, group: false, only_show_if_degraded: false, created_at: '2021-05-31T09:12:44.210Z' };
  const update = { id: 'e7w1q4r8t2yu', status: 'investigating', body, incident_id: 'f0c8nz5wd3qa', created_at: AT, updated_at: AT, display_at: AT, affected_components: null };
  const incident = { id: 'f0c8nz5wd3qa', name: title, status: 'investigating', impact: 'major', created_at: AT, updated_at: AT, started_at: AT, resolved_at: null, shortlink: 'https://stspg.io/f0c8nz', components: [component], incident_updates: [update] };
  const root = testdir({ 'export/incidents.json': JSON.stringify({ page: { id: 'kctbh9vrtdwd', name: 'Test Co' }, incidents: [incident] }) }, { config: null });
  return join(root, 'export/incidents.json');
}

function viaImport(title: string, body: string) {
  const root = testdir({});
  const r = candor(['import', 'statuspage', statuspageExport(title, body), '--root', root, '--now', '2026-11-23T09:45:00Z']);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return { root, folder: readdirSync(join(root, 'incidents'))[0]! };
}

function viaNew(title: string, body: string) {
  const root = testdir({});
  const r = candor(['new', '--yes', '--root', root, '--kind', 'incident', '--title', title, '--impact', 'major', '--components', 'api', '--started', AT, '--at', AT, '--next-update', '60', '--body', body]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return { root, folder: readdirSync(join(root, 'incidents'))[0]! };
}

const files = (root: string, folder: string) =>
  withoutProvenance(Object.fromEntries(readdirSync(join(root, 'incidents', folder)).map((f) => [f, readFileSync(join(root, 'incidents', folder, f), 'utf8')])));

// Each case runs the real CLI two to four times; on a loaded machine that alone can pass a minute.
describe('one writer for new and import', { timeout: 240_000 }, () => {
  for (const title of [
    'Élevated API errors — EU & US: half of all requests fail, retry later please',
    'Card payments fail in Europe',
    '"Quoted": colons, --- dashes, and 50% of #hash',
    '支付失败 (payments)',
  ]) {
    it(`gives "${title}" the same folder and byte-identical files`, () => {
      const body = 'We are looking into it: some requests fail.';
      const made = viaNew(title, body);
      const imported = viaImport(title, body);
      expect(made.folder).toBe(imported.folder);
      expect(made.folder).toMatch(/^2026-11-23-[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(files(made.root, made.folder)).toEqual(files(imported.root, imported.folder));
    });
  }

  it('writes lists on one line and instants in UTC to the second, like the docs show them', () => {
    const made = viaNew('Card payments fail in Europe', 'Looking into it.');
    const index = readFileSync(join(made.root, 'incidents', made.folder, 'index.md'), 'utf8');
    expect(index).toBe('---\ntitle: Card payments fail in Europe\nkind: incident\nimpact: major\ncomponents: [api]\nstarted: 2026-11-23T09:30:00Z\n---\n');
    const imported = viaImport('Card payments fail in Europe', 'Looking into it.');
    expect(readFileSync(join(imported.root, 'incidents', imported.folder, '2026-11-23T0930Z.md'), 'utf8')).toBe(
      '---\nstatus: investigating\nnext_update: 2026-11-23T10:30:00Z\nsource_id: e7w1q4r8t2yu\n---\nLooking into it.\n',
    );
  });

  it('refuses a title with a control character before writing anything, naming the file, field and fix', () => {
    const root = testdir({});
    const r = candor(['new', '--yes', '--root', root, '--kind', 'incident', '--title', 'API \u001b[31merrors', '--impact', 'major', '--components', 'api', '--at', AT, '--next-update', '60', '--body', 'Looking.']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing was written, because incidents/2026-11-23-api-31merrors/index.md: title contains the control character U+001B (ESC)');
    expect(r.stderr).toContain('fix: delete it');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(root)).toEqual(['candor.config.yaml']);
  });

  it('names a second update in the same minute by its second, as an import names two updates in one minute', () => {
    const made = viaNew('Card payments fail in Europe', 'Looking into it.');
    const update = (at: string, body: string) =>
      candor(['update', made.folder, '--yes', '--root', made.root, '--status', 'identified', '--next-update', '30', '--body', body, '--at', at, '--now', at]);
    expect(update('2026-11-23T09:40:10Z', 'Found it.').code).toBe(0);
    expect(update('2026-11-23T09:40:20Z', 'Found it, and more.').code).toBe(0);
    expect(readdirSync(join(made.root, 'incidents', made.folder)).sort()).toEqual(['2026-11-23T0930Z.md', '2026-11-23T094020Z.md', '2026-11-23T0940Z.md', 'index.md']);
  });
});

describe('an import refuses text no output can carry', { timeout: 240_000 }, () => {
  it('leaves that incident out, names it and the field, and writes the rest', () => {
    const file = statuspageExport('API errors', 'Fixed \u001b[0m now.');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.incidents.push({ ...doc.incidents[0], id: 'x2', name: 'Website slow', incident_updates: [{ ...doc.incidents[0].incident_updates[0], id: 'u2', body: 'Slow pages.' }] });
    writeFileSync(file, JSON.stringify(doc));
    const root = testdir({});
    const r = candor(['import', 'statuspage', file, '--root', root, '--now', '2026-11-23T09:45:00Z']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('incidents/2026-11-23-api-errors/2026-11-23T0930Z.md: the text (line 1) contains the control character U+001B (ESC)');
    expect(readdirSync(join(root, 'incidents'))).toEqual(['2026-11-23-website-slow']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
