// The Statuspage-compatible API: every document validated by ajv against its JSON Schema, field lists as
// Statuspage documents them, and the values existing clients read.
import Ajv2020 from 'ajv/dist/2020.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { documentSchemas } from '../../site/model/statuspage/schemas.ts';
import { BASIC_SITE, EXAMPLE_OUT, MIRRORS_OUT } from '../helpers/paths.ts';

const SITES = [BASIC_SITE, join(MIRRORS_OUT, 'world'), join(MIRRORS_OUT, 'eu'), ...['global', 'eu', 'apac', 'cn'].map((m) => join(EXAMPLE_OUT, m))];
const doc = (site: string, path: string) => JSON.parse(readFileSync(join(site, 'api', 'v2', path), 'utf8'));

// Field lists as Statuspage's public API documentation gives them, written out here rather than derived
// from our own schemas, so a field we add or drop by mistake fails.
const PAGE = ['id', 'name', 'url', 'time_zone', 'updated_at'];
const COMPONENT = ['id', 'name', 'status', 'created_at', 'updated_at', 'position', 'description', 'showcase', 'start_date', 'group_id', 'page_id', 'group', 'only_show_if_degraded'];
const INCIDENT = ['id', 'name', 'status', 'created_at', 'updated_at', 'monitoring_at', 'resolved_at', 'impact', 'shortlink', 'started_at', 'page_id', 'incident_updates', 'components'];
const UPDATE = ['id', 'status', 'body', 'incident_id', 'created_at', 'updated_at', 'display_at', 'affected_components', 'deliver_notifications', 'custom_tweet', 'tweet_id'];

describe('Statuspage API', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  for (const [path, schema] of Object.entries(documentSchemas)) {
    const validate = ajv.compile(z.toJSONSchema(schema, { io: 'output' }) as object);
    it(`${path} validates against its JSON Schema on every mirror`, () => {
      for (const site of SITES) {
        const body = doc(site, path);
        expect(validate(body), `${site}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    });
  }

  it('uses exactly Statuspage\'s field names', () => {
    const summary = doc(join(EXAMPLE_OUT, 'global'), 'summary.json');
    expect(Object.keys(summary).sort()).toEqual(['components', 'incidents', 'page', 'scheduled_maintenances', 'status']);
    expect(Object.keys(summary.page)).toEqual(PAGE);
    for (const c of summary.components) expect(Object.keys(c)).toEqual(c.group ? [...COMPONENT, 'components'] : COMPONENT);
    const all = doc(join(EXAMPLE_OUT, 'global'), 'incidents.json').incidents;
    for (const i of all) {
      expect(Object.keys(i)).toEqual(INCIDENT);
      for (const u of i.incident_updates) expect(Object.keys(u)).toEqual(UPDATE);
    }
    for (const m of doc(join(EXAMPLE_OUT, 'global'), 'scheduled-maintenances.json').scheduled_maintenances) {
      expect(Object.keys(m)).toEqual([...INCIDENT, 'scheduled_for', 'scheduled_until']);
    }
  });

  it('derives 12-character base36 ids from slugs, the same on every build and mirror', () => {
    const a = doc(BASIC_SITE, 'incidents.json').incidents;
    expect(a.map((i: { id: string }) => i.id).every((id: string) => /^[0-9a-z]{12}$/.test(id))).toBe(true);
    const world = doc(join(EXAMPLE_OUT, 'global'), 'components.json').components.map((c: { id: string }) => c.id);
    const cn = doc(join(EXAMPLE_OUT, 'cn'), 'components.json').components.map((c: { id: string }) => c.id);
    expect(cn).toEqual(world);
    expect(new Set(world).size).toBe(world.length);
  });

  it('reports the open incident, the worst indicator and Statuspage\'s wording', () => {
    const status = doc(BASIC_SITE, 'status.json');
    expect(status.status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
    expect(status.page).toMatchObject({ name: 'Acme Cloud', url: 'https://status.acme.test/status/', time_zone: 'Europe/Paris' });
    const unresolved = doc(BASIC_SITE, 'incidents/unresolved.json').incidents;
    expect(unresolved.map((i: { name: string }) => i.name)).toEqual(['API requests failing for some customers in Europe']);
    const [open] = unresolved;
    expect(open).toMatchObject({ status: 'identified', impact: 'major', resolved_at: null, started_at: '2026-11-23T09:40:00.000Z', shortlink: 'https://status.acme.test/status/incidents/2026-11-23-api-errors-eu/' });
    expect(open.incident_updates.map((u: { status: string }) => u.status)).toEqual(['identified', 'investigating']);
    expect(open.incident_updates[0].affected_components).toEqual([
      { code: expect.any(String), name: 'API', old_status: 'partial_outage', new_status: 'major_outage' },
      { code: expect.any(String), name: 'Dashboard', old_status: 'partial_outage', new_status: 'degraded_performance' },
    ]);
    expect(open.incident_updates[0].body).toBe('We know what is wrong and are fixing it. Workaround: use the US endpoint.');
    const api = doc(BASIC_SITE, 'components.json').components.find((c: { name: string }) => c.name === 'API');
    expect(api.status).toBe('major_outage');
    const group = doc(BASIC_SITE, 'components.json').components.find((c: { group: boolean }) => c.group);
    expect(group).toMatchObject({ name: 'Core services', status: 'major_outage', components: [api.id, expect.any(String)] });
  });

  it('lists maintenance as upcoming, active and past, with its window', () => {
    const upcoming = doc(BASIC_SITE, 'scheduled-maintenances/upcoming.json').scheduled_maintenances;
    expect(upcoming).toEqual([expect.objectContaining({ name: 'Dashboard read-only during an upgrade', status: 'scheduled', impact: 'maintenance', scheduled_for: '2026-11-30T02:00:00.000Z', scheduled_until: '2026-11-30T03:00:00.000Z' })]);
    expect(doc(BASIC_SITE, 'scheduled-maintenances/active.json').scheduled_maintenances).toEqual([]);
    expect(doc(BASIC_SITE, 'scheduled-maintenances.json').scheduled_maintenances).toHaveLength(2);
    expect(doc(BASIC_SITE, 'summary.json').scheduled_maintenances.map((m: { status: string }) => m.status)).toEqual(['scheduled']);
  });

  it('writes each mirror\'s names in its own language and links to its own URL', () => {
    const eu = doc(join(EXAMPLE_OUT, 'eu'), 'summary.json');
    expect(eu.page.url).toBe('https://status.ledgerly.example.eu/');
    expect(eu.components.map((c: { name: string }) => c.name)).toContain('Kartenzahlungen');
    expect(eu.incidents[0].name).toBe('Berichte und das Dashboard sind in Europa langsam oder laden nicht');
    expect(eu.incidents[0].shortlink).toMatch(/^https:\/\/status\.ledgerly\.example\.eu\/incidents\//);
  });

  it('gives hosts CORS and short caching for the API through _headers', () => {
    const headers = readFileSync(join(BASIC_SITE, '_headers'), 'utf8');
    expect(headers).toContain('/status/api/*\n  Access-Control-Allow-Origin: *\n  Cache-Control: public, max-age=60');
    expect(headers).toMatch(/\/status\/\*\n {2}Content-Security-Policy: [^\n]*frame-ancestors 'none'/);
    expect(existsSync(join(EXAMPLE_OUT, 'cn', '_headers'))).toBe(true);
  });
});
