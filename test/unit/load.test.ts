import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatErrors, type ContentError } from '../../site/model/errors.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { md, testdir } from '../helpers/testdir.ts';

const NOW = { now: new Date('2026-11-23T12:00:00Z') };
const INDEX = md({ title: 'API errors', kind: 'incident', impact: 'major', components: ['api'], started: '2026-11-23T10:00:00Z' });
const FIRST = md({ status: 'investigating', next_update: '2026-11-23T11:00:00Z' }, 'Some requests fail.');

async function errorsOf(files: Record<string, string | Buffer>, config?: string): Promise<ContentError[]> {
  const r = await loadSite(testdir(files, config === undefined ? {} : { config }), NOW);
  if (r.ok) throw new Error('expected errors, got a valid site');
  return r.errors;
}

describe('loadSite', () => {
  it('loads a valid incident with its updates in time order', async () => {
    const root = testdir({
      'incidents/2026-11-23-api/index.md': INDEX,
      'incidents/2026-11-23-api/2026-11-23T1100Z.md': md({ status: 'identified', next_update: '2026-11-23T12:30:00Z', components: { api: 'major_outage' } }, 'Found it.'),
      'incidents/2026-11-23-api/2026-11-23T1010Z.md': FIRST,
    });
    const r = await loadSite(root, NOW);
    if (!r.ok) throw new Error(formatErrors(r.errors));
    const [incident] = r.value.incidents;
    expect(incident).toMatchObject({ id: '2026-11-23-api', kind: 'incident', impact: 'major', components: ['api'], regions: [] });
    expect(incident!.updates.map((u) => [u.stem, u.status])).toEqual([
      ['2026-11-23T1010Z', 'investigating'],
      ['2026-11-23T1100Z', 'identified'],
    ]);
    expect(incident!.updates[1]!.components).toEqual({ api: 'major_outage' });
    expect(incident!.updates[0]!.body).toBe('Some requests fail.');
  });

  it('reports every problem in one run, each with file, line, field and fix', async () => {
    const errors = await errorsOf({
      'incidents/2026-11-23-api/index.md': md({ title: 'API errors', kind: 'incident', impact: 'majr', components: ['apii'], regions: ['europe'], started: '2026-11-23T10:00:00Z' }),
      'incidents/2026-11-23-api/2026-11-23T1010Z.md': md({ status: 'investigating' }),
      'incidents/2026-11-22-web/index.md': md({ title: 'Web', kind: 'incident', impact: 'minor', components: ['web'], started: '2026-11-22T10:00:00' }),
      'incidents/2026-11-22-web/2026-11-22T1010Z.md': md({ status: 'investigatng', next_update: '2026-11-22T11:00:00Z' }),
    });
    const text = formatErrors(errors);
    expect(text).toContain('incidents/2026-11-23-api/index.md:4 impact: unknown impact "majr"\n  fix: did you mean "major"?');
    expect(text).toContain('incidents/2026-11-23-api/index.md:5 components.0: unknown component "apii"\n  fix: did you mean "api"?');
    expect(text).toContain('regions.0: unknown region "europe"\n  fix: use one of: eu, us');
    expect(text).toContain('incidents/2026-11-23-api/2026-11-23T1010Z.md next_update: is missing on an unresolved incident');
    expect(text).toContain('incidents/2026-11-22-web/index.md:6 started: "2026-11-22T10:00:00" has no time zone');
    expect(text).toContain('incidents/2026-11-22-web/2026-11-22T1010Z.md:2 status: "investigatng" is not allowed\n  fix: did you mean "investigating"?');
    expect(text).toMatch(/6 problems found; nothing was built\.$/);
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('reads a wrongly named incident folder anyway, so one run reports every problem inside it', async () => {
    const errors = await errorsOf({
      'incidents/api-errors/index.md': INDEX.replace('impact: major', 'impact: majr'),
      'incidents/api-errors/2026-11-23T1010Z.md': md({ status: 'investigatin', next_update: '2026-11-23T11:00:00Z' }, 'Some requests fail.'),
      'incidents/api-errors/2026-11-23T1030Z.md': md({ status: 'identified', next_update: '2026-11-23T11:00:00Z', components: { apii: 'major_outage' } }, 'Found it.'),
    });
    expect(errors.map((e) => `${e.file} ${e.field ?? ''} ${e.message}`)).toEqual([
      'incidents/api-errors  "api-errors" is not named <YYYY-MM-DD>-<slug>',
      'incidents/api-errors/2026-11-23T1010Z.md status ' + errors.find((e) => e.file.endsWith('T1010Z.md'))!.message,
      'incidents/api-errors/2026-11-23T1030Z.md components.apii unknown component "apii"',
      'incidents/api-errors/index.md impact unknown impact "majr"',
    ]);
    expect(errors.find((e) => e.file.endsWith('T1010Z.md'))!.message).toMatch(/investigatin/);
  });

  it('says a time came from the file name when the update has no "at", and names "at" only when written', async () => {
    const dir = 'incidents/2026-11-23-api';
    const errors = await errorsOf({
      [`${dir}/index.md`]: INDEX,
      [`${dir}/2026-11-23T0950Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T11:00:00Z' }),
      [`${dir}/2026-11-23T1010Z.md`]: md({ status: 'identified', next_update: '2026-11-23T11:00:00Z' }),
      [`${dir}/2026-11-23T1300Z.md`]: md({ status: 'identified', at: '2026-11-23T13:00:00Z', next_update: '2026-11-23T14:00:00Z' }),
    });
    const of = (f: string) => errors.filter((e) => e.file === `${dir}/${f}`).map((e) => ({ field: e.field, line: e.line, message: e.message }));
    expect(of('2026-11-23T0950Z.md')).toEqual([{ field: undefined, line: undefined, message: 'is posted before the incident started (2026-11-23T10:00:00.000Z): its time comes from its file name (2026-11-23T0950Z)' }]);
    expect(of('2026-11-23T1300Z.md')).toEqual([{ field: 'at', line: 3, message: 'is in the future (2026-11-23T13:00:00.000Z)' }]);
  });

  it('rejects updates before the start, in the future, at the same moment, or after resolution without reopening', async () => {
    const dir = 'incidents/2026-11-23-api';
    const errors = await errorsOf({
      [`${dir}/index.md`]: INDEX,
      [`${dir}/2026-11-23T0950Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T11:00:00Z' }),
      [`${dir}/2026-11-23T1010Z.md`]: md({ status: 'resolved' }),
      [`${dir}/2026-11-23T101000Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T11:00:00Z' }),
      [`${dir}/2026-11-23T1300Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T14:00:00Z' }),
    });
    const byFile = (f: string) => errors.filter((e) => e.file === `${dir}/${f}`).map((e) => e.message);
    expect(byFile('2026-11-23T0950Z.md')).toEqual([expect.stringContaining('is posted before the incident started')]);
    const clash = errors.find((e) => e.message.includes('has the same time as'));
    expect([clash?.file, clash?.message].join(' ')).toMatch(/2026-11-23T101000Z\.md.*2026-11-23T1010Z\.md|2026-11-23T1010Z\.md.*2026-11-23T101000Z\.md/);
    expect(byFile('2026-11-23T1300Z.md')).toEqual(expect.arrayContaining([expect.stringContaining('is in the future'), 'follows "resolved" without reopening']));
  });

  it('accepts a reopened incident', async () => {
    const dir = 'incidents/2026-11-23-api';
    const r = await loadSite(
      testdir({
        [`${dir}/index.md`]: INDEX,
        [`${dir}/2026-11-23T1010Z.md`]: FIRST,
        [`${dir}/2026-11-23T1030Z.md`]: md({ status: 'resolved', data_loss: 'none' }),
        [`${dir}/2026-11-23T1100Z.md`]: md({ status: 'investigating', reopen: true, next_update: '2026-11-23T12:30:00Z' }),
      }),
      NOW,
    );
    expect(r.ok).toBe(true);
  });

  it('checks maintenance windows', async () => {
    const errors = await errorsOf({
      'incidents/2026-11-30-db/index.md': md({ title: 'DB', kind: 'maintenance', components: ['api'], scheduled: { start: '2026-11-30T03:00:00Z', end: '2026-11-30T02:00:00Z' } }),
      'incidents/2026-11-30-db/2026-11-23T1000Z.md': md({ status: 'scheduled' }),
    });
    expect(errors).toEqual([expect.objectContaining({ field: 'scheduled.end', message: 'ends before (or when) the window starts' })]);
  });

  it('refuses misplaced, misnamed, empty, non-UTF-8 and huge files', async () => {
    const errors = await errorsOf({
      'incidents/stray.md': FIRST,
      'incidents/api-outage/index.md': INDEX,
      'incidents/2026-11-23-api/index.md': INDEX,
      'incidents/2026-11-23-api/2026-11-23T1010Z.md': FIRST,
      'incidents/2026-11-23-api/update.md': FIRST,
      'incidents/2026-11-23-api/2026-11-23T1011Z.md': '   \n',
      'incidents/2026-11-23-api/2026-11-23T1012Z.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]),
      'incidents/2026-11-23-api/2026-11-23T1013Z.md': `${FIRST}${'x'.repeat(300 * 1024)}`,
    });
    const messages = errors.map((e) => `${e.file}: ${e.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'incidents/stray.md: is not inside an incident folder',
        'incidents/api-outage: "api-outage" is not named <YYYY-MM-DD>-<slug>',
        'incidents/2026-11-23-api/update.md: "update.md" is not a name Candor knows',
        'incidents/2026-11-23-api/2026-11-23T1011Z.md: is empty',
        'incidents/2026-11-23-api/2026-11-23T1012Z.md: is not valid UTF-8 text',
        expect.stringMatching(/^incidents\/2026-11-23-api\/2026-11-23T1013Z\.md: is \d+ KB, over the 256 KB limit$/),
      ]),
    );
  });

  it('refuses a symbolic link that leads outside the repository', async () => {
    const outside = testdir({ 'secret.md': FIRST }, { config: null });
    const root = testdir({ 'incidents/2026-11-23-api/index.md': INDEX, 'incidents/2026-11-23-api/2026-11-23T1010Z.md': FIRST });
    symlinkSync(join(outside, 'secret.md'), join(root, 'incidents/2026-11-23-api/2026-11-23T1020Z.md'));
    const r = await loadSite(root, NOW);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual(['is a symbolic link that leads outside the repository']);
  });

  it('validates the config and its references', async () => {
    const errors = await errorsOf({}, 'name: X\ncomponnets: []\ncomponents:\n  - { id: api, name: API, group: nope }\nmirrors:\n  - { id: main, url: not-a-url, locale: en, time_zone: Mars/Olympus }\n');
    const text = formatErrors(errors);
    expect(text).toContain('candor.config.yaml:2 componnets: unknown field "componnets"\n  fix: did you mean "components"?');
    expect(text).toContain('candor.config.yaml:6 mirrors.0.url: must be an absolute http(s) URL');
    expect(text).toContain('mirrors.0.time_zone: is not an IANA time zone');
  });

  it('refuses a mirror language without an interface translation, and a translation no mirror serves', async () => {
    const config = 'name: X\ncomponents: [{ id: api, name: API }]\nmirrors:\n  - { id: main, url: https://s.example/, locale: en, locales: [en, pt, fr] }\n';
    const errors = await errorsOf({}, config);
    expect(formatErrors(errors)).toContain('candor.config.yaml:4 mirrors.0.locales.1: no interface translation for "pt"\n  fix: use one of: en, fr, de, sv, ro, zh-CN, or add site/i18n/pt.json (see docs/src/content/docs/languages-and-mirrors.md#adding-a-language)');
    const content = await errorsOf({
      'incidents/2026-11-23-api/index.md': INDEX,
      'incidents/2026-11-23-api/2026-11-23T1010Z.md': FIRST,
      'incidents/2026-11-23-api/2026-11-23T1010Z.de.md': 'Einige Anfragen schlagen fehl.',
      'incidents/2026-11-23-api/2026-11-23T1020Z.fr.md': 'Traduction orpheline.',
    });
    expect(content.map((e) => `${e.file}: ${e.message}`)).toEqual([
      'incidents/2026-11-23-api/2026-11-23T1010Z.de.md: is a translation into "de", which no mirror serves',
      'incidents/2026-11-23-api/2026-11-23T1020Z.fr.md: translates an update that does not exist (2026-11-23T1020Z.md)',
    ]);
  });

  it('reports a missing config file', async () => {
    const errors = await errorsOf({ 'incidents/.gitkeep': '' }, undefined).catch(() => []);
    expect(errors).toEqual([]);
    const r = await loadSite(testdir({}, { config: null }), NOW);
    expect(r.ok ? [] : r.errors).toEqual([{ file: 'candor.config.yaml', message: 'is missing', fix: expect.stringContaining('create it') }]);
  });
});
