// Every frontmatter key reaches the loaded model: the loader passes schema output on instead of copying fields by
// hand, and this test fails when a key is added to a schema but dropped on the way (or left out of the fixture).
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { formatErrors } from '../../site/model/errors.ts';
import { parseMarkdownFile } from '../../site/model/frontmatter.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { announcementSchema } from '../../site/model/schema/announcement.ts';
import { incidentIndexSchema, indexTranslationSchema, maintenanceIndexSchema } from '../../site/model/schema/incident.ts';
import { camel } from '../../site/model/schema/shape.ts';
import { incidentUpdateSchema, maintenanceUpdateSchema, postmortemSchema, postmortemTranslationSchema } from '../../site/model/schema/update.ts';
import type { Site } from '../../site/model/site.ts';
import { md, MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
/** A French mirror, so the fixture's translations are served. */
const CONFIG = `${MINIMAL_CONFIG}  - { id: fr, url: https://status.test.example/fr/, locale: fr }\n`;
const INC = 'incidents/2026-11-20-api';
const MNT = 'incidents/2026-11-21-db';

/** A site that sets every key of every content schema at least once (besides `draft`, checked on its own). */
const FILES = {
  [`${INC}/index.md`]: md(
    {
      title: 'API errors',
      kind: 'incident',
      impact: 'major',
      components: ['api'],
      regions: ['eu'],
      started: '2026-11-20T10:00:00Z',
      provider: 'Acme Cloud',
      owner: '@octocat',
      what: 'call the API',
      imported: { from: 'statuspage', id: 'p1x', shortlink: 'https://stspg.io/p1x' },
    },
    'Summary.',
  ),
  [`${INC}/index.fr.md`]: md({ title: 'Erreurs de l’API' }, 'Résumé.'),
  [`${INC}/2026-11-20T1010Z.md`]: md(
    { status: 'investigating', at: '2026-11-20T10:10:00Z', next_update: '2026-11-20T11:00:00Z', components: { api: 'major_outage' }, social: 'API errors.', source_id: 'u1' },
    'Looking.',
  ),
  [`${INC}/2026-11-20T1100Z.md`]: md({ status: 'resolved', data_loss: 'none' }, 'Fixed.'),
  [`${INC}/2026-11-20T1200Z.md`]: md({ status: 'investigating', reopen: true, next_update: '2026-11-20T13:00:00Z' }, 'Back.'),
  [`${INC}/2026-11-20T1300Z.md`]: md({ status: 'resolved', data_loss: 'none' }, 'Fixed again.'),
  [`${INC}/postmortem.md`]: md({ published: '2026-11-21T10:00:00Z', title: 'What happened' }, 'Details.'),
  [`${INC}/postmortem.fr.md`]: md({ title: 'Ce qui s’est passé' }, 'Détails.'),
  [`${MNT}/index.md`]: md({
    title: 'Database upgrade',
    kind: 'maintenance',
    components: ['api'],
    regions: ['us'],
    scheduled: { start: '2026-11-21T02:00:00Z', end: '2026-11-21T04:00:00Z' },
    automatic: false,
    provider: 'Acme Cloud',
    owner: 'octocat',
    what: 'call the API',
    imported: { from: 'cstate', id: 'm1' },
  }),
  [`${MNT}/2026-11-20T1000Z.md`]: md({ status: 'scheduled' }, 'Planned.'),
  [`${MNT}/2026-11-21T0200Z.md`]: md(
    { status: 'in_progress', at: '2026-11-21T02:00:00Z', next_update: '2026-11-21T03:00:00Z', components: { api: 'under_maintenance' }, social: 'Started.', source_id: 'm2' },
    'Started.',
  ),
  [`${MNT}/2026-11-21T0300Z.md`]: md({ status: 'in_progress', scheduled_end: '2026-11-21T05:00:00Z' }, 'Longer.'),
  [`${MNT}/2026-11-21T0500Z.md`]: md({ status: 'completed' }, 'Done.'),
  [`${MNT}/2026-11-21T0510Z.md`]: md({ status: 'verifying', reopen: true }, 'Checking again.'),
  [`${MNT}/2026-11-21T0520Z.md`]: md({ status: 'completed' }, 'Done again.'),
  'announcements/2026-11-01-new-domain.md': md({ title: 'New domain', published: '2026-11-01T09:00:00Z', pinned: true, until: '2026-12-01T00:00:00Z', imported: { from: 'cstate', id: 'n1' } }, 'We moved.'),
};

/** The schema that reads each fixture file, and the loaded object the file became. */
function files(site: Site): { file: string; schema: z.ZodType; model: object }[] {
  const out: { file: string; schema: z.ZodType; model: object }[] = [];
  for (const incident of site.incidents) {
    const incidentKind = incident.kind === 'incident';
    out.push({ file: `${incident.dir}/index.md`, schema: incidentKind ? incidentIndexSchema : maintenanceIndexSchema, model: incident });
    for (const t of Object.values(incident.translations)) out.push({ file: t.file, schema: indexTranslationSchema, model: t });
    for (const u of incident.updates) out.push({ file: u.file, schema: incidentKind ? incidentUpdateSchema : maintenanceUpdateSchema, model: u });
    if (incident.postmortem) {
      out.push({ file: incident.postmortem.file, schema: postmortemSchema, model: incident.postmortem });
      for (const t of Object.values(incident.postmortem.translations)) out.push({ file: t.file, schema: postmortemTranslationSchema, model: t });
    }
  }
  for (const a of site.announcements) out.push({ file: a.file, schema: announcementSchema, model: a });
  return out;
}

/** The keys a schema reads from frontmatter (the object inside the camelCasing transform, where there is one). */
function frontmatterKeys(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: { type: string; in?: z.ZodType; shape?: object } } })._zod.def;
  return def.type === 'pipe' ? frontmatterKeys(def.in!) : Object.keys(def.shape!);
}

const frontmatter = (text: string) => {
  const parsed = parseMarkdownFile(text);
  if (!('data' in parsed)) throw new Error(parsed.message);
  return parsed.data;
};

async function loaded(extra: Record<string, string> = {}): Promise<Site> {
  const r = await loadSite(testdir({ ...FILES, ...extra }, { config: CONFIG }), { now: NOW });
  if (!r.ok) throw new Error(formatErrors(r.errors));
  return r.value;
}

describe('one model: every schema key reaches the loaded site', () => {
  it('passes each file’s parsed frontmatter on under its camelCase name, unchanged', async () => {
    const site = await loaded();
    const seen = new Map<z.ZodType, Set<string>>();
    const read = files(site);
    expect(read).toHaveLength(Object.keys(FILES).length);
    for (const { file, schema, model } of read) {
      const raw = frontmatter(FILES[file as keyof typeof FILES]!);
      const parsed = schema.parse(raw) as Record<string, unknown>;
      for (const key of Object.keys(raw)) {
        const name = camel(key);
        expect(model, `${file}: "${key}" should reach the model as "${name}"`).toHaveProperty(name);
        expect((model as Record<string, unknown>)[name], `${file}: ${key}`).toEqual(parsed[name]);
      }
      seen.set(schema, new Set([...(seen.get(schema) ?? []), ...Object.keys(raw)]));
    }
    // The fixture must use every key, so a key added to a schema fails here until it is shown to arrive.
    const schemas = [incidentIndexSchema, maintenanceIndexSchema, indexTranslationSchema, incidentUpdateSchema, maintenanceUpdateSchema, postmortemSchema, postmortemTranslationSchema, announcementSchema];
    for (const schema of schemas) {
      const unused = frontmatterKeys(schema).filter((k) => k !== 'draft' && !seen.get(schema)?.has(k));
      expect(unused, 'keys of a schema the fixture never sets: add them to FILES').toEqual([]);
    }
  });

  it('fills what frontmatter leaves out from the schema’s defaults and the file itself', async () => {
    const site = await loaded();
    const maintenance = site.incidents.find((i) => i.kind === 'maintenance')!;
    expect(maintenance.started).toEqual(new Date('2026-11-21T02:00:00Z'));
    const [first, resolved] = site.incidents.find((i) => i.kind === 'incident')!.updates;
    expect(resolved).toMatchObject({ at: new Date('2026-11-20T11:00:00Z'), reopen: false, components: {}, stem: '2026-11-20T1100Z', id: '2026-11-20-api/2026-11-20T1100Z' });
    const bodyLine = FILES[first!.file as keyof typeof FILES]!.split('\n').indexOf('Looking.') + 1;
    expect(first).toMatchObject({ nextUpdate: new Date('2026-11-20T11:00:00Z'), sourceId: 'u1', body: 'Looking.', bodyLine });
    expect(first!.dataLoss).toBeUndefined();
    // Nothing keeps a snake_case twin of a renamed field.
    expect(Object.keys(first!).filter((k) => k.includes('_'))).toEqual([]);
  });

  it('gives every update, and every incident, the same keys in the same order (one hidden class for V8)', async () => {
    const site = await loaded();
    const shapes = (objects: object[]) => new Set(objects.map((o) => Object.keys(o).join()));
    expect(shapes(site.incidents.flatMap((i) => i.updates)).size).toBe(1);
    expect(shapes(site.incidents).size).toBe(1);
  });

  it('consumes `draft` instead of passing it on: drafts are listed, never published', async () => {
    const site = await loaded({
      [`${INC}/2026-11-20T1400Z.md`]: md({ status: 'investigating', reopen: true, next_update: '2026-11-20T15:00:00Z', draft: true }),
      'incidents/2026-11-22-web/index.md': md({ title: 'Web', kind: 'incident', impact: 'minor', components: ['web'], started: '2026-11-22T10:00:00Z', draft: true }),
      'incidents/2026-11-22-web/2026-11-22T1010Z.md': md({ status: 'resolved' }),
    });
    // A draft incident is listed by its index.md: the whole folder stays out.
    expect(site.drafts).toEqual([`${INC}/2026-11-20T1400Z.md`, 'incidents/2026-11-22-web/index.md']);
    expect(site.incidents.map((i) => i.id)).not.toContain('2026-11-22-web');
    const everything = files(site).map((f) => f.model);
    expect(everything.filter((m) => 'draft' in m)).toEqual([]);
  });
});
